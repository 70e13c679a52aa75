// Every state a box passes through, and every move the ledger must refuse.
#include <catch2/catch.hpp>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

TEST_CASE("a box goes from received to destroyed one step at a time, each step audited", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-1");
  REQUIRE(ledger.Advance("B-1", BoxState::kDestructionDue, At(60, "op-2")));
  REQUIRE(ledger.MarkDestroyed("B-1", At(61, "shredder-1")));

  auto boxes = ledger.ListBoxes();
  REQUIRE(boxes);
  REQUIRE(boxes->size() == 1);
  CHECK(boxes->front().state == BoxState::kDestroyed);

  auto trail = ledger.AuditTrail("B-1");
  REQUIRE(trail);
  std::vector<std::string> states;
  for (const auto& entry : *trail) {
    if (entry.what.rfind("state ", 0) == 0) states.push_back(entry.what);
  }
  CHECK(states == std::vector<std::string>{"state received -> scanning", "state scanning -> scanned",
                                           "state scanned -> processing", "state processing -> delivered",
                                           "state delivered -> destruction-due", "state destruction-due -> destroyed"});
  CHECK(trail->front().what.find("registered") == 0);
  CHECK(trail->back().who == "shredder-1");
  CHECK(trail->back().when == Day(61));
}

TEST_CASE("skipping a state is refused naming the box its state and the attempted one", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  auto skipped = ledger.Advance("B-1", BoxState::kScanned, At(0));
  REQUIRE_FALSE(skipped);
  CHECK(skipped.error().message == "box B-1 is received, cannot move to scanned (next is scanning)");
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kProcessing, At(0)));
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kDelivered, At(0)));
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kDestructionDue, At(0)));
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kReceived, At(0)));
}

TEST_CASE("going back a state is refused", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanned, At(0)));
  auto back = ledger.Advance("B-1", BoxState::kScanning, At(0));
  REQUIRE_FALSE(back);
  CHECK(back.error().message == "box B-1 is scanned, cannot move to scanning (next is processing)");
}

TEST_CASE("a refused move changes nothing and writes no audit row", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  const auto before = ledger.AuditTrail("B-1")->size();
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kDelivered, At(0)));
  CHECK(ledger.AuditTrail("B-1")->size() == before);
  CHECK(ledger.ListBoxes()->front().state == BoxState::kReceived);
}

TEST_CASE("registering a box id twice is refused", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  auto twice = ledger.RegisterBox(Box("B-1", "JC-2"));
  REQUIRE_FALSE(twice);
  CHECK(twice.error().message == "box B-1 is registered already (received)");
  CHECK(ledger.ListBoxes()->size() == 1);
  CHECK(ledger.ListBoxes()->front().origin_jobcenter == "JC-1");
}

TEST_CASE("an unknown box is named in the error", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  auto unknown = ledger.Advance("B-9", BoxState::kScanning, At(0));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message == "box B-9: not in the ledger");
}

TEST_CASE("delivered is refused while a captured page is neither delivered nor accounted", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured("B-1", 3, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kProcessing, At(0)));
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif")));
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("2.tif")));
  auto early = ledger.Advance("B-1", BoxState::kDelivered, At(1));
  REQUIRE_FALSE(early);
  CHECK(early.error().message ==
        "box B-1 is processing, cannot move to delivered: 1 of 3 captured pages neither delivered nor accounted");
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"3.tif"}, At(1)));
  CHECK(ledger.Advance("B-1", BoxState::kDelivered, At(1)));
}

TEST_CASE("a box with no pages captured cannot be delivered", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kProcessing, At(0)));
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kDelivered, At(1)));
}

TEST_CASE("destroying a box with an undelivered page is refused", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured("B-1", 2, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance("B-1", BoxState::kProcessing, At(0)));
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif")));
  auto destroyed = ledger.MarkDestroyed("B-1", At(100));
  REQUIRE_FALSE(destroyed);
  CHECK(destroyed.error().message ==
        "box B-1 is processing, cannot move to destroyed: 1 of 2 captured pages neither delivered nor accounted");
}

TEST_CASE("destroying a box before its retention date is refused", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-1");  // delivered on day 1: destruction allowed from day 57
  auto early = ledger.MarkDestroyed("B-1", At(56));
  REQUIRE_FALSE(early);
  CHECK(early.error().message == "box B-1 is delivered, cannot move to destroyed before its retention date 2024-04-27");
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kDestructionDue, At(56)));
}

TEST_CASE("destroying a delivered box skips destruction-due and is refused", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-1");
  auto skipped = ledger.MarkDestroyed("B-1", At(57));
  REQUIRE_FALSE(skipped);
  CHECK(skipped.error().message == "box B-1 is delivered, cannot move to destroyed (next is destruction-due)");
}

TEST_CASE("destroying a box twice is refused", "[ledger]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-1");
  REQUIRE(ledger.Advance("B-1", BoxState::kDestructionDue, At(57)));
  REQUIRE(ledger.MarkDestroyed("B-1", At(58)));
  auto twice = ledger.MarkDestroyed("B-1", At(59));
  REQUIRE_FALSE(twice);
  CHECK(twice.error().message == "box B-1 is destroyed, cannot be destroyed twice");
  CHECK_FALSE(ledger.Advance("B-1", BoxState::kReceived, At(59)));
}

TEST_CASE("state names round-trip", "[ledger]") {
  for (auto state : {BoxState::kReceived, BoxState::kScanning, BoxState::kScanned, BoxState::kProcessing,
                     BoxState::kDelivered, BoxState::kDestructionDue, BoxState::kDestroyed}) {
    CHECK(ParseState(StateName(state)) == state);
  }
  CHECK(StateName(BoxState::kDestructionDue) == "destruction-due");
  CHECK_FALSE(ParseState("lost"));
}

}  // namespace
}  // namespace mailroom::ledger
