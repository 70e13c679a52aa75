// The web pages' users in the ledger: argon2id hashes, grants, audit rows, sessions stored by the
// hash of their token, and a version 2 ledger file gaining the tables.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "ledger_test_util.h"
#include "mailroom/ledger/sessions.h"
#include "mailroom/ledger/users.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

constexpr const char* kPassword = "correct horse battery";

std::vector<std::string> AuditWhat(Ledger& ledger) {
  std::vector<std::string> what;
  auto trail = ledger.AuditTrail("");
  REQUIRE(trail);
  for (const auto& entry : *trail) what.push_back(entry.what);
  return what;
}

bool Contains(const std::vector<std::string>& values, const std::string& part) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& v) { return v.find(part) != std::string::npos; });
}

TEST_CASE("a password is kept as an argon2id hash, never as itself", "[ledger][users]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(Users(ledger).Add("op-1", kPassword, {"jobcenter-kiel"}, At(0, "admin")));
  const auto values = AllText(dir, ledger, "users");
  REQUIRE(values.size() == 4);  // login, hash, created_at, disabled
  CHECK(values[1].rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  CHECK_FALSE(Contains(values, kPassword));
  CHECK_FALSE(Contains(AuditWhat(ledger), kPassword));
  // And the database itself takes no other kind of hash.
  CHECK(ExecSql(dir, ledger, "INSERT INTO users(login, password_hash, created_at) VALUES('x', 'plain', 'now')") != "");
}

TEST_CASE("the sessions table holds a hash of the token, never the token", "[ledger][sessions]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(Users(ledger).Add("op-1", kPassword, {}, At(0, "admin")));
  auto login = Sessions(ledger).LogIn("op-1", kPassword, Day(1));
  REQUIRE(login);
  REQUIRE(login->session);
  REQUIRE(login->token.size() == 64);
  const auto values = AllText(dir, ledger, "sessions");
  CHECK_FALSE(values.empty());
  CHECK_FALSE(Contains(values, login->token));
  CHECK(Sessions(ledger).Find(login->token, Day(1))->has_value());
  CHECK_FALSE(Sessions(ledger).Find(values[0], Day(1))->has_value());  // the stored hash opens nothing
}

TEST_CASE("a user needs a well-formed free login and a long password", "[ledger][users]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  Users users(ledger);
  REQUIRE(users.Add("op-1", kPassword, {}, At(0, "admin")));
  auto taken = users.Add("op-1", kPassword, {}, At(0, "admin"));
  REQUIRE_FALSE(taken);
  CHECK(taken.error().message == "cannot add user op-1: the login exists already");
  auto short_password = users.Add("op-2", "short", {}, At(0, "admin"));
  REQUIRE_FALSE(short_password);
  CHECK(short_password.error().message.find("at least 12 characters") != std::string::npos);
  for (const char* login : {"", "Op-3", "op 3", "-op", "k\xc3\xb6nig", "op;3"}) {
    INFO(login);
    CHECK_FALSE(users.Add(login, kPassword, {}, At(0, "admin")));
  }
  CHECK_FALSE(users.Add("op-4", kPassword, {"jobcenter kiel"}, At(0, "admin")));
  CHECK(users.List()->size() == 1);
}

TEST_CASE("grants, revokes, a new password and disabling are each recorded in the audit trail", "[ledger][users]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  Users users(ledger);
  REQUIRE(users.Add("op-1", kPassword, {"jobcenter-kiel"}, At(0, "admin")));
  REQUIRE(users.Grant("op-1", "jobcenter-flensburg", At(1, "admin")));
  REQUIRE(users.Grant("op-1", "jobcenter-flensburg", At(1, "admin")));  // again: nothing new
  REQUIRE(users.Revoke("op-1", "jobcenter-kiel", At(2, "admin")));
  auto not_granted = users.Revoke("op-1", "jobcenter-kiel", At(2, "admin"));
  REQUIRE_FALSE(not_granted);
  CHECK(not_granted.error().message == "cannot revoke jobcenter-kiel from user op-1: the user has no such grant");
  REQUIRE(users.Grant("op-1", "*", At(2, "admin")));
  REQUIRE(users.SetPassword("op-1", "another long password", At(3, "admin")));
  REQUIRE(users.Disable("op-1", At(4, "admin")));
  CHECK_FALSE(users.Disable("op-1", At(4, "admin")));
  CHECK_FALSE(users.Grant("nobody", "jobcenter-kiel", At(4, "admin")));

  CHECK(AuditWhat(ledger) == std::vector<std::string>{"user op-1 added, jobcenters jobcenter-kiel",
                                                      "user op-1 granted jobcenter-flensburg",
                                                      "user op-1 revoked jobcenter-kiel", "user op-1 granted *",
                                                      "user op-1 password changed", "user op-1 disabled"});
  auto user = users.Find("op-1");
  REQUIRE(user->has_value());
  CHECK((*user)->disabled);
  CHECK((*user)->all_jobcenters);
  CHECK((*user)->jobcenters == std::vector<std::string>{"jobcenter-flensburg"});
  CHECK(ExecSql(dir, ledger, "DELETE FROM users") == "users are never deleted from the ledger, only disabled");
}

TEST_CASE("a failed login is audited without the password, an unknown login not at all", "[ledger][sessions]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(Users(ledger).Add("op-1", kPassword, {}, At(0, "admin")));
  Sessions sessions(ledger);
  auto wrong = sessions.LogIn("op-1", "my secret guess", Day(1));
  REQUIRE(wrong);
  CHECK_FALSE(wrong->session);
  CHECK(wrong->refusal == "wrong login or password");
  auto unknown = sessions.LogIn("my secret password", "x", Day(1));  // a password typed as the login
  REQUIRE(unknown);
  CHECK(unknown->refusal == "wrong login or password");
  const auto audit = AuditWhat(ledger);
  CHECK(audit.back() == "user op-1 login failed: wrong password");
  CHECK_FALSE(Contains(audit, "secret"));
  CHECK_FALSE(Contains(AllText(dir, ledger, "login_failures"), "secret"));
  CHECK(AllText(dir, ledger, "login_failures").size() == 4);  // two rows of hash and time
}

TEST_CASE("a ledger file of schema version 2 gains the users when opened, keeping its boxes",
          "[ledger][users][sqlite]") {
  TempDir dir;
  {
    std::ifstream in(std::string(MAILROOM_SOURCE_DIR) + "/tests/ledger/data/ledger_v2.sql");
    std::stringstream sql;
    sql << in.rdbuf();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "ledger.sqlite").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto ledger = OpenLedger(dir);
  CHECK(ledger.ListBoxes()->size() == 1);
  CHECK(ledger.Receipts("12345BG0000001")->size() == 1);
  REQUIRE(Users(ledger).Add("op-1", kPassword, {"jobcenter-kiel"}, At(5, "admin")));
  auto login = Sessions(ledger).LogIn("op-1", kPassword, Day(5));
  REQUIRE(login);
  CHECK(login->session);
}

}  // namespace
}  // namespace mailroom::ledger
