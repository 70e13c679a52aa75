// The request pipeline: session, refusals, CSRF, the handler, security headers.
#include "mailroom/web/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>

#include "cookies.h"
#include "mailroom/common/event_log.h"
#include "mailroom/common/utc_time.h"
#include "server_state.h"

namespace mailroom::web {
namespace {

// 'self' only; images may also be data: URLs (the pages' inline icons). No inline script or style
// anywhere, so an injected <script> cannot run.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Request ToRequest(const httplib::Request& in) {
  Request request;
  request.method = in.method;
  request.path = in.path;
  for (std::size_t i = 1; i < in.matches.size(); ++i) request.matches.push_back(in.matches[i].str());
  for (const auto& [name, value] : in.params) request.params.emplace(name, value);  // keeps the first
  request.body = in.body;
  for (const auto& [name, value] : in.headers) request.headers.emplace_back(name, value);
  return request;
}

// The pipeline around one route's handler.
void Serve(Server::State& state, const Route& route, const httplib::Request& in, httplib::Response& out) {
  Request request = ToRequest(in);
  auto session = state.SessionOf(in);
  if (!session) return ServerError(out, "web.ledger_failed", session.error().message);
  request.session = std::move(*session);
  if (!route.is_public && !request.session) return RefuseWithoutSession(in, out);
  if (ChangesState(in.method)) {
    if (!request.session) {
      return WriteResponse(JsonError(403, "refused: a " + in.method + " needs a login and its CSRF token"), out);
    }
    std::string token = in.get_header_value("X-CSRF-Token");
    if (token.empty()) token = request.params.count("csrf") ? request.params.at("csrf") : "";
    if (!SameToken(token, request.session->csrf_token)) {
      return WriteResponse(
          JsonError(403, token.empty() ? "refused: no CSRF token (header X-CSRF-Token or form field csrf)"
                                       : "refused: wrong CSRF token (log in again, or reload the page)"),
          out);
    }
  }
  Response response;
  try {
    response = route.handler(request);
  } catch (const std::exception& e) {
    // The exception's text may quote the request; it goes to the debug level only.
    eventlog::Log(eventlog::Level::kDebug, "web.handler_exception", {}, e.what());
    return ServerError(out, "web.handler_failed", route.method + " " + route.pattern + " threw");
  } catch (...) {
    return ServerError(out, "web.handler_failed", route.method + " " + route.pattern + " threw");
  }
  WriteResponse(response, out);
}

void AddSecurityHeaders(const httplib::Request&, httplib::Response& response) {
  const std::pair<const char*, const char*> headers[] = {
      {"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},    {"Content-Security-Policy", kContentSecurityPolicy},
      {"Cache-Control", "no-store"},
  };
  for (const auto& [name, value] : headers) {
    if (!response.has_header(name)) response.set_header(name, value);
  }
}

// httplib's own refusals (404, 405, 413, 400) come without a body: say what it was.
httplib::Server::HandlerResponse DescribeError(const httplib::Request& request, httplib::Response& response) {
  if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  std::string what = response.status == 404   ? "not found: " + request.path
                     : response.status == 405 ? "method " + request.method + " not allowed on " + request.path
                     : response.status == 413 ? "request body too large"
                                              : "refused (HTTP " + std::to_string(response.status) + ")";
  if (request.path.starts_with("/api/")) {
    response.set_content(nlohmann::json{{"error", what}}.dump(), "application/json");
  } else {
    response.set_content(what + "\n", "text/plain; charset=utf-8");
  }
  return httplib::Server::HandlerResponse::Handled;
}

Result<void> AddRoute(Server::State& state, Route route) {
  Server::State* self = &state;
  auto handler = [self, route](const httplib::Request& in, httplib::Response& out) { Serve(*self, route, in, out); };
  try {
    if (route.method == "GET") {
      state.http.Get(route.pattern, handler);
    } else if (route.method == "POST") {
      state.http.Post(route.pattern, handler);
    } else if (route.method == "PUT") {
      state.http.Put(route.pattern, handler);
    } else if (route.method == "PATCH") {
      state.http.Patch(route.pattern, handler);
    } else if (route.method == "DELETE") {
      state.http.Delete(route.pattern, handler);
    } else {
      return Fail("route " + route.pattern + ": method '" + route.method + "' is not one of GET POST PUT PATCH DELETE");
    }
  } catch (const std::regex_error& e) {
    return Fail("route " + route.pattern + ": not a regular expression (" + e.what() + ")");
  }
  return {};
}

}  // namespace

std::string Request::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (std::equal(key.begin(), key.end(), name.begin(), name.end(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return value;
    }
  }
  return "";
}

Response JsonError(int status, const std::string& message) {
  return Response{status, "application/json", nlohmann::json{{"error", message}}.dump(), {}};
}

bool MayWork(const Session& session, const std::string& jobcenter_id) {
  if (session.all_jobcenters) return true;
  return !jobcenter_id.empty() &&
         std::find(session.jobcenters.begin(), session.jobcenters.end(), jobcenter_id) != session.jobcenters.end();
}

std::chrono::sys_seconds Server::State::Now() const {
  return options.clock ? options.clock() : UtcNow();
}

Result<std::optional<Session>> Server::State::SessionOf(const httplib::Request& request) {
  const std::string token = CookieValue(request.get_header_value("Cookie"), kSessionCookie);
  if (token.empty()) return std::optional<Session>();
  std::lock_guard lock(ledger_mutex);
  auto found = ledger::Sessions(*ledger).Find(token, Now());
  if (!found) return tl::unexpected(found.error());
  if (!*found) return std::optional<Session>();
  auto& info = **found;
  return std::optional<Session>(
      Session{std::move(info.login), std::move(info.csrf_token), std::move(info.jobcenters), info.all_jobcenters});
}

void RefuseWithoutSession(const httplib::Request& request, httplib::Response& response) {
  const bool page =
      !request.path.starts_with("/api/") || request.get_header_value("Accept").find("text/html") != std::string::npos;
  if (request.method == "GET" && page) {
    response.status = 303;
    response.set_header("Location",
                        "/login?next=" + PercentEncode(request.target.empty() ? request.path : request.target));
    return;
  }
  WriteResponse(JsonError(401, "not logged in (or the session has ended): log in at /login"), response);
}

void WriteResponse(const Response& from, httplib::Response& to) {
  to.status = from.status;
  to.set_content(from.body, from.content_type);
  for (const auto& [name, value] : from.headers) {
    if (name == "Set-Cookie") {
      to.headers.emplace(name, value);  // several cookies are several headers
    } else {
      to.set_header(name, value);
    }
  }
}

void ServerError(httplib::Response& response, std::string_view event, std::string_view what) {
  eventlog::Log(eventlog::Level::kError, event, {}, what);
  WriteResponse(JsonError(500, "internal error: the request could not be completed (see the server's log)"), response);
}

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options, std::vector<Route> routes) {
  std::error_code error;
  if (!ledger::IsServerLedger(options.ledger_file.string()) &&
      !std::filesystem::is_regular_file(options.ledger_file, error)) {
    return Fail("no ledger at " + options.ledger_file.string() +
                " (the users live in the scan center's ledger: give it with --ledger or MAILROOM_LEDGER)");
  }
  auto state = std::make_unique<State>();
  state->options = options;
  auto opened = ledger::Ledger::Open(options.ledger_file);
  if (!opened) return tl::unexpected(opened.error());
  state->ledger.emplace(std::move(*opened));

  auto& http = state->http;
  // httplib's default adds SO_REUSEPORT, with which a second process would share the port and
  // take half the requests. SO_REUSEADDR alone still lets a restarted process listen again at once.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  http.set_payload_max_length(options.max_body_bytes);
  http.set_error_handler(httplib::Server::HandlerWithResponse(DescribeError));
  http.set_post_routing_handler(AddSecurityHeaders);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    ServerError(response, "web.request_failed", "a request failed outside its handler");
  });

  // The built-ins first: httplib takes the first pattern that matches, so these paths stay ours.
  AddLoginPosts(*state);
  for (auto& route : LoginPageRoutes(*state)) {
    if (auto added = AddRoute(*state, std::move(route)); !added) return tl::unexpected(added.error());
  }
  for (auto& route : routes) {
    if (!route.handler) return Fail("route " + route.pattern + ": no handler");
    if (auto added = AddRoute(*state, std::move(route)); !added) return tl::unexpected(added.error());
  }

  const int bound = options.port == 0                               ? http.bind_to_any_port(options.bind)
                    : http.bind_to_port(options.bind, options.port) ? options.port
                                                                    : -1;
  if (bound <= 0) {
    return Fail("cannot listen on " + options.bind + ":" + std::to_string(options.port) +
                " (in use, or not an address of this machine)");
  }
  state->port = bound;
  State* raw = state.get();
  state->thread = std::thread([raw] { raw->http.listen_after_bind(); });
  // httplib's stop() does nothing before the listening loop runs, so a quick Start and destroy
  // would join for ever: return only once it runs.
  while (!state->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return std::unique_ptr<Server>(new Server(std::move(state)));
}

Server::Server(std::unique_ptr<State> state) : state_(std::move(state)) {}

Server::~Server() {
  state_->http.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

int Server::port() const {
  return state_->port;
}

}  // namespace mailroom::web
