// The audit trail cannot be edited: not through the ledger, not with raw SQL on its connection,
// not by another program opening the file.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

std::string ExecError(sqlite3* db, const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  std::string text = message ? message : "";
  sqlite3_free(message);
  return rc == SQLITE_OK ? "" : text;
}

TEST_CASE("audit rows cannot be updated or deleted through the ledger connection", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  CHECK(ExecSql(dir, ledger, "UPDATE audit SET who = 'someone-else'") ==
        "the audit trail is append-only: rows cannot be changed");
  CHECK(ExecSql(dir, ledger, "DELETE FROM audit") == "the audit trail is append-only: rows cannot be deleted");
  CHECK(ExecSql(dir, ledger, "DELETE FROM boxes") == "boxes are never deleted from the ledger");
  if (OnPostgres()) {  // SQLite has no TRUNCATE
    CHECK(ExecSql(dir, ledger, "TRUNCATE audit") == "the audit trail is append-only: rows cannot be deleted");
  }
  CHECK(ledger.AuditTrail("B-1")->size() == 2);
}

TEST_CASE("audit rows cannot be updated or deleted by another program opening the file", "[ledger][sqlite]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    REQUIRE(ledger.RegisterBox(Box("B-1")));
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "ledger.sqlite").c_str(), &db) == SQLITE_OK);
  CHECK_FALSE(ExecError(db, "UPDATE audit SET what = 'nothing happened'").empty());
  CHECK_FALSE(ExecError(db, "DELETE FROM audit WHERE box_id = 'B-1'").empty());
  CHECK_FALSE(ExecError(db, "DELETE FROM boxes").empty());
  sqlite3_close(db);
  auto ledger = OpenLedger(dir);
  CHECK(ledger.AuditTrail("B-1")->size() == 1);
}

TEST_CASE("every state change writes one audit row with who and when", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(3, "op-7")));
  auto trail = ledger.AuditTrail("B-1");
  REQUIRE(trail);
  REQUIRE(trail->size() == 2);
  CHECK(trail->front().who == "op-1");
  CHECK(trail->front().what == "registered, seal SEAL-1, origin JC-1, state received");
  CHECK(trail->back().who == "op-7");
  CHECK(trail->back().when == Day(3));
  CHECK(trail->back().box_id == "B-1");
  CHECK(trail->back().what == "state received -> scanning");
}

}  // namespace
}  // namespace mailroom::ledger
