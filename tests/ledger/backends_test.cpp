// What either backend must hold to under load and over versions: several processes writing one
// box at once (on PostgreSQL, as the hosts of a scan center do), and a ledger of a newer schema
// or a database that is not a ledger refused.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

TEST_CASE("processes recording the pages of one box at once record each page once and deliver the box once",
          "[ledger][concurrency]") {
  TempDir dir;
  constexpr int kPages = 24;
  constexpr int kProcesses = 4;
  {
    auto ledger = OpenLedger(dir);
    ProcessingBox(ledger, "B-1", kPages);
  }
  const std::string location = LedgerLocation(dir);
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // A worker of its own: its own connection, every page of the box from its own starting
      // point (so each page is recorded by all of them, in different orders), and after each page
      // the check whether the box is complete.
      auto ledger = Ledger::Open(location);
      if (!ledger) ::_exit(100);
      int failures = 0;
      for (int i = 0; i < kPages; ++i) {
        const int page = (i + p * kPages / kProcesses) % kPages;
        if (!ledger->RecordPageDelivered("B-1", Page(std::to_string(page) + ".tif", "doc-" + std::to_string(page)))) {
          ++failures;
        }
        if (!ledger->DeliverIfComplete("B-1", At(2, "worker-" + std::to_string(p)))) ++failures;
      }
      ::_exit(failures == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }

  auto ledger = OpenLedger(dir);
  auto box = ledger.FindBox("B-1");
  REQUIRE(box);
  REQUIRE(box->has_value());
  CHECK((*box)->state == BoxState::kDelivered);
  CHECK((*box)->pages_delivered == kPages);
  auto receipts = ledger.Receipts("12345BG0000001");
  REQUIRE(receipts);
  CHECK(receipts->size() == kPages);
  CHECK(std::all_of(receipts->begin(), receipts->end(), [](const Receipt& r) { return r.pages == 1; }));
  auto trail = ledger.AuditTrail("B-1");
  REQUIRE(trail);
  CHECK(std::count_if(trail->begin(), trail->end(),
                      [](const AuditEntry& e) { return e.what == "state processing -> delivered"; }) == 1);
}

TEST_CASE("on PostgreSQL a writer waits for the writers of its box only", "[ledger][concurrency]") {
  if (!OnPostgres()) {
    SUCCEED("SQLite has one write lock for the whole file");
    return;
  }
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ProcessingBox(ledger, "A", 1);
  // Another host in the middle of a change of box A: it holds box A's write lock.
  PgConnection other(LedgerLocation(dir));
  REQUIRE(other.Exec("BEGIN") == "");
  REQUIRE(other.Exec("SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext('box A'))") == "");
  CHECK(ledger.RegisterBox(Box("B")));  // another box goes on
  std::atomic<bool> recorded{false};
  std::thread waiting([&] {
    auto second = Ledger::Open(LedgerLocation(dir));
    recorded = second && second->RecordPageDelivered("A", Page("1.tif"));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK_FALSE(recorded);  // box A waits for the other host's change
  REQUIRE(other.Exec("COMMIT") == "");
  waiting.join();
  CHECK(recorded);
}

TEST_CASE("a ledger of a newer schema version is refused naming both versions", "[ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    REQUIRE(ledger.RegisterBox(Box("B-1")));
    REQUIRE(ExecSql(dir, ledger,
                    OnPostgres() ? "INSERT INTO schema_version(version, applied_at) VALUES(99, 'later')"
                                 : "PRAGMA user_version = 99") == "");
  }
  auto newer = Ledger::Open(LedgerLocation(dir));
  REQUIRE_FALSE(newer);
  CHECK_THAT(newer.error().message, Catch::Contains("ledger schema version 99 is newer than this build (7)"));
}

// What versions 2 to 7 added, dropped again: a ledger of schema version 1, in either dialect.
const std::string kBackToVersion1 = std::string(kDropVersions3To7) + "DROP TABLE review_resolutions;";

TEST_CASE("a ledger of schema version 1 gains the later versions when opened, keeping its boxes", "[ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    DeliveredBox(ledger, "B-1");
    REQUIRE(ExecSql(dir, ledger,
                    kBackToVersion1 + (OnPostgres() ? "DELETE FROM schema_version WHERE version > 1"
                                                    : "PRAGMA user_version = 1")) == "");
  }
  auto ledger = OpenLedger(dir);
  auto box = ledger.FindBox("B-1");
  REQUIRE(box);
  REQUIRE(box->has_value());
  CHECK((*box)->state == BoxState::kDelivered);
  CHECK((*box)->pages_delivered == 2);
  CHECK(ledger.Receipts("12345BG0000001")->size() == 1);
  CHECK(ledger.OpenRescans()->empty());
  CHECK(ExecSql(dir, ledger, "SELECT count(*) FROM users") == "");
}

TEST_CASE("a database with tables but no ledger schema is refused", "[ledger]") {
  TempDir dir;
  if (OnPostgres()) {
    const std::string location = LedgerLocation(dir);  // a fresh, empty schema
    REQUIRE(PgConnection(location).Exec("CREATE TABLE somebody_elses(x INTEGER)") == "");
    auto opened = Ledger::Open(location);
    REQUIRE_FALSE(opened);
    CHECK_THAT(opened.error().message, Catch::Contains("not a mailroom ledger"));
    // The password of a URL is never in a message.
    auto wrong = Ledger::Open("postgresql://mailroom:secret-word@127.0.0.1:1/nothing");
    REQUIRE_FALSE(wrong);
    CHECK_THAT(wrong.error().message, Catch::StartsWith("ledger postgresql://mailroom:***@127.0.0.1:1/nothing"));
    CHECK_THAT(wrong.error().message, !Catch::Contains("secret-word"));
    auto in_query = Ledger::Open("postgresql://127.0.0.1:1/nothing?user=mailroom&password=secret-word&sslmode=disable");
    REQUIRE_FALSE(in_query);
    CHECK_THAT(in_query.error().message,
               Catch::StartsWith("ledger postgresql://127.0.0.1:1/nothing?user=mailroom&password=***&sslmode=disable"));
  } else {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "ledger.sqlite").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE somebody_elses(x INTEGER)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto opened = Ledger::Open(LedgerLocation(dir));
    REQUIRE_FALSE(opened);
    CHECK_THAT(opened.error().message, Catch::Contains("not a mailroom ledger"));
  }
}

}  // namespace
}  // namespace mailroom::ledger
