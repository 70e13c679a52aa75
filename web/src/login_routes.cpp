// The built-in routes: the login form, logging in and out, and the session as JSON.
#include <nlohmann/json.hpp>

#include "assets.h"
#include "cookies.h"
#include "login_page.h"
#include "mailroom/common/event_log.h"
#include "server_state.h"

namespace mailroom::web {
namespace {

std::string Param(const httplib::Request& request, const char* name) {
  return request.has_param(name) ? request.get_param_value(name) : "";
}

// The form, with a fresh login-form token in it and in its cookie (Path=/login: sent back only
// with the form). `status`: 200 for the form, 401/403/429 for a refused login.
void LoginForm(const Server::State& state, int status, const std::string& next, const std::string& error,
               httplib::Response& response) {
  const std::string token = RandomHex();
  response.status = status;
  response.set_content(LoginPage(state.options.title, next, token, error), "text/html; charset=utf-8");
  response.headers.emplace("Set-Cookie", SetCookie(kLoginFormCookie, token, "/login", state.options.secure_cookie));
}

// Releases a login slot however the login ends.
struct LoginSlot {
  explicit LoginSlot(Server::State& state) : state_(state) { state_.logins.acquire(); }
  ~LoginSlot() { state_.logins.release(); }
  LoginSlot(const LoginSlot&) = delete;
  LoginSlot& operator=(const LoginSlot&) = delete;
  Server::State& state_;
};

Result<ledger::LoginResult> CheckPassword(Server::State& state, const std::string& login, const std::string& password) {
  LoginSlot slot(state);
  auto ledger = ledger::Ledger::Open(state.options.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  return ledger::Sessions(*ledger).LogIn(login, password, state.Now());
}

void PostLogin(Server::State& state, const httplib::Request& request, httplib::Response& response) {
  const std::string next = SafeNext(Param(request, "next"));
  const std::string cookies = request.get_header_value("Cookie");
  if (!SameToken(Param(request, "csrf"), CookieValue(cookies, kLoginFormCookie))) {
    return LoginForm(state, 403, next, "The login form had expired or came from elsewhere. Please log in again.",
                     response);
  }
  const std::string login = Param(request, "login");
  const std::string password = Param(request, "password");
  if (login.empty() || password.empty()) return LoginForm(state, 401, next, "wrong login or password", response);
  auto result = CheckPassword(state, login, password);
  if (!result) return ServerError(response, "web.ledger_failed", result.error().message);
  if (!result->session) {
    // Not the login: it may be a password typed into the wrong field. The ledger's audit names
    // the user where the login exists.
    eventlog::Log(eventlog::Level::kInfo, "web.login_refused", {}, result->refusal);
    return LoginForm(state, result->throttled ? 429 : 401, next, result->refusal, response);
  }
  // This browser's earlier session, if any, ends: one browser, one session.
  if (const auto old = CookieValue(cookies, kSessionCookie); !old.empty()) {
    std::lock_guard lock(state.ledger_mutex);
    (void)ledger::Sessions(*state.ledger).LogOut(old, state.Now());
  }
  eventlog::Log(eventlog::Level::kInfo, "web.login", {{}, {}, {}, {{"user", result->session->login}}}, "logged in");
  response.status = 303;
  response.set_header("Location", next);
  response.headers.emplace("Set-Cookie", SetCookie(kSessionCookie, result->token, "/", state.options.secure_cookie));
  response.headers.emplace("Set-Cookie", SetCookie(kLoginFormCookie, "", "/login", state.options.secure_cookie, 0));
}

void PostLogout(Server::State& state, const httplib::Request& request, httplib::Response& response) {
  auto session = state.SessionOf(request);
  if (!session) return ServerError(response, "web.ledger_failed", session.error().message);
  const auto cleared = SetCookie(kSessionCookie, "", "/", state.options.secure_cookie, 0);
  if (*session) {
    std::string token = request.get_header_value("X-CSRF-Token");
    if (token.empty()) token = Param(request, "csrf");
    if (!SameToken(token, (*session)->csrf_token)) {
      return WriteResponse(JsonError(403, "refused: logging out needs the session's CSRF token"), response);
    }
    std::lock_guard lock(state.ledger_mutex);
    auto ended = ledger::Sessions(*state.ledger)
                     .LogOut(CookieValue(request.get_header_value("Cookie"), kSessionCookie), state.Now());
    if (!ended) return ServerError(response, "web.ledger_failed", ended.error().message);
    eventlog::Log(eventlog::Level::kInfo, "web.logout", {{}, {}, {}, {{"user", (*session)->login}}}, "logged out");
  }
  // Without a session there is nothing to end: to the login page all the same.
  response.status = 303;
  response.set_header("Location", "/login");
  response.headers.emplace("Set-Cookie", cleared);
}

}  // namespace

std::vector<Route> LoginPageRoutes(Server::State& state) {
  Server::State* self = &state;
  std::vector<Route> routes;
  routes.push_back({"GET", "/login",
                    [self](const Request& request) {
                      const auto next = request.params.count("next") ? request.params.at("next") : "/";
                      httplib::Response form;
                      LoginForm(*self, 200, SafeNext(next), "", form);
                      Response response{200, "text/html; charset=utf-8", form.body, {}};
                      response.headers.emplace_back("Set-Cookie", form.get_header_value("Set-Cookie"));
                      return response;
                    },
                    true});
  routes.push_back({"GET", "/login.css",
                    [](const Request&) {
                      return Response{200, "text/css; charset=utf-8", kLoginCss, {}};
                    },
                    true});
  routes.push_back({"GET", "/api/session", [](const Request& request) {
                      const Session& session = *request.session;
                      const nlohmann::json json{{"login", session.login},
                                                {"csrf_token", session.csrf_token},
                                                {"jobcenters", session.jobcenters},
                                                {"all_jobcenters", session.all_jobcenters}};
                      return Response{200, "application/json", json.dump(), {}};
                    }});
  return routes;
}

void AddLoginPosts(Server::State& state) {
  Server::State* self = &state;
  state.http.Post("/login", [self](const httplib::Request& request, httplib::Response& response) {
    PostLogin(*self, request, response);
  });
  state.http.Post("/logout", [self](const httplib::Request& request, httplib::Response& response) {
    PostLogout(*self, request, response);
  });
}

}  // namespace mailroom::web
