// Pages captured against pages delivered or accounted: the custody count.
#include <catch2/catch.hpp>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

TEST_CASE("pages captured is a total so a resumed scan does not count twice", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured("B-1", 5, At(0)));
  REQUIRE(ledger.RecordPagesCaptured("B-1", 5, At(0)));  // resumed, same count
  REQUIRE(ledger.RecordPagesCaptured("B-1", 8, At(0)));
  CHECK(ledger.ListBoxes()->front().pages_captured == 8);
  auto fewer = ledger.RecordPagesCaptured("B-1", 7, At(0));
  REQUIRE_FALSE(fewer);
  CHECK(fewer.error().message == "box B-1 is scanning, cannot record 7 pages captured: 8 were recorded already");
}

TEST_CASE("pages captured is refused outside scanning", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  CHECK_FALSE(ledger.RecordPagesCaptured("B-1", 1, At(0)));
}

TEST_CASE("a page delivery is idempotent per page name and a conflicting one is refused", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ProcessingBox(ledger, "B-1", 2);
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif")));
  auto retried_later = Page("1.tif");  // a redelivered message, a rerun after a crash
  retried_later.delivered_at = Day(3);
  REQUIRE(ledger.RecordPageDelivered("B-1", retried_later));
  CHECK(ledger.ListBoxes()->front().pages_delivered == 1);
  auto conflict = ledger.RecordPageDelivered("B-1", Page("1.tif", "doc-2"));
  REQUIRE_FALSE(conflict);
  CHECK(conflict.error().message == "box B-1 page 1.tif: recorded already as delivered in document doc-1");
}

TEST_CASE("more pages than captured cannot be delivered or accounted", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ProcessingBox(ledger, "B-1", 2);
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif")));
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"2.tif"}, At(0)));
  auto extra = ledger.RecordPageDelivered("B-1", Page("3.tif"));
  REQUIRE_FALSE(extra);
  CHECK(extra.error().message ==
        "box B-1 is processing, cannot record page 3.tif delivered: only 0 of 2 captured pages are not yet delivered "
        "or accounted");
  CHECK_FALSE(ledger.RecordPagesAccounted("B-1", {"3.tif"}, At(0)));
}

TEST_CASE("accounted blank pages are idempotent and cannot turn a delivered page blank", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ProcessingBox(ledger, "B-1", 3);
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif")));
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"2.tif", "3.tif"}, At(0)));
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"2.tif"}, At(0)));
  CHECK(ledger.ListBoxes()->front().pages_accounted == 2);
  CHECK_FALSE(ledger.RecordPagesAccounted("B-1", {"1.tif"}, At(0)));
  CHECK_FALSE(ledger.RecordPageDelivered("B-1", Page("2.tif")));
}

TEST_CASE("pages cannot be recorded before scanning or after delivery", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-0")));
  CHECK_FALSE(ledger.RecordPageDelivered("B-0", Page("1.tif")));
  DeliveredBox(ledger, "B-1", 1);
  CHECK(ledger.RecordPageDelivered("B-1", Page("1.tif")));  // a retried message: same fact, no change
  CHECK_FALSE(ledger.RecordPageDelivered("B-1", Page("2.tif")));
}

TEST_CASE("DeliverIfComplete delivers a box only once every page is delivered or accounted", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ProcessingBox(ledger, "B-1", 3);
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif")));
  CHECK(ledger.DeliverIfComplete("B-1", At(1)) == false);
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"2.tif", "3.tif"}, At(1)));
  CHECK(ledger.DeliverIfComplete("B-1", At(1)) == true);
  CHECK(ledger.FindBox("B-1").value()->state == BoxState::kDelivered);
  CHECK(ledger.DeliverIfComplete("B-1", At(2)) == true);  // again: nothing changes
  CHECK(ledger.AuditTrail("B-1")->back().what == "state processing -> delivered");
  CHECK_FALSE(ledger.DeliverIfComplete("B-9", At(1)));
}

}  // namespace
}  // namespace mailroom::ledger
