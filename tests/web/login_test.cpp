// Logging in through the real form over HTTP: right and wrong passwords, throttling, the session
// cookie's lifetime (idle and absolute, on the test's clock), logging out, and where a login leads.
#include <nlohmann/json.hpp>

#include "mailroom/ledger/sessions.h"
#include "web_test_util.h"

namespace mailroom::web {
namespace {

using namespace testing;

TEST_CASE("the right password logs in: 303 to next and a session cookie only scripts cannot read", "[web][login]") {
  TestSite site;
  site.AddUser("op-1", {"jobcenter-kiel", "jobcenter-flensburg"});
  auto client = site.Client();
  auto form = client.Get("/login");
  REQUIRE(form);
  const std::string form_cookie = SetCookieValue(form, "mailroom_login");
  std::smatch match;
  REQUIRE(std::regex_search(form->body, match, std::regex(R"re(name="csrf" value="([0-9a-f]+)")re")));
  CHECK(match[1].str() == form_cookie);
  auto posted = client.Post(
      "/login", {{"Cookie", "mailroom_login=" + form_cookie}},
      httplib::Params{{"login", "op-1"}, {"password", kPassword}, {"next", "/desk?box=B-1"}, {"csrf", form_cookie}});
  REQUIRE(posted);
  CHECK(posted->status == 303);
  CHECK(posted->get_header_value("Location") == "/desk?box=B-1");
  const std::string cookie = SetCookieHeader(posted, "mailroom_session");
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(cookie.find("Path=/;") != std::string::npos);

  auto session = client.Get("/api/session", TestSite::WithSession(SetCookieValue(posted, "mailroom_session")));
  REQUIRE(session);
  REQUIRE(session->status == 200);
  const auto json = nlohmann::json::parse(session->body);
  CHECK(json["login"] == "op-1");
  CHECK(json["jobcenters"] == nlohmann::json::array({"jobcenter-flensburg", "jobcenter-kiel"}));
  CHECK(json["all_jobcenters"] == false);
  CHECK(json["csrf_token"].get<std::string>().size() == 64);
}

TEST_CASE("a wrong password, an unknown login and a disabled user are refused alike, without a cookie",
          "[web][login]") {
  TestSite site;
  site.AddUser("op-1");
  site.AddUser("op-2");
  REQUIRE(ledger::Users(site.ledger()).Disable("op-2", {"admin", site.clock.Now()}));
  for (auto [login, password] : {std::pair{"op-1", "wrong password here"}, std::pair{"nobody", kPassword},
                                 std::pair{"op-2", kPassword}, std::pair{"op-1", ""}}) {
    INFO(login << " / " << password);
    auto attempt = site.LogIn(login, password);
    CHECK(attempt.status == 401);
    CHECK(attempt.session.empty());
    CHECK(attempt.body.find("wrong login or password") != std::string::npos);
    if (*password) CHECK(attempt.body.find(password) == std::string::npos);  // never shown back
  }
  CHECK(site.LogIn("OP-1", kPassword).status == 303);  // a login is not case-sensitive
}

TEST_CASE("a login form without its own token (posted from elsewhere) is refused", "[web][login][csrf]") {
  TestSite site;
  site.AddUser("op-1");
  auto client = site.Client();
  auto posted = client.Post("/login", httplib::Params{{"login", "op-1"}, {"password", kPassword}, {"csrf", "1234"}});
  REQUIRE(posted);
  CHECK(posted->status == 403);
  CHECK(SetCookieValue(posted, "mailroom_session").empty());
}

TEST_CASE("five failed logins lock the login for 15 minutes, even with the right password", "[web][login]") {
  TestSite site;
  site.AddUser("op-1");
  for (int i = 0; i < ledger::kMaxLoginFailures; ++i) CHECK(site.LogIn("op-1", "not the password").status == 401);
  auto locked = site.LogIn("op-1", kPassword);
  CHECK(locked.status == 429);
  CHECK(locked.session.empty());
  CHECK(locked.body.find("too many failed logins") != std::string::npos);
  CHECK(site.LogIn("nobody", "guess one").status == 401);  // other logins are not held up
  site.clock.Advance(ledger::kLoginFailureWindow + std::chrono::seconds(1));
  CHECK(site.LogIn("op-1", kPassword).status == 303);
}

TEST_CASE("a session ends after 30 minutes without a request", "[web][session]") {
  TestSite site;
  site.AddUser("op-1");
  const auto session = site.SessionOf("op-1");
  auto client = site.Client();
  site.clock.Advance(29min);
  CHECK(client.Get("/api/session", TestSite::WithSession(session))->status == 200);  // and is seen again
  site.clock.Advance(29min);
  CHECK(client.Get("/api/session", TestSite::WithSession(session))->status == 200);
  site.clock.Advance(31min);
  CHECK(client.Get("/api/session", TestSite::WithSession(session))->status == 401);
  site.clock.Advance(-31min);  // and it stays ended: the ledger removed it
  CHECK(client.Get("/api/session", TestSite::WithSession(session))->status == 401);
}

TEST_CASE("a session ends 10 hours after the login however busy it is", "[web][session]") {
  TestSite site;
  site.AddUser("op-1");
  const auto session = site.SessionOf("op-1");
  auto client = site.Client();
  for (int minutes = 20; minutes < 10 * 60; minutes += 20) {
    site.clock.Advance(20min);
    REQUIRE(client.Get("/api/session", TestSite::WithSession(session))->status == 200);
  }
  site.clock.Advance(20min);  // 10 h since the login
  CHECK(client.Get("/api/session", TestSite::WithSession(session))->status == 401);
}

TEST_CASE("logging out ends the session; without its CSRF token it is refused", "[web][session][csrf]") {
  TestSite site;
  site.AddUser("op-1");
  const auto session = site.SessionOf("op-1");
  auto client = site.Client();
  auto about = client.Get("/api/session", TestSite::WithSession(session));
  const std::string csrf = nlohmann::json::parse(about->body)["csrf_token"];

  auto refused = client.Post("/logout", TestSite::WithSession(session), "", "text/plain");
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK(client.Get("/api/session", TestSite::WithSession(session))->status == 200);

  auto out = client.Post("/logout", TestSite::WithSession(session, {{"X-CSRF-Token", csrf}}), "", "text/plain");
  REQUIRE(out);
  CHECK(out->status == 303);
  CHECK(out->get_header_value("Location") == "/login");
  CHECK(SetCookieHeader(out, "mailroom_session").find("Max-Age=0") != std::string::npos);
  CHECK(client.Get("/api/session", TestSite::WithSession(session))->status == 401);
}

TEST_CASE("disabling a user or changing the password ends their sessions at once", "[web][session]") {
  TestSite site;
  site.AddUser("op-1");
  site.AddUser("op-2");
  const auto first = site.SessionOf("op-1");
  const auto second = site.SessionOf("op-2");
  ledger::Users users(site.ledger());
  REQUIRE(users.Disable("op-1", {"admin", site.clock.Now()}));
  REQUIRE(users.SetPassword("op-2", "a new long password", {"admin", site.clock.Now()}));
  auto client = site.Client();
  CHECK(client.Get("/api/session", TestSite::WithSession(first))->status == 401);
  CHECK(client.Get("/api/session", TestSite::WithSession(second))->status == 401);
  CHECK(site.LogIn("op-2", kPassword).status == 401);
  CHECK(site.LogIn("op-2", "a new long password").status == 303);
}

TEST_CASE("a login leads only to a path of this server", "[web][login]") {
  TestSite site;
  site.AddUser("op-1");
  for (const char* next : {"https://evil.example/", "//evil.example/x", "/\\evil.example", "/\t/evil.example",
                           "javascript:alert(1)", "evil.example", "", "/login?next=//evil.example"}) {
    INFO(next);
    auto attempt = site.LogIn("op-1", kPassword, next);
    CHECK(attempt.status == 303);
    CHECK(attempt.location == "/");
  }
  CHECK(site.LogIn("op-1", kPassword, "/review/B-1?x=1").location == "/review/B-1?x=1");
}

TEST_CASE("the login page is served from the binary, escapes what it shows and loads nothing from elsewhere",
          "[web][login]") {
  TestSite site;
  auto client = site.Client();
  auto form = client.Get("/login?next=%2Fx%22%3E%3Cscript%3E");
  REQUIRE(form);
  CHECK(form->status == 200);
  CHECK(form->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(form->body.find("mailroom test desk") != std::string::npos);
  CHECK(form->body.find("<script") == std::string::npos);
  CHECK(form->body.find("/x&quot;&gt;&lt;script&gt;") != std::string::npos);
  CHECK(form->body.find("http") == std::string::npos);  // no URL of another site
  CHECK(client.Get("/login.css")->status == 200);
}

}  // namespace
}  // namespace mailroom::web
