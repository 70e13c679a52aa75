// The systemd hosts' ledger: one PostgreSQL URL in mailroom.env for every unit whose role opens
// the ledger, its password in libpq's password file (never in the URL or an environment file).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "deploy_files.h"
#include "ledger_url.h"
#include "systemd_unit.h"

using mailroom::testing::DeployDir;
using mailroom::testing::FilesEndingIn;
using mailroom::testing::ReadText;
using mailroom::testing::Shown;

namespace {

const std::string kSharedEnv = "/etc/mailroom/mailroom.env";

std::filesystem::path Systemd() {
  return DeployDir() / "systemd";
}

// ExecStart= split at blanks, without the program.
std::vector<std::string> Arguments(const std::string& exec_start) {
  std::istringstream in(exec_start);
  std::vector<std::string> args;
  for (std::string word; in >> word;) args.push_back(word);
  if (!args.empty()) args.erase(args.begin());
  return args;
}

}  // namespace

TEST_CASE("mailroom.env names a PostgreSQL ledger without its password, and the password file example matches it") {
  const auto env = mailroom::testing::ParseEnvFile(ReadText(Systemd() / "mailroom.env"));
  const std::string url = env.values.count("MAILROOM_LEDGER") ? env.values.at("MAILROOM_LEDGER") : "";
  INFO("MAILROOM_LEDGER=" << url);
  const auto ledger = mailroom::testing::ParseLedgerUrl(url);
  REQUIRE(ledger);
  CHECK_FALSE(ledger->password);
  CHECK(url.find("password=") == std::string::npos);
  REQUIRE(env.values.count("PGPASSFILE") == 1);
  const std::filesystem::path passfile = env.values.at("PGPASSFILE");
  CHECK(passfile.is_absolute());
  const auto password =
      mailroom::testing::PgpassPassword(ReadText(Systemd() / (passfile.filename().string() + ".example")), *ledger);
  REQUIRE(password);
  CHECK(password->find("FAKE") != std::string::npos);
}

TEST_CASE("every systemd unit whose role opens the ledger takes it from mailroom.env, and only from there") {
  int with_ledger = 0;
  for (const auto& file : FilesEndingIn(Systemd(), {".service"})) {
    INFO(Shown(file));
    const auto unit = mailroom::testing::ParseUnit(ReadText(file));
    const auto exec = unit.Values("Service", "ExecStart");
    REQUIRE(exec.size() == 1);
    const auto args = Arguments(exec[0]);
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == "--ledger") CHECK(args[i + 1] == "${MAILROOM_LEDGER}");
    }
    for (const auto& assignment : unit.Values("Service", "Environment")) {
      CHECK(assignment.rfind("MAILROOM_LEDGER=", 0) != 0);
      CHECK(assignment.rfind("PGPASSWORD=", 0) != 0);
    }
    if (!mailroom::testing::NeedsLedger(args)) continue;
    ++with_ledger;
    CHECK(unit.Has("Service", "EnvironmentFile", kSharedEnv));
  }
  CHECK(with_ledger >= 3);  // worker@ (classify, route), dashboard, station@
  // The per-role and per-jobcenter files neither override the ledger nor carry a password for it.
  for (const auto& file : FilesEndingIn(Systemd(), {".env"})) {
    INFO(Shown(file));
    const auto env = mailroom::testing::ParseEnvFile(ReadText(file));
    CHECK(env.values.count("PGPASSWORD") == 0);
    if (file.filename() != "mailroom.env") CHECK(env.values.count("MAILROOM_LEDGER") == 0);
  }
}
