// A clerk's decision recorded in the ledger: the review document's pages count for its case.
#include "ledger_test_util.h"

using namespace mailroom::ledger;
using namespace mailroom::ledger::testing;
using mailroom::testing::TempDir;

namespace {

// B-1: doc-A routed, doc-B (two pages) in review; the box waits for the review desk.
void BoxWithReviewDocument(Ledger& ledger) {
  ProcessingBox(ledger, "B-1", 3);
  REQUIRE(ledger.RecordPageDelivered("B-1", Page("1.tif", "doc-A")));
  for (const char* page : {"2.tif", "3.tif"}) {
    PageDelivery review = Page(page, "doc-B", "");
    review.jobcenter_id = "review";
    REQUIRE(ledger.RecordPageDelivered("B-1", review));
  }
  auto delivered = ledger.DeliverIfComplete("B-1", At(1));
  REQUIRE(delivered);
  REQUIRE_FALSE(*delivered);  // two pages wait for a clerk
}

}  // namespace

TEST_CASE("a resolved review document is in its case's receipts, with an audit row of who decided",
          "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  BoxWithReviewDocument(ledger);
  REQUIRE(ledger.Receipts("12345BG0000099")->empty());

  auto resolved = ledger.RecordReviewResolved("B-1", "doc-B", "JC-2", "12345BG0000099", At(3, "clerk-7"));
  INFO((resolved ? std::string() : resolved.error().message));
  REQUIRE(resolved);
  auto receipts = ledger.Receipts("12345BG0000099");
  REQUIRE(receipts);
  REQUIRE(receipts->size() == 1);
  CHECK(receipts->front().document_id == "doc-B");
  CHECK(receipts->front().pages == 2);
  CHECK(receipts->front().jobcenter_id == "JC-2");
  auto trail = ledger.AuditTrail("B-1");
  REQUIRE(trail);
  CHECK(trail->back().who == "clerk-7");
  CHECK(trail->back().what == "review document doc-B resolved: 2 pages to JC-2 case 12345BG0000099");
  auto deliveries = ledger.DeliveriesSince(Day(0));
  REQUIRE(deliveries);
  for (const auto& page : *deliveries) CHECK_FALSE(page.to_review);
  CHECK(*ledger.DeliverIfComplete("B-1", At(3)));  // the last open document decided: the box is delivered
}

TEST_CASE("the same decision again changes nothing; another case or an unknown document is refused",
          "[ledger][review]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  BoxWithReviewDocument(ledger);
  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B", "JC-2", "12345BG0000099", At(3, "clerk-7")));
  const auto rows = ledger.AuditTrail("B-1")->size();
  REQUIRE(ledger.RecordReviewResolved("B-1", "doc-B", "JC-2", "12345BG0000099", At(4, "clerk-7")));
  CHECK(ledger.AuditTrail("B-1")->size() == rows);

  auto other = ledger.RecordReviewResolved("B-1", "doc-B", "JC-1", "12345BG0000001", At(4, "clerk-8"));
  REQUIRE_FALSE(other);
  CHECK_THAT(
      other.error().message,
      Catch::Contains("cannot resolve review document doc-B: it is resolved to JC-2 case 12345BG0000099 already"));
  auto routed = ledger.RecordReviewResolved("B-1", "doc-A", "JC-2", "12345BG0000099", At(4, "clerk-8"));
  REQUIRE_FALSE(routed);  // an automatically routed document is no review document
  CHECK_THAT(routed.error().message, Catch::Contains("it was routed to a case, not to review"));
  auto unknown = ledger.RecordReviewResolved("B-1", "doc-Z", "JC-2", "12345BG0000099", At(4, "clerk-8"));
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("the ledger has no delivered page of it"));
  CHECK(ledger.AuditTrail("B-1")->size() == rows);
}
