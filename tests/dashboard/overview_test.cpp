// The dashboard's figures, read from a real ledger file at fixed times.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "mailroom/dashboard/overview.h"
#include "temp_dir.h"

namespace mailroom::dashboard {
namespace {

using namespace std::chrono;
using ledger::BoxState;
using mailroom::testing::TempDir;

// 2026-11-25 at hh:mm UTC.
UtcTime At(int hh, int mm = 0) {
  return sys_days{2026y / November / 25} + hours{hh} + minutes{mm};
}

ledger::Ledger OpenLedger(const TempDir& dir) {
  auto ledger = ledger::Ledger::Open(dir / "ledger.sqlite");
  REQUIRE(ledger);
  return std::move(*ledger);
}

// A box of `pages` pages in processing, registered at `arrived`.
void Processing(ledger::Ledger& ledger, const std::string& id, const std::string& origin, int pages, UtcTime arrived) {
  const ledger::Stamp stamp{"op-1", arrived};
  REQUIRE(ledger.RegisterBox({id, "S-" + id, origin, arrived, "op-1"}));
  REQUIRE(ledger.Advance(id, BoxState::kScanning, stamp));
  REQUIRE(ledger.RecordPagesCaptured(id, pages, stamp));
  REQUIRE(ledger.Advance(id, BoxState::kScanned, stamp));
  REQUIRE(ledger.Advance(id, BoxState::kProcessing, stamp));
}

void Deliver(ledger::Ledger& ledger, const std::string& box, const std::string& page, const std::string& document,
             bool review, UtcTime when) {
  REQUIRE(ledger.RecordPageDelivered(
      box, {page, document, review ? "review" : "jobcenter-kiel", review ? "" : "12345BG0000001", when}));
}

TEST_CASE("throughput bins count delivered pages where they fall, review apart", "[dashboard]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  Processing(ledger, "B-1", "jobcenter-kiel", 5, At(6));
  Deliver(ledger, "B-1", "1.tif", "doc-a", false, At(9, 5));
  Deliver(ledger, "B-1", "2.tif", "doc-a", false, At(9, 14));
  Deliver(ledger, "B-1", "3.tif", "doc-b", true, At(9, 20));
  Deliver(ledger, "B-1", "4.tif", "doc-c", false, At(1, 0));  // before the window: totals only

  auto overview = ReadOverview(ledger, At(10, 7), /*hours=*/2, /*bin_seconds=*/900);
  REQUIRE(overview);
  // Two hours of 15-minute bins ending with the bin that holds 10:07: 08:15 ... 10:00.
  REQUIRE(overview->throughput.size() == 8);
  CHECK(overview->throughput.front().start == "2026-11-25T08:15:00Z");
  CHECK(overview->throughput.back().start == "2026-11-25T10:00:00Z");
  const ThroughputBin& nine = overview->throughput[3];
  CHECK(nine.start == "2026-11-25T09:00:00Z");
  CHECK(nine.pages_postkorb == 2);
  CHECK(nine.pages_review == 0);
  CHECK(overview->throughput[4].pages_review == 1);
  CHECK(overview->totals.pages_delivered == 3);  // to a case: the review page waits for a clerk
  CHECK(overview->totals.pages_in_review == 1);
  CHECK(overview->totals.pages_open == 2);
  CHECK(overview->totals.documents_postkorb == 2);
  CHECK(overview->totals.documents_review == 1);
  CHECK(overview->review.documents_today == 1);
  CHECK(overview->review.pages_today == 1);
}

TEST_CASE("the backlog shows undelivered boxes per origin with the age of the oldest", "[dashboard]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  Processing(ledger, "B-1", "jobcenter-kiel", 3, At(6));
  Deliver(ledger, "B-1", "1.tif", "doc-a", false, At(7));
  REQUIRE(ledger.RegisterBox({"B-2", "S-2", "jobcenter-luebeck", At(2), "op-1"}));

  auto overview = ReadOverview(ledger, At(10));
  REQUIRE(overview);
  REQUIRE(overview->backlog.size() == 2);
  CHECK(overview->backlog[0].jobcenter == "jobcenter-luebeck");
  CHECK(overview->backlog[0].oldest_age_seconds == 8 * 3600);
  CHECK(overview->backlog[1].jobcenter == "jobcenter-kiel");
  CHECK(overview->backlog[1].pages_open == 2);
  CHECK(overview->totals.pages_open == 2);
  CHECK(overview->totals.boxes == 2);
  // Every state is listed, in the ledger's order, also the empty ones.
  REQUIRE(overview->boxes_by_state.size() == 7);
  CHECK(overview->boxes_by_state[0] == std::pair<std::string, int>{"received", 1});
  CHECK(overview->boxes_by_state[3] == std::pair<std::string, int>{"processing", 1});
}

TEST_CASE("boxes past retention are listed as due without being released", "[dashboard]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  Processing(ledger, "B-1", "jobcenter-kiel", 1, At(6));
  Deliver(ledger, "B-1", "1.tif", "doc-a", false, At(7));
  REQUIRE(ledger.Advance("B-1", BoxState::kDelivered, {"op-1", At(8)}));
  REQUIRE(ledger.SetRetentionDays("jobcenter-kiel", 42, {"op-1", At(8)}));

  auto early = ReadOverview(ledger, At(8) + days{41});
  REQUIRE(early);
  CHECK(early->destruction_due.empty());
  auto due = ReadOverview(ledger, At(8) + days{42});
  REQUIRE(due);
  REQUIRE(due->destruction_due.size() == 1);
  CHECK(due->destruction_due[0].box_id == "B-1");
  CHECK(due->destruction_due[0].retention_until == "2027-01-06");
  auto box = ledger.FindBox("B-1");
  REQUIRE(box);
  CHECK((*box)->state == BoxState::kDelivered);
}

TEST_CASE("the overview's JSON has every key the page reads, queues null without a broker", "[dashboard]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  auto overview = ReadOverview(ledger, At(10));
  REQUIRE(overview);
  const nlohmann::json json = ToJson(*overview);
  for (const char* key : {"generated_at", "totals", "throughput", "boxes_by_state", "backlog", "review",
                          "destruction_due", "queues", "queues_error"}) {
    INFO(key);
    CHECK(json.contains(key));
  }
  CHECK(json["queues"].is_null());
  CHECK(json["throughput"]["bins"].size() == 32);  // 8 hours of 15 minutes
  CHECK(json["boxes_by_state"]["destruction-due"] == 0);
}

TEST_CASE("a window that does not split into whole bins is refused", "[dashboard]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  CHECK_FALSE(ReadOverview(ledger, At(10), 1, 7 * 60));
  CHECK_FALSE(ReadOverview(ledger, At(10), 0, 900));
}

}  // namespace
}  // namespace mailroom::dashboard
