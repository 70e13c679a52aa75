// `mailroom user ...` as an administrator runs it: the real binary, passwords piped on stdin, the
// ledger read back with the ledger library.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/sessions.h"
#include "mailroom/ledger/users.h"
#include "run_mailroom.h"
#include "temp_dir.h"

namespace mailroom::app {
namespace {

using mailroom::testing::CommandResult;
using mailroom::testing::Quoted;
using mailroom::testing::TempDir;

constexpr const char* kPassword = "correct horse battery";

// `printf '%s\n' PASSWORD | mailroom user ARGS --ledger DIR/ledger.sqlite`, with no ledger of the
// machine's environment or config file.
CommandResult User(const TempDir& dir, const std::string& arguments, const std::string& password = "") {
  const std::string input = password.empty() ? "true" : "printf '%s\\n' '" + password + "'";
  return mailroom::testing::RunCommand(input + " | env -u MAILROOM_LEDGER -u MAILROOM_CONFIG " + MAILROOM_EXE +
                                       " user " + arguments + " --ledger " + Quoted(dir / "ledger.sqlite"));
}

bool LogsIn(const TempDir& dir, const std::string& login, const std::string& password) {
  auto ledger = ledger::Ledger::Open(dir / "ledger.sqlite");
  REQUIRE(ledger);
  auto result = ledger::Sessions(*ledger).LogIn(
      login, password, std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  REQUIRE(result);
  return result->session.has_value();
}

TEST_CASE("mailroom user add takes the password from a pipe and makes the ledger", "[app][users]") {
  TempDir dir;
  auto added = User(dir, "add op-1 --jobcenter jobcenter-kiel --jobcenter jobcenter-flensburg", kPassword);
  INFO(added.output);
  REQUIRE(added.exit_code == 0);
  CHECK(added.output.find("user op-1 added: jobcenter-flensburg, jobcenter-kiel") != std::string::npos);
  CHECK(LogsIn(dir, "op-1", kPassword));

  auto listed = User(dir, "list");
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.output.find("op-1") != std::string::npos);
  CHECK(listed.output.find("active") != std::string::npos);
  CHECK(listed.output.find("argon2") == std::string::npos);
  CHECK(listed.output.find(kPassword) == std::string::npos);
}

TEST_CASE("mailroom user add refuses an empty or short password, a taken or malformed login", "[app][users]") {
  TempDir dir;
  auto empty = User(dir, "add op-1");
  CHECK(empty.exit_code == 2);
  CHECK(empty.output.find("no password given on stdin") != std::string::npos);
  auto short_one = User(dir, "add op-1", "short");
  CHECK(short_one.exit_code == 2);
  CHECK(short_one.output.find("at least 12 characters") != std::string::npos);
  REQUIRE(User(dir, "add op-1 --all-jobcenters", kPassword).exit_code == 0);
  auto taken = User(dir, "add op-1", kPassword);
  CHECK(taken.exit_code == 2);
  CHECK(taken.output.find("the login exists already") != std::string::npos);
  CHECK(User(dir, "add 'Erika Mustermann'", kPassword).exit_code == 2);
}

TEST_CASE("grant, revoke, passwd and disable change the user in the ledger", "[app][users]") {
  TempDir dir;
  REQUIRE(User(dir, "add op-1 --jobcenter jobcenter-kiel", kPassword).exit_code == 0);
  CHECK(User(dir, "grant op-1 --jobcenter jobcenter-flensburg").exit_code == 0);
  CHECK(User(dir, "revoke op-1 --jobcenter jobcenter-kiel").exit_code == 0);
  auto again = User(dir, "revoke op-1 --jobcenter jobcenter-kiel");
  CHECK(again.exit_code == 2);
  CHECK(again.output.find("no such grant") != std::string::npos);
  CHECK(User(dir, "grant op-1").exit_code == 2);  // which jobcenter?
  {
    auto ledger = ledger::Ledger::Open(dir / "ledger.sqlite");
    auto user = ledger::Users(*ledger).Find("op-1");
    REQUIRE(user->has_value());
    CHECK((*user)->jobcenters == std::vector<std::string>{"jobcenter-flensburg"});
  }
  REQUIRE(User(dir, "passwd op-1", "another long password").exit_code == 0);
  CHECK_FALSE(LogsIn(dir, "op-1", kPassword));
  CHECK(LogsIn(dir, "op-1", "another long password"));
  REQUIRE(User(dir, "disable op-1").exit_code == 0);
  CHECK_FALSE(LogsIn(dir, "op-1", "another long password"));
  CHECK(User(dir, "list").output.find("disabled") != std::string::npos);
}

TEST_CASE("only mailroom user add may make a new ledger file", "[app][users]") {
  TempDir dir;
  for (const char* command : {"list", "grant op-1 --jobcenter jobcenter-kiel", "disable op-1"}) {
    INFO(command);
    auto refused = User(dir, command);
    CHECK(refused.exit_code == 2);
    CHECK(refused.output.find("no such file") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "ledger.sqlite"));
}

}  // namespace
}  // namespace mailroom::app
