// A web::Server on 127.0.0.1 with a ledger of its own (one user per test as needed), a clock the
// test moves, and logging in through the real form (tests/support/web_login.h).
#pragma once

#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/users.h"
#include "mailroom/web/server.h"
#include "temp_dir.h"
#include "web_login.h"

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

/// The whole Set-Cookie header of cookie `name`, or "".
inline std::string SetCookieHeader(const httplib::Result& response, const std::string& name) {
  for (const auto& [header, value] : response->headers) {
    if (header == "Set-Cookie" && value.rfind(name + "=", 0) == 0) return value;
  }
  return "";
}

using mailroom::testing::LoginAttempt;
using mailroom::testing::SetCookieValue;

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
    return mailroom::testing::PostLoginForm(client, login, password, next);
  }

  /// Logs `login` in (the right password) and gives the session cookie.
  std::string SessionOf(const std::string& login) {
    auto client = Client();
    return mailroom::testing::LogInThroughForm(client, login, kPassword);
  }

  static httplib::Headers WithSession(const std::string& session, httplib::Headers more = {}) {
    return mailroom::testing::WithSession(session, std::move(more));
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
