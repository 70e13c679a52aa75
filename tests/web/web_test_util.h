// A web::Server on 127.0.0.1 with a ledger of its own (one user per test as needed), a clock the
// test moves, and a client that logs in through the real form (httplib keeps no cookies itself).
#pragma once

#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/users.h"
#include "mailroom/web/server.h"
#include "temp_dir.h"

namespace mailroom::web::testing {

using namespace std::chrono_literals;

inline constexpr const char* kPassword = "correct horse battery";

/// 2024-03-01 08:00 UTC plus what the test moved the clock by.
struct TestClock {
  std::shared_ptr<std::atomic<long long>> offset = std::make_shared<std::atomic<long long>>(0);
  std::chrono::sys_seconds Now() const {
    return std::chrono::sys_days{std::chrono::year{2024} / 3 / 1} + 8h + std::chrono::seconds(offset->load());
  }
  void Advance(std::chrono::seconds by) const { *offset += by.count(); }
  Clock AsClock() const {
    return [copy = *this] { return copy.Now(); };
  }
};

/// The value of cookie `name` among a response's Set-Cookie headers, or "".
inline std::string SetCookieValue(const httplib::Result& response, const std::string& name) {
  for (const auto& [header, value] : response->headers) {
    if (header != "Set-Cookie" || value.rfind(name + "=", 0) != 0) continue;
    return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
  }
  return "";
}

/// The whole Set-Cookie header of cookie `name`, or "".
inline std::string SetCookieHeader(const httplib::Result& response, const std::string& name) {
  for (const auto& [header, value] : response->headers) {
    if (header == "Set-Cookie" && value.rfind(name + "=", 0) == 0) return value;
  }
  return "";
}

/// What a login through the form gave: the response to the POST, and the session cookie.
struct LoginAttempt {
  int status = 0;
  std::string location;
  std::string session;  ///< the session cookie's value; empty when refused
  std::string body;
};

class TestSite {
 public:
  explicit TestSite(std::vector<Route> routes = {}) {
    auto ledger = ledger::Ledger::Open(dir_ / "ledger.sqlite");
    REQUIRE(ledger);
    ledger_.emplace(std::move(*ledger));
    ServerOptions options;
    options.ledger_file = dir_ / "ledger.sqlite";
    options.title = "mailroom test desk";
    options.clock = clock.AsClock();
    options.max_body_bytes = 64 * 1024;
    auto server = Server::Start(options, std::move(routes));
    REQUIRE(server);
    server_ = std::move(*server);
  }

  void AddUser(const std::string& login, std::vector<std::string> jobcenters = {"jobcenter-kiel"}) {
    REQUIRE(ledger::Users(*ledger_).Add(login, kPassword, jobcenters, {"admin", clock.Now()}));
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", server_->port());
    return client;
  }

  LoginAttempt LogIn(const std::string& login, const std::string& password, const std::string& next = "/") {
    auto client = Client();
    auto form = client.Get("/login");
    REQUIRE(form);
    REQUIRE(form->status == 200);
    const std::string form_cookie = SetCookieValue(form, "mailroom_login");
    std::smatch match;
    REQUIRE(std::regex_search(form->body, match, std::regex(R"re(name="csrf" value="([0-9a-f]+)")re")));
    httplib::Params fields{{"login", login}, {"password", password}, {"next", next}, {"csrf", match[1].str()}};
    auto posted = client.Post("/login", {{"Cookie", "mailroom_login=" + form_cookie}}, fields);
    REQUIRE(posted);
    return {posted->status, posted->get_header_value("Location"), SetCookieValue(posted, "mailroom_session"),
            posted->body};
  }

  /// Logs `login` in (the right password) and gives the session cookie.
  std::string SessionOf(const std::string& login) {
    auto attempt = LogIn(login, kPassword);
    REQUIRE(attempt.status == 303);
    REQUIRE_FALSE(attempt.session.empty());
    return attempt.session;
  }

  static httplib::Headers WithSession(const std::string& session, httplib::Headers more = {}) {
    more.emplace("Cookie", "mailroom_session=" + session);
    return more;
  }

  const mailroom::testing::TempDir& dir() const { return dir_; }
  ledger::Ledger& ledger() { return *ledger_; }
  TestClock clock;

 private:
  mailroom::testing::TempDir dir_;
  std::optional<ledger::Ledger> ledger_;
  std::unique_ptr<Server> server_;
};

}  // namespace mailroom::web::testing
