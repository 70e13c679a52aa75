// The ledger file: mode 0600, WAL, a versioned schema, and two users at once.
#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <thread>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

unsigned ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

std::string PragmaText(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  std::string text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  return text;
}

TEST_CASE("a new ledger file is mode 0600 and its WAL files too", "[ledger][sqlite]") {
  TempDir dir;
  const auto old_umask = ::umask(0);  // the strictest test: nothing masks group/other bits
  auto ledger = OpenLedger(dir);
  ::umask(old_umask);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  CHECK(ModeOf(dir / "ledger.sqlite") == 0600);
  CHECK(ModeOf(dir / "ledger.sqlite-wal") == 0600);
}

TEST_CASE("the ledger uses WAL with foreign keys and a schema version", "[ledger][sqlite]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  sqlite3* db = ledger.raw_connection_for_tests();
  CHECK(PragmaText(db, "PRAGMA journal_mode") == "wal");
  CHECK(PragmaText(db, "PRAGMA foreign_keys") == "1");
  CHECK(PragmaText(db, "PRAGMA user_version") == "7");
}

TEST_CASE("a ledger survives reopening", "[ledger]") {
  TempDir dir;
  { REQUIRE(OpenLedger(dir).RegisterBox(Box("B-1"))); }
  auto ledger = OpenLedger(dir);
  CHECK(ledger.ListBoxes()->size() == 1);
}

TEST_CASE("a file that is not a ledger or has a newer schema is refused", "[ledger][sqlite]") {
  TempDir dir;
  { std::ofstream(dir / "text.sqlite") << "hello, not a database at all, just some text to be sure."; }
  CHECK_FALSE(Ledger::Open(dir / "text.sqlite"));
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "new.sqlite").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto newer = Ledger::Open(dir / "new.sqlite");
  REQUIRE_FALSE(newer);
  CHECK(newer.error().message.find("schema version 99 is newer") != std::string::npos);
}

TEST_CASE("two ledgers on one file write concurrently without losing a box", "[ledger]") {
  TempDir dir;
  auto first = OpenLedger(dir);
  auto second = OpenLedger(dir);
  constexpr int kBoxes = 40;
  auto work = [](Ledger& ledger, const std::string& prefix) {
    for (int i = 0; i < kBoxes; ++i) {
      const std::string id = prefix + std::to_string(i);
      if (!ledger.RegisterBox(Box(id))) return false;
      if (!ledger.Advance(id, BoxState::kScanning, At(0))) return false;
      if (!ledger.RecordPagesCaptured(id, 3, At(0))) return false;
    }
    return true;
  };
  bool first_ok = false;
  bool second_ok = false;
  std::thread a([&] { first_ok = work(first, "A-"); });
  std::thread b([&] { second_ok = work(second, "B-"); });
  a.join();
  b.join();
  CHECK(first_ok);
  CHECK(second_ok);
  CHECK(first.ListBoxes()->size() == 2 * kBoxes);
  CHECK(second.AuditTrail("")->size() == 3 * 2 * kBoxes);
}

TEST_CASE("a writer waits for another writer's transaction instead of failing", "[ledger][sqlite]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  auto other = OpenLedger(dir);
  sqlite3* db = other.raw_connection_for_tests();
  REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::thread release([db] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  });
  auto registered = ledger.RegisterBox(Box("B-1"));
  release.join();
  CHECK(registered);
}

// What versions 3 to 7 added, dropped again, and version 2's view: a version 2 file.
const std::string kDropVersion3 = std::string(kDropVersions3To7) + R"sql(
  CREATE VIEW page_destinations AS
    SELECT p.box_id, p.page_name, p.outcome, p.document_id,
           coalesce(r.jobcenter_id, p.jobcenter_id) AS jobcenter_id, coalesce(r.bg_number, p.bg_number) AS bg_number,
           p.delivered_at
    FROM pages p LEFT JOIN review_resolutions r ON r.box_id = p.box_id AND r.document_id = p.document_id;
  PRAGMA user_version = 2;)sql";

TEST_CASE("a ledger of schema version 1 gains the review desk's tables when opened, keeping its boxes",
          "[ledger][sqlite]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    DeliveredBox(ledger, "B-1", 2);
    // Back to what a build before the review desk wrote: no decisions table, version 1.
    sqlite3* db = ledger.raw_connection_for_tests();
    REQUIRE(sqlite3_exec(db, kDropVersion3.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "DROP VIEW page_destinations; DROP TABLE review_resolutions; PRAGMA user_version = 1",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  auto ledger = OpenLedger(dir);
  CHECK(PragmaText(ledger.raw_connection_for_tests(), "PRAGMA user_version") == "7");
  CHECK(ledger.ListBoxes()->size() == 1);
  CHECK(ledger.Receipts("12345BG0000001")->size() == 1);
}

TEST_CASE("a ledger of schema version 2 keeps its review decisions when it gains version 3", "[ledger][sqlite]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    ProcessingBox(ledger, "B-1", 2);
    PageDelivery review = Page("1.tif", "doc-R", "");
    review.jobcenter_id = kReviewJobcenter;
    REQUIRE(ledger.RecordPageDelivered("B-1", review));
    REQUIRE(ledger.RecordPageDelivered("B-1", Page("2.tif", "doc-A")));
    REQUIRE(ledger.RecordReviewResolved("B-1", "doc-R", "JC-2", "12345BG0000099", At(2, "clerk-1")));
    REQUIRE(sqlite3_exec(ledger.raw_connection_for_tests(), kDropVersion3.c_str(), nullptr, nullptr, nullptr) ==
            SQLITE_OK);
  }
  auto ledger = OpenLedger(dir);
  CHECK(PragmaText(ledger.raw_connection_for_tests(), "PRAGMA user_version") == "7");
  CHECK(ledger.Receipts("12345BG0000099")->size() == 1);
  CHECK(ledger.FindBox("B-1")->value().pages_delivered == 2);
  CHECK(*ledger.DeliverIfComplete("B-1", At(3)));
}

}  // namespace
}  // namespace mailroom::ledger
