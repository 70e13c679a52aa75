// The operations views: deliveries over time, the backlog per origin, destruction due without
// releasing anything.
#include <catch2/catch.hpp>

#include "ledger_test_util.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

TEST_CASE("deliveries since a time list each delivered page, review ones marked", "[ledger][activity]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ProcessingBox(ledger, "B-1", 4);
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif", "doc-A")));
  PageDelivery review = Page("2.tif", "doc-B", "");
  review.jobcenter_id = "review";
  review.delivered_at = Day(2);
  REQUIRE(ledger.RecordPageDelivered("B-1", review));
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"3.tif"}, At(2)));  // a blank page is no delivery

  auto all = ledger.DeliveriesSince(Day(0));
  REQUIRE(all);
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].document_id == "doc-A");
  CHECK_FALSE((*all)[0].to_review);
  CHECK((*all)[1].delivered_at == Day(2));
  CHECK((*all)[1].to_review);

  auto recent = ledger.DeliveriesSince(Day(2));
  REQUIRE(recent);
  REQUIRE(recent->size() == 1);
  CHECK(recent->front().document_id == "doc-B");
}

TEST_CASE("the backlog counts undelivered boxes and open pages per origin, oldest first", "[ledger][activity]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-done", 2, "JC-1");  // delivered: not in the backlog
  ProcessingBox(ledger, "B-2", 3);
  REQUIRE(ledger.RecordPageDelivered("B-2", Page("1.tif")));
  BoxArrival waiting = Box("B-3", "JC-2");
  waiting.arrived_at = Day(-3);  // older, and not even scanned yet
  REQUIRE(ledger.RegisterBox(waiting));

  auto backlog = ledger.Backlog();
  REQUIRE(backlog);
  REQUIRE(backlog->size() == 2);
  CHECK((*backlog)[0].origin_jobcenter == "JC-2");
  CHECK((*backlog)[0].boxes == 1);
  CHECK((*backlog)[0].pages_open == 0);  // nothing captured yet: the box itself is the backlog
  CHECK((*backlog)[0].oldest_arrived_at == Day(-3));
  CHECK((*backlog)[1].origin_jobcenter == "JC-1");
  CHECK((*backlog)[1].boxes == 1);
  CHECK((*backlog)[1].pages_open == 2);
}

TEST_CASE("the destruction preview lists what is due and releases nothing", "[ledger][activity]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  DeliveredBox(ledger, "B-1");  // delivered on day 1: due from day 57
  const Date due_day = floor<days>(Day(1)) + days{kDefaultRetentionDays};

  auto before = ledger.PreviewDestructionDue(due_day - days{1});
  REQUIRE(before);
  CHECK(before->empty());
  auto due = ledger.PreviewDestructionDue(due_day);
  REQUIRE(due);
  REQUIRE(due->size() == 1);
  CHECK(due->front().box_id == "B-1");
  CHECK(due->front().retention_until == due_day);
  auto box = ledger.FindBox("B-1");
  REQUIRE(box);
  CHECK((*box)->state == BoxState::kDelivered);  // a preview changes no state

  REQUIRE(ledger.DestructionDue(due_day, At(60)));  // released: still listed
  auto after = ledger.PreviewDestructionDue(due_day);
  REQUIRE(after);
  CHECK(after->size() == 1);
}

}  // namespace
}  // namespace mailroom::ledger
