// Retention per origin jobcenter and the destruction list.
#include <catch2/catch.hpp>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

Date DateOf(int day) {
  return floor<days>(Day(day));
}

TEST_CASE("retention is 8 weeks by default and 6 weeks where an origin promises it", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.SetRetentionDays("JC-6", 42, At(0, "admin")));
  CHECK(ledger.RetentionDays("JC-6") == 42);
  CHECK(ledger.RetentionDays("JC-8") == kDefaultRetentionDays);
  DeliveredBox(ledger, "B-six", 1, "JC-6");    // delivered day 1: due day 43
  DeliveredBox(ledger, "B-eight", 1, "JC-8");  // delivered day 1: due day 57

  auto day42 = ledger.DestructionDue(DateOf(42), At(42));
  REQUIRE(day42);
  CHECK(day42->empty());

  auto day43 = ledger.DestructionDue(DateOf(43), At(43));
  REQUIRE(day43);
  REQUIRE(day43->size() == 1);
  CHECK(day43->front().box_id == "B-six");
  CHECK(day43->front().retention_until == DateOf(43));
  CHECK(ledger.MarkDestroyed("B-six", At(43)));
  CHECK_FALSE(ledger.MarkDestroyed("B-eight", At(43)));

  auto day57 = ledger.DestructionDue(DateOf(57), At(57));
  REQUIRE(day57);
  REQUIRE(day57->size() == 1);
  CHECK(day57->front().box_id == "B-eight");
  CHECK(ledger.MarkDestroyed("B-eight", At(57)));
}

TEST_CASE("the destruction list moves boxes to destruction-due and is the same when run again", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-1");
  auto first = ledger.DestructionDue(DateOf(60), At(60));
  REQUIRE(first);
  REQUIRE(first->size() == 1);
  CHECK(ledger.ListBoxes()->front().state == BoxState::kDestructionDue);
  auto again = ledger.DestructionDue(DateOf(60), At(60));
  REQUIRE(again);
  CHECK(again->size() == 1);
  CHECK(ledger.AuditTrail("B-1")->back().what == "state delivered -> destruction-due");
}

TEST_CASE("boxes not yet delivered are never on the destruction list", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  auto due = ledger.DestructionDue(DateOf(400), At(400));
  REQUIRE(due);
  CHECK(due->empty());
}

TEST_CASE("a retention below one day is refused and settings are audited", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  CHECK_FALSE(ledger.SetRetentionDays("JC-1", 0, At(0)));
  REQUIRE(ledger.SetRetentionDays("JC-1", 42, At(0, "admin")));
  auto trail = ledger.AuditTrail("");
  REQUIRE(trail);
  REQUIRE(trail->size() == 1);
  CHECK(trail->front().what == "retention for JC-1 set to 42 days");
  CHECK(trail->front().who == "admin");
}

}  // namespace
}  // namespace mailroom::ledger
