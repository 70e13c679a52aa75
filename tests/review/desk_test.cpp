// The review desk's actions on a real output folder and a real ledger: what the web page and the
// `mailroom review` commands both call.
#include "mailroom/review/desk.h"

#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/pdf/pdf_document.h"
#include "mailroom/routing/output.h"
#include "temp_dir.h"

using namespace mailroom;
using mailroom::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const auto kDay = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1};

void WriteReviewDocument(const routing::OutputFolder& out, const std::string& id, std::vector<std::string> pages) {
  routing::DocumentInput input;
  input.box_id = "BOX-7";
  input.document_id = id;
  input.box_arrived_at = "2026-12-01T08:00:00Z";
  input.classification.doc_type = "letter";
  input.classification.reason = "sender matches several cases: 35301BG0012345, 35301BG0067890";
  input.classification.candidates = {"35301BG0012345", "35301BG0067890"};
  input.page_pdfs.assign(pages.size(), "");  // notice pages: one PDF page per page all the same
  input.page_names = std::move(pages);
  REQUIRE(routing::WriteDocument(out, input));
}

// BOX-7 of 5 pages: 0001.tif routed, BOX-7-002 (0002, 0003) and BOX-7-004 (0004, 0005) in review.
// `unreadable`: a page of BOX-7-004 the ledger has no row of.
struct Center {
  TempDir root;
  fs::path out = root / "out";
  fs::path ledger_file = root / "ledger.sqlite";

  explicit Center(const std::string& unreadable = "") {
    auto folder = routing::OutputFolder::Open(out);
    REQUIRE(folder);
    WriteReviewDocument(*folder, "BOX-7-002", {"0002.tif", "0003.tif"});
    WriteReviewDocument(*folder, "BOX-7-004", {"0004.tif", "0005.tif"});
    REQUIRE(folder->Commit());
    REQUIRE(CreatePrivateDirectories(root / "registry"));
    REQUIRE(WriteFileAtomically(root / "registry/jobcenters.csv",
                                "jobcenter_id,name,dienststelle\njobcenter-kiel,Jobcenter Kiel,35301\n"));
    REQUIRE(WriteFileAtomically(
        root / "registry/cases.csv",
        "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n"
        "35301BG0012345,123D456789,jobcenter-kiel,Thomsen,Svenja,1971-09-26,Hafenweg 1,24103,Kiel\n"
        "35301BG0067890,123D456790,jobcenter-kiel,Lorenzen,Jan,1980-02-03,Kai 2,24103,Kiel\n"));
    auto ledger = Ledger();
    const ledger::Stamp stamp{"op-1", kDay};
    REQUIRE(ledger.RegisterBox({"BOX-7", "S-1", "jobcenter-kiel", kDay, "op-1"}));
    REQUIRE(ledger.Advance("BOX-7", ledger::BoxState::kScanning, stamp));
    REQUIRE(ledger.RecordPagesCaptured("BOX-7", 5, stamp));
    REQUIRE(ledger.Advance("BOX-7", ledger::BoxState::kScanned, stamp));
    REQUIRE(ledger.Advance("BOX-7", ledger::BoxState::kProcessing, stamp));
    REQUIRE(ledger.RecordPageDelivered("BOX-7", {"0001.tif", "BOX-7-001", "jobcenter-kiel", "35301BG0012345", kDay}));
    for (const auto& [page, document] : {std::pair{"0002.tif", "BOX-7-002"}, std::pair{"0003.tif", "BOX-7-002"},
                                         std::pair{"0004.tif", "BOX-7-004"}, std::pair{"0005.tif", "BOX-7-004"}}) {
      if (page == unreadable) continue;
      REQUIRE(ledger.RecordPageDelivered("BOX-7", {page, document, ledger::kReviewJobcenter, "", kDay}));
    }
  }

  ledger::Ledger Ledger() const {
    auto ledger = ledger::Ledger::Open(ledger_file);
    REQUIRE(ledger);
    return std::move(*ledger);
  }

  review::Desk Desk(std::shared_ptr<review::PostkorbSink> sink = nullptr) const {
    auto desk = review::Desk::Open({out, ledger_file, root / "registry", {}, std::move(sink)});
    REQUIRE(desk);
    return std::move(*desk);
  }

  ledger::BoxSummary Box() const {
    auto box = Ledger().FindBox("BOX-7");
    REQUIRE(box);
    return box->value();
  }
};

const review::Clerk kClerk{"clerk-1", std::chrono::sys_days{std::chrono::year{2026} / 12 / 2}};

int PdfPages(const fs::path& file) {
  auto pdf = pdf::PdfDocument::Open(file);
  REQUIRE(pdf);
  return pdf->pages();
}

// A sink that fails as long as `fail` is set, and counts what it was given.
struct CountingSink : review::PostkorbSink {
  bool fail = false;
  int delivered = 0;
  Result<void> Deliver(const std::string& jobcenter_id, const fs::path& json_file, const fs::path& pdf_file) override {
    if (fail) return Fail("broker connection lost");
    CHECK(jobcenter_id == "jobcenter-kiel");
    CHECK(fs::exists(json_file));
    CHECK(fs::exists(pdf_file));
    ++delivered;
    return {};
  }
};

}  // namespace

TEST_CASE("desk: assigning every review document delivers the box; a wrong number changes nothing", "[review]") {
  Center center;
  auto desk = center.Desk();
  auto wrong = desk.Assign("BOX-7-002", {"35301BG0099999", std::nullopt}, kClerk);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().kind == review::DeskError::Kind::kRefused);
  CHECK_THAT(wrong.error().message, Catch::Contains("neither a registered BG number nor a registered customer number"));
  CHECK(fs::exists(center.out / "review/BOX-7-002.json"));

  auto first = desk.Assign("BOX-7-002", {"35301 bg 0012345", "payslip"}, kClerk);
  REQUIRE(first);
  CHECK(first->delivered == "postkorb/jobcenter-kiel/leistung/BOX-7-002.json");
  CHECK_FALSE(first->box_delivered);  // BOX-7-004 still waits
  CHECK(center.Box().state == ledger::BoxState::kProcessing);
  auto second = desk.Assign("BOX-7-004", {"123D456790", std::nullopt}, kClerk);  // a customer number
  REQUIRE(second);
  CHECK(second->box_delivered);
  CHECK(center.Box().state == ledger::BoxState::kDelivered);
  CHECK(center.Ledger().Receipts("35301BG0067890")->size() == 1);
  auto json = ReadWholeFile(center.out / "postkorb/jobcenter-kiel/leistung/BOX-7-004.json");
  REQUIRE(json);
  CHECK_THAT(*json, Catch::Contains("\"resolved_by\": \"clerk-1\""));
}

TEST_CASE("desk: a split document's parts go to two cases", "[review]") {
  Center center;
  auto desk = center.Desk();
  auto bad = desk.Split("BOX-7-002", 3, kClerk);
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("cannot split before page 3: it has 2 pages"));

  auto split = desk.Split("BOX-7-002", 2, kClerk);
  REQUIRE(split);
  CHECK(split->documents == std::vector<std::string>{"BOX-7-002.1", "BOX-7-002.2"});
  CHECK_FALSE(fs::exists(center.out / "review/BOX-7-002.json"));
  auto part = desk.Find("BOX-7-002.2");
  REQUIRE(part);
  CHECK(part->pages == std::vector<std::string>{"0003.tif"});
  CHECK_THAT(part->reason, Catch::StartsWith("split at the review desk from BOX-7-002"));
  CHECK(PdfPages(part->pdf_file) == 1);

  REQUIRE(desk.Assign("BOX-7-002.1", {"35301BG0012345", std::nullopt}, kClerk));
  REQUIRE(desk.Assign("BOX-7-002.2", {"35301BG0067890", std::nullopt}, kClerk));
  REQUIRE(desk.Assign("BOX-7-004", {"35301BG0067890", std::nullopt}, kClerk));
  CHECK(center.Box().state == ledger::BoxState::kDelivered);
  auto receipts = center.Ledger().Receipts("35301BG0067890");
  REQUIRE(receipts->size() == 2);
  CHECK(receipts->front().document_id == "BOX-7-002.2");
  CHECK(receipts->front().pages == 1);
}

TEST_CASE("desk: a document joined to the one before it is one document of four pages", "[review]") {
  Center center;
  auto desk = center.Desk();
  auto first = desk.Join("BOX-7-002", kClerk);
  REQUIRE_FALSE(first);
  CHECK_THAT(first.error().message, Catch::Contains("no review document of box BOX-7 comes before it"));

  auto joined = desk.Join("BOX-7-004", kClerk);
  REQUIRE(joined);
  CHECK_FALSE(fs::exists(center.out / "review/BOX-7-004.json"));
  auto whole = desk.Find("BOX-7-002");
  REQUIRE(whole);
  CHECK(whole->pages.size() == 4);
  CHECK(PdfPages(whole->pdf_file) == 4);
  REQUIRE(desk.Assign("BOX-7-002", {"35301BG0012345", std::nullopt}, kClerk));
  CHECK(center.Box().state == ledger::BoxState::kDelivered);
  CHECK(center.Ledger().Receipts("35301BG0012345")->size() == 2);  // BOX-7-001 and the joined one
}

TEST_CASE("desk: an unreadable page is settled before its document is assigned", "[review]") {
  Center center("0005.tif");
  auto desk = center.Desk();
  auto refused = desk.Assign("BOX-7-004", {"35301BG0012345", std::nullopt}, kClerk);
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().message,
             Catch::Contains("page 0005.tif could not be read; account for it by hand or send it to rescan first"));

  auto rescan = desk.Rescan("BOX-7-004", "0005.tif", "too dark", kClerk);
  REQUIRE(rescan);
  auto open = center.Ledger().OpenRescans();
  REQUIRE(open->size() == 1);
  CHECK(open->front().document_id == "BOX-7-004");

  auto wrong_kind = desk.Account("BOX-7-004", "0005.tif", "lost", "", kClerk);
  REQUIRE_FALSE(wrong_kind);
  auto accounted = desk.Account("BOX-7-004", "0005.tif", "unreadable", "torn", kClerk);
  REQUIRE(accounted);
  CHECK(fs::exists(center.out / "accounted/BOX-7-004.0005.tif.pdf"));
  auto rest = desk.Find("BOX-7-004");
  REQUIRE(rest);
  CHECK(rest->pages == std::vector<std::string>{"0004.tif"});
  CHECK(PdfPages(rest->pdf_file) == 1);
  CHECK_THAT(center.Ledger().AuditTrail("BOX-7")->back().what,
             Catch::Contains("by hand as unreadable: document BOX-7-004 (torn)"));

  // The last page of a document accounted for: the document leaves review for accounted/.
  REQUIRE(desk.Account("BOX-7-004", "0004.tif", "not-mail", "", kClerk));
  CHECK(fs::exists(center.out / "accounted/BOX-7-004.json"));
  auto last = desk.Assign("BOX-7-002", {"35301BG0012345", std::nullopt}, kClerk);
  REQUIRE(last);
  CHECK(last->box_delivered);
}

TEST_CASE("desk: a delivery the sink could not publish is published when the action is taken again", "[review]") {
  Center center;
  auto sink = std::make_shared<CountingSink>();
  auto desk = center.Desk(sink);
  sink->fail = true;
  auto failed = desk.Assign("BOX-7-002", {"35301BG0012345", std::nullopt}, kClerk);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().kind == review::DeskError::Kind::kFailed);
  CHECK_THAT(failed.error().message,
             Catch::Contains("not yet published: broker connection lost (take the action again)"));

  sink->fail = false;
  auto again = desk.Assign("BOX-7-002", {"35301BG0012345", std::nullopt}, kClerk);
  REQUIRE(again);
  CHECK_THAT(again->summary, Catch::Contains("is delivered already"));
  CHECK(sink->delivered == 1);
  // Another case for the same document is refused: never delivered twice.
  auto other = desk.Assign("BOX-7-002", {"35301BG0067890", std::nullopt}, kClerk);
  REQUIRE_FALSE(other);
  CHECK_THAT(other.error().message, Catch::Contains("is delivered already to case 35301BG0012345"));
  CHECK(sink->delivered == 1);
}

TEST_CASE("desk: the new scan of an unreadable page takes its place, and the document can be assigned", "[review]") {
  Center center("0005.tif");
  auto desk = center.Desk();
  auto unasked = desk.ReceiveRescan("BOX-7-004", "0005.tif", center.out / "review/BOX-7-002.pdf", kClerk);
  REQUIRE_FALSE(unasked);
  CHECK_THAT(unasked.error().message, Catch::Contains("no rescan of it was asked for"));

  REQUIRE(desk.Rescan("BOX-7-004", "0005.tif", "torn", kClerk));
  // The new scan: a one-page PDF (here a page of the other document stands in for it).
  const fs::path scan = center.root / "0005-again.pdf";
  auto one_page = routing::SelectPdfPages(center.out / "review/BOX-7-002.pdf", {0}, "scan");
  REQUIRE(one_page);
  REQUIRE(WriteFileAtomically(scan, *one_page));
  auto not_a_page = desk.ReceiveRescan("BOX-7-004", "0005.tif", center.out / "review/BOX-7-002.pdf", kClerk);
  REQUIRE_FALSE(not_a_page);  // two pages are no replacement for one
  auto received = desk.ReceiveRescan("BOX-7-004", "0005.tif", scan, kClerk);
  REQUIRE(received);
  CHECK(center.Ledger().OpenRescans()->empty());
  CHECK(PdfPages(center.out / "review/BOX-7-004.pdf") == 2);
  CHECK(center.Box().pages_in_review == 4);  // 0005.tif is a page of the ledger now
  REQUIRE(desk.Assign("BOX-7-004", {"35301BG0012345", std::nullopt}, kClerk));
  REQUIRE(desk.Assign("BOX-7-002", {"35301BG0012345", std::nullopt}, kClerk));
  CHECK(center.Box().state == ledger::BoxState::kDelivered);
}

TEST_CASE("desk: a document whose case nobody can find is forwarded to its jobcenter without a case", "[review]") {
  Center center;
  auto desk = center.Desk();
  auto unknown = desk.Forward("BOX-7-002", "jobcenter-nowhere", std::nullopt, kClerk);
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("'jobcenter-nowhere' is no jobcenter of the registry"));

  auto forwarded = desk.Forward("BOX-7-002", "", std::nullopt, kClerk);  // the box's origin
  REQUIRE(forwarded);
  CHECK(forwarded->delivered == "postkorb/jobcenter-kiel/leistung/BOX-7-002.json");
  CHECK_THAT(forwarded->summary, Catch::Contains("delivered to jobcenter-kiel without a case"));
  auto json = ReadWholeFile(center.out / "postkorb/jobcenter-kiel/leistung/BOX-7-002.json");
  REQUIRE(json);
  CHECK_THAT(*json, Catch::Contains("\"bg_number\": null"));
  CHECK_THAT(*json, Catch::Contains("\"resolved_by\": \"clerk-1\""));
  // Taken again it finishes, never delivers anew; a case for it afterwards is refused.
  REQUIRE(desk.Forward("BOX-7-002", "jobcenter-kiel", std::nullopt, kClerk));
  auto later = desk.Assign("BOX-7-002", {"35301BG0012345", std::nullopt}, kClerk);
  REQUIRE_FALSE(later);
  CHECK_THAT(later.error().message, Catch::Contains("is delivered already to jobcenter-kiel without a case"));
  REQUIRE(desk.Assign("BOX-7-004", {"35301BG0012345", std::nullopt}, kClerk));
  CHECK(center.Box().state == ledger::BoxState::kDelivered);
}
