// Custody through the review desk: a page in the review in-tray is not settled until a clerk
// decides, so its box is neither delivered nor released for destruction before that.
#include <sqlite3.h>

#include "ledger_test_util.h"

using namespace mailroom::ledger;
using namespace mailroom::ledger::testing;
using mailroom::testing::TempDir;

namespace {

// B-1: 1.tif routed in doc-A, 2.tif and 3.tif in review document doc-B.
void BoxWaitingForReview(Ledger& ledger) {
  ProcessingBox(ledger, "B-1", 3);
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif", "doc-A")));
  for (const char* page : {"2.tif", "3.tif"}) {
    PageDelivery review = Page(page, "doc-B", "");
    review.jobcenter_id = kReviewJobcenter;
    REQUIRE(ledger.RecordPageDelivered("B-1", review));
  }
}

BoxSummary Summary(Ledger& ledger) {
  auto box = ledger.FindBox("B-1");
  REQUIRE(box);
  REQUIRE(box->has_value());
  return **box;
}

}  // namespace

TEST_CASE("a box with an open review document is not delivered and never due for destruction", "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  BoxWaitingForReview(ledger);
  const BoxSummary box = Summary(ledger);
  CHECK(box.pages_delivered == 1);
  CHECK(box.pages_in_review == 2);
  CHECK(box.state == BoxState::kProcessing);

  auto advanced = ledger.Advance("B-1", BoxState::kDelivered, At(1));
  REQUIRE_FALSE(advanced);
  CHECK_THAT(advanced.error().message,
             Catch::Contains("2 of 3 captured pages neither delivered nor accounted (2 wait for the review desk)"));
  CHECK_FALSE(*ledger.DeliverIfComplete("B-1", At(1)));
  // A year later, still nothing to destroy: the paper of an undecided document stays.
  CHECK(ledger.PreviewDestructionDue(std::chrono::floor<std::chrono::days>(Day(400)))->empty());
  CHECK(ledger.DestructionDue(std::chrono::floor<std::chrono::days>(Day(400)), At(400))->empty());
  auto backlog = ledger.Backlog();
  REQUIRE(backlog);
  REQUIRE(backlog->size() == 1);
  CHECK((*backlog)[0].pages_open == 2);

  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B", "JC-2", "12345BG0000099", At(2, "clerk-1")));
  CHECK(Summary(ledger).pages_delivered == 3);
  CHECK(*ledger.DeliverIfComplete("B-1", At(2)));
  CHECK(ledger.PreviewDestructionDue(std::chrono::floor<std::chrono::days>(Day(400)))->size() == 1);
}

TEST_CASE("a review page accounted for by hand is settled, and stays out of the case's receipts", "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  BoxWaitingForReview(ledger);
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"3.tif"}, At(2, "clerk-1"), "by hand as blank: document doc-B"));
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"3.tif"}, At(2, "clerk-1"), "by hand as blank: document doc-B"));
  CHECK(Summary(ledger).pages_accounted == 1);
  CHECK(Summary(ledger).pages_in_review == 1);
  CHECK_FALSE(*ledger.DeliverIfComplete("B-1", At(2)));

  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B", "JC-2", "12345BG0000099", At(3, "clerk-1")));
  auto receipts = ledger.Receipts("12345BG0000099");
  REQUIRE(receipts->size() == 1);
  CHECK(receipts->front().pages == 1);  // 2.tif only
  CHECK(*ledger.DeliverIfComplete("B-1", At(3)));
  // A page delivered to a case cannot be accounted for afterwards.
  auto late = ledger.RecordPagesAccounted("B-1", {"1.tif"}, At(3, "clerk-1"), "by hand as blank");
  REQUIRE_FALSE(late);
}

TEST_CASE("review pages split into two documents go to two cases", "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  BoxWaitingForReview(ledger);
  const std::vector<PageMove> split{{"2.tif", "doc-B.1"}, {"3.tif", "doc-B.2"}};
  REQUIRE(ledger.RecordReviewPagesMoved("B-1", split, At(2, "clerk-1")));
  const auto rows = ledger.AuditTrail("B-1")->size();
  REQUIRE(ledger.RecordReviewPagesMoved("B-1", split, At(2, "clerk-1")));  // again: nothing new
  CHECK(ledger.AuditTrail("B-1")->size() == rows);
  CHECK(ledger.AuditTrail("B-1")->back().what ==
        "2 review pages moved from document doc-B to document doc-B.1, doc-B.2");

  // The old document has no page left to decide.
  CHECK_FALSE(ledger.RecordReviewResolved("B-1", "doc-B", "JC-2", "12345BG0000099", At(3, "clerk-1")));
  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B.1", "JC-2", "12345BG0000099", At(3, "clerk-1")));
  CHECK_FALSE(*ledger.DeliverIfComplete("B-1", At(3)));
  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B.2", "JC-1", "12345BG0000001", At(3, "clerk-1")));
  CHECK(ledger.Receipts("12345BG0000099")->front().document_id == "doc-B.1");
  CHECK(ledger.Receipts("12345BG0000001")->size() == 2);  // doc-A and doc-B.2
  CHECK(*ledger.DeliverIfComplete("B-1", At(3)));

  SECTION("a decided or routed page is not moved") {
    auto decided = ledger.RecordReviewPagesMoved("B-1", {{"2.tif", "doc-B.3"}}, At(4, "clerk-1"));
    REQUIRE_FALSE(decided);
    CHECK_THAT(decided.error().message, Catch::Contains("is delivered to JC-2"));
    auto routed = ledger.RecordReviewPagesMoved("B-1", {{"1.tif", "doc-B.3"}}, At(4, "clerk-1"));
    REQUIRE_FALSE(routed);
    auto into_decided = ledger.RecordReviewPagesMoved("B-1", {{"2.tif", "doc-B.1"}}, At(4, "clerk-1"));
    REQUIRE_FALSE(into_decided);
    CHECK_THAT(into_decided.error().message, Catch::Contains("it is resolved already"));
  }
}

TEST_CASE("a page sent back to rescan is listed until its new scan arrives", "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  BoxWaitingForReview(ledger);
  REQUIRE(ledger.RequestRescan("B-1", "2.tif", "doc-B", "too dark", At(2, "clerk-1")));
  REQUIRE(ledger.RequestRescan("B-1", "2.tif", "doc-B", "too dark", At(2, "clerk-1")));
  auto open = ledger.OpenRescans();
  REQUIRE(open);
  REQUIRE(open->size() == 1);
  CHECK(open->front().page_name == "2.tif");
  CHECK(open->front().requested_by == "clerk-1");
  CHECK(ledger.AuditTrail("B-1")->back().what == "page 2.tif of review document doc-B sent to rescan (too dark)");

  REQUIRE(ledger.RecordRescanReceived("B-1", "2.tif", At(3, "op-2")));
  CHECK(ledger.OpenRescans()->empty());
  auto again = ledger.RecordRescanReceived("B-1", "2.tif", At(3, "op-2"));
  REQUIRE_FALSE(again);
  CHECK_THAT(again.error().message, Catch::Contains("no rescan of it was asked for"));
  // The request's row keeps what was asked: only the arrival time is ever written to it.
  CHECK(ExecSql(dir, ledger, "UPDATE rescan_requests SET reason = 'x'") ==
        "a rescan request only gains the time its new scan arrived");
}

TEST_CASE("an unreadable page is in no document of the ledger: moves skip it, the desk asks to settle it",
          "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ProcessingBox(ledger, "B-1", 2);
  PageDelivery review = Page("1.tif", "doc-B", "");
  review.jobcenter_id = kReviewJobcenter;
  REQUIRE(ledger.RecordPageDelivered("B-1", review));
  auto unrecorded = ledger.UnrecordedPages("B-1", {"1.tif", "2.tif"});
  REQUIRE(unrecorded);
  CHECK(*unrecorded == std::vector<std::string>{"2.tif"});
  REQUIRE(ledger.RecordReviewPagesMoved("B-1", {{"1.tif", "doc-B.1"}, {"2.tif", "doc-B.2"}}, At(2, "clerk-1")));
  REQUIRE(ledger.RecordPagesAccounted("B-1", {"2.tif"}, At(2, "clerk-1"), "by hand as unreadable: document doc-B.2"));
  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B.1", "JC-2", "12345BG0000099", At(3, "clerk-1")));
  CHECK(*ledger.DeliverIfComplete("B-1", At(3)));
}

TEST_CASE("a review document forwarded to its jobcenter without a case settles its pages, in no receipt",
          "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  BoxWaitingForReview(ledger);
  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B", "JC-1", "", At(2, "clerk-1")));
  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B", "JC-1", "", At(2, "clerk-1")));  // again: nothing new
  CHECK(ledger.AuditTrail("B-1")->back().what == "review document doc-B forwarded: 2 pages to JC-1 without a case");
  CHECK(Summary(ledger).pages_delivered == 3);
  CHECK(Summary(ledger).pages_in_review == 0);
  CHECK(*ledger.IsReviewResolved("B-1", "doc-B"));
  CHECK(*ledger.DeliverIfComplete("B-1", At(2)));
  CHECK(ledger.Receipts("12345BG0000001")->size() == 1);  // doc-A only
  auto later = ledger.RecordReviewResolved("B-1", "doc-B", "JC-1", "12345BG0000001", At(3, "clerk-2"));
  REQUIRE_FALSE(later);
  CHECK_THAT(later.error().message, Catch::Contains("it is resolved to JC-1 without a case already"));
  CHECK_FALSE(ledger.RecordReviewResolved("B-1", "doc-B", "review", "", At(3, "clerk-2")));
}
