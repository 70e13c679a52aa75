// The request pipeline over real HTTP: refusals without a session, CSRF on every POST, public
// routes, security headers, a handler that throws, and what a handler gets.
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "web_test_util.h"

namespace mailroom::web {
namespace {

using namespace testing;

std::vector<Route> TestRoutes() {
  std::vector<Route> routes;
  routes.push_back({"GET", "/", [](const Request&) { return Response{200, "text/html", "<p>desk</p>", {}}; }});
  routes.push_back({"GET", R"(/api/review/([^/]+)/pages/(\d+))", [](const Request& request) {
                      nlohmann::json json{{"matches", request.matches},
                                          {"login", request.session->login},
                                          {"may_work_kiel", MayWork(*request.session, "jobcenter-kiel")},
                                          {"q", request.params.count("q") ? request.params.at("q") : ""}};
                      return Response{200, "application/json", json.dump(), {}};
                    }});
  routes.push_back({"POST", "/api/assign", [](const Request& request) {
                      return Response{200, "application/json", nlohmann::json{{"got", request.body}}.dump(), {}};
                    }});
  routes.push_back(
      {"POST", "/api/form", [](const Request& request) {
         return Response{200, "application/json", nlohmann::json{{"case", request.params.at("case")}}.dump(), {}};
       }});
  routes.push_back({"GET", "/metrics", [](const Request&) { return Response{200, "text/plain", "up 1\n", {}}; }, true});
  routes.push_back({"POST", "/api/ping",
                    [](const Request&) {
                      return Response{200, "application/json", "{}", {}};
                    },
                    true});
  routes.push_back({"GET", "/api/boom", [](const Request&) -> Response {
                      throw std::runtime_error("BG 35301BG0012345 Erika Mustermann");
                    }});
  return routes;
}

std::string CsrfOf(TestSite& site, const std::string& session) {
  auto about = site.Client().Get("/api/session", TestSite::WithSession(session));
  REQUIRE(about);
  REQUIRE(about->status == 200);
  return nlohmann::json::parse(about->body)["csrf_token"];
}

TEST_CASE("a page without a session is sent to the login page, which leads back to it", "[web][refused]") {
  TestSite site(TestRoutes());
  site.AddUser("op-1");
  auto client = site.Client();
  auto page = client.Get("/?box=B-1");
  REQUIRE(page);
  CHECK(page->status == 303);
  // httplib's client hands header values over URL-decoded; on the wire it is /login?next=/%3Fbox%3DB-1.
  CHECK(page->get_header_value("Location") == "/login?next=/?box=B-1");
  auto form = client.Get("/login?next=/%3Fbox%3DB-1");
  REQUIRE(form);
  CHECK(form->body.find(R"(name="next" value="/?box=B-1")") != std::string::npos);
  // A browser asking for an /api/ path as a page is sent to log in as well.
  auto as_page = client.Get("/api/review/D-1/pages/2", {{"Accept", "text/html,application/xhtml+xml"}});
  CHECK(as_page->status == 303);
}

TEST_CASE("an /api/ request without a session is 401 with a JSON reason", "[web][refused]") {
  TestSite site(TestRoutes());
  auto client = site.Client();
  for (const char* cookie : {"", "mailroom_session=0123",
                             "mailroom_session="  // a well-formed token of no session
                             "00000000000000000000000000000000"
                             "00000000000000000000000000000000"}) {
    INFO(cookie);
    httplib::Headers headers;
    if (*cookie) headers.emplace("Cookie", cookie);
    auto api = client.Get("/api/review/D-1/pages/2", headers);
    REQUIRE(api);
    CHECK(api->status == 401);
    CHECK(api->get_header_value("Content-Type") == "application/json");
    CHECK(nlohmann::json::parse(api->body)["error"].get<std::string>().find("not logged in") != std::string::npos);
  }
  auto post = client.Post("/api/assign", "{}", "application/json");
  CHECK(post->status == 401);
}

TEST_CASE("a POST needs the session's CSRF token, in the header or the form", "[web][csrf]") {
  TestSite site(TestRoutes());
  site.AddUser("op-1");
  site.AddUser("op-2");
  const auto session = site.SessionOf("op-1");
  const auto csrf = CsrfOf(site, session);
  const auto other_csrf = CsrfOf(site, site.SessionOf("op-2"));
  auto client = site.Client();

  auto none = client.Post("/api/assign", TestSite::WithSession(session), R"({"case":"1"})", "application/json");
  REQUIRE(none);
  CHECK(none->status == 403);
  CHECK(nlohmann::json::parse(none->body)["error"].get<std::string>().find("no CSRF token") != std::string::npos);

  // The right token with its last character changed (to another one: a random token ends in '0'
  // one time in sixteen), and with one more.
  const std::string last_changed = csrf.substr(0, 63) + (csrf.back() == '0' ? "1" : "0");
  for (const std::string& wrong : {std::string("x"), other_csrf, last_changed, csrf + "0"}) {
    auto refused =
        client.Post("/api/assign", TestSite::WithSession(session, {{"X-CSRF-Token", wrong}}), "{}", "application/json");
    CHECK(refused->status == 403);
  }

  auto right = client.Post("/api/assign", TestSite::WithSession(session, {{"X-CSRF-Token", csrf}}), R"({"case":"1"})",
                           "application/json");
  REQUIRE(right);
  CHECK(right->status == 200);
  CHECK(nlohmann::json::parse(right->body)["got"] == R"({"case":"1"})");

  auto form = client.Post("/api/form", TestSite::WithSession(session),
                          httplib::Params{{"case", "35301BG0012345"}, {"csrf", csrf}});
  CHECK(form->status == 200);
  auto form_wrong = client.Post("/api/form", TestSite::WithSession(session),
                                httplib::Params{{"case", "35301BG0012345"}, {"csrf", other_csrf}});
  CHECK(form_wrong->status == 403);
}

TEST_CASE("a public route is served without a session, but a public POST still needs a token", "[web][csrf]") {
  TestSite site(TestRoutes());
  site.AddUser("op-1");
  auto client = site.Client();
  auto metrics = client.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->status == 200);
  CHECK(metrics->body == "up 1\n");
  CHECK(client.Post("/api/ping", "{}", "application/json")->status == 403);
  const auto session = site.SessionOf("op-1");
  CHECK(client
            .Post("/api/ping", TestSite::WithSession(session, {{"X-CSRF-Token", CsrfOf(site, session)}}), "{}",
                  "application/json")
            ->status == 200);
}

TEST_CASE("a handler gets the pattern's groups, the query and the session", "[web]") {
  TestSite site(TestRoutes());
  site.AddUser("op-1", {"jobcenter-flensburg"});
  const auto session = site.SessionOf("op-1");
  auto got = site.Client().Get("/api/review/B-1.3/pages/12?q=a%20b", TestSite::WithSession(session));
  REQUIRE(got);
  REQUIRE(got->status == 200);
  const auto json = nlohmann::json::parse(got->body);
  CHECK(json["matches"] == nlohmann::json::array({"B-1.3", "12"}));
  CHECK(json["login"] == "op-1");
  CHECK(json["may_work_kiel"] == false);
  CHECK(json["q"] == "a b");
}

TEST_CASE("every response carries the security headers", "[web][headers]") {
  TestSite site(TestRoutes());
  site.AddUser("op-1");
  const auto session = site.SessionOf("op-1");
  auto client = site.Client();
  std::vector<httplib::Result> responses;
  responses.push_back(client.Get("/login"));
  responses.push_back(client.Get("/"));                                                                       // 303
  responses.push_back(client.Get("/api/session"));                                                            // 401
  responses.push_back(client.Post("/api/assign", TestSite::WithSession(session), "{}", "application/json"));  // 403
  responses.push_back(client.Get("/api/session", TestSite::WithSession(session)));                            // 200
  responses.push_back(client.Get("/no/such/page"));                                                           // 404
  responses.push_back(client.Post("/api/assign", TestSite::WithSession(session), std::string(100 * 1024, 'x'),
                                  "application/json"));  // 413
  std::vector<int> statuses;
  for (const auto& response : responses) {
    REQUIRE(response);
    statuses.push_back(response->status);
    INFO(response->status);
    CHECK(response->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(response->get_header_value("X-Frame-Options") == "DENY");
    CHECK(response->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    CHECK(response->get_header_value("Content-Security-Policy").find("unsafe-inline") == std::string::npos);
    CHECK(response->get_header_value("Cache-Control") == "no-store");
  }
  CHECK(statuses == std::vector<int>{200, 303, 401, 403, 200, 404, 413});
}

TEST_CASE("a handler that throws is answered 500 without what it threw", "[web]") {
  TestSite site(TestRoutes());
  site.AddUser("op-1");
  auto failed = site.Client().Get("/api/boom", TestSite::WithSession(site.SessionOf("op-1")));
  REQUIRE(failed);
  CHECK(failed->status == 500);
  CHECK(failed->body.find("Mustermann") == std::string::npos);
  CHECK(nlohmann::json::parse(failed->body)["error"].get<std::string>().find("internal error") != std::string::npos);
}

TEST_CASE("the server refuses a missing ledger, an unknown method and a broken pattern", "[web]") {
  mailroom::testing::TempDir dir;
  ServerOptions options;
  options.ledger_file = dir / "typo.sqlite";
  auto missing = Server::Start(options, {});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("typo.sqlite") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "typo.sqlite"));

  REQUIRE(ledger::Ledger::Open(dir / "ledger.sqlite"));
  options.ledger_file = dir / "ledger.sqlite";
  auto method = Server::Start(options, {{"TRACE", "/x", [](const Request&) { return Response{}; }}});
  REQUIRE_FALSE(method);
  CHECK(method.error().message.find("TRACE") != std::string::npos);
  auto pattern = Server::Start(options, {{"GET", "/x/([", [](const Request&) { return Response{}; }}});
  REQUIRE_FALSE(pattern);
  CHECK(pattern.error().message.find("/x/([") != std::string::npos);
}

TEST_CASE("MayWork follows the grants", "[web]") {
  Session clerk{"op-1", "t", {"jobcenter-kiel"}, false};
  CHECK(MayWork(clerk, "jobcenter-kiel"));
  CHECK_FALSE(MayWork(clerk, "jobcenter-flensburg"));
  CHECK_FALSE(MayWork(clerk, ""));
  Session lead{"op-2", "t", {}, true};
  CHECK(MayWork(lead, "jobcenter-flensburg"));
  CHECK_FALSE(MayWork(Session{}, "jobcenter-kiel"));
}

}  // namespace
}  // namespace mailroom::web
