// Proof of receipt: what arrived for a case, when, in which box, and where it went.
#include <catch2/catch.hpp>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

TEST_CASE("receipts list each document of a case with pages arrival box and destination", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1", "JC-9")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured("B-1", 4, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kProcessing, At(0)));
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif", "doc-A", "11111BG0000001")));
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("2.tif", "doc-A", "11111BG0000001")));
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("3.tif", "doc-B", "22222BG0000002")));
  PageDelivery later = Page("4.tif", "doc-C", "11111BG0000001");
  later.delivered_at = Day(2);
  later.jobcenter_id = "JC-2";
  REQUIRE(ledger.RecordPageDelivered("B-1", later));

  auto receipts = ledger.Receipts("11111BG0000001");
  REQUIRE(receipts);
  REQUIRE(receipts->size() == 2);
  const Receipt& a = (*receipts)[0];
  CHECK(a.document_id == "doc-A");
  CHECK(a.pages == 2);
  CHECK(a.arrived_at == Day(0));
  CHECK(a.box_id == "B-1");
  CHECK(a.origin_jobcenter == "JC-9");
  CHECK(a.jobcenter_id == "JC-1");
  CHECK(a.delivered_at == Day(1));
  CHECK((*receipts)[1].document_id == "doc-C");
  CHECK((*receipts)[1].jobcenter_id == "JC-2");
  CHECK((*receipts)[1].delivered_at == Day(2));

  CHECK(ledger.Receipts("22222BG0000002")->size() == 1);
  CHECK(ledger.Receipts("99999BG0000009")->empty());
}

TEST_CASE("pages routed without a BG number appear in no receipt", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured("B-1", 1, At(0)));
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif", "doc-A", "")));
  CHECK_FALSE(ledger.Receipts(""));
  CHECK(ledger.ListBoxes()->front().pages_delivered == 1);
}

TEST_CASE("FindBox gives one box's summary, or none for an unknown id", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-1", 3);
  REQUIRE(ledger.RegisterBox(Box("B-2")));
  auto found = ledger.FindBox("B-1");
  REQUIRE(found);
  REQUIRE(found->has_value());
  CHECK((*found)->state == BoxState::kDelivered);
  CHECK((*found)->pages_captured == 3);
  CHECK((*found)->pages_delivered == 3);
  CHECK(ledger.FindBox("B-2").value()->state == BoxState::kReceived);
  CHECK_FALSE(ledger.FindBox("B-9").value().has_value());
  CHECK_FALSE(ledger.FindBox("").value().has_value());
}

}  // namespace
}  // namespace mailroom::ledger
