// `mailroom review list|show|assign` with the real binary, over review documents written by routing.
#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/routing/output.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::Quoted;
using testing::RunMailroom;
using testing::TempDir;

namespace {

void WriteReviewDocument(const routing::OutputFolder& out, const std::string& id, const std::string& arrived_at,
                         bool objection, std::vector<std::string> pages = {"0003.tif", "0004.tif"}) {
  routing::DocumentInput input;
  input.box_id = "BOX-7";
  input.document_id = id;
  input.box_arrived_at = arrived_at;
  input.classification.doc_type = objection ? "objection" : "letter";
  input.classification.priority = objection;
  input.classification.reason = "sender matches several cases: 35301BG0012345, 35301BG0067890";
  input.classification.candidates = {"35301BG0012345", "35301BG0067890"};
  input.page_pdfs.assign(pages.size(), "");
  input.page_names = std::move(pages);
  REQUIRE(routing::WriteDocument(out, input));
}

std::filesystem::path OutputWithReview(const TempDir& root) {
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  WriteReviewDocument(*out, "BOX-7-001", "2026-12-01T08:00:00Z", false);
  WriteReviewDocument(*out, "BOX-7-002", "2026-12-03T08:00:00Z", true, {"0005.tif", "0006.tif"});
  REQUIRE(out->Commit());
  return root / "out";
}

// One jobcenter and one case, as REG_DIR of mailroom process.
void WriteRegistry(const TempDir& root) {
  REQUIRE(CreatePrivateDirectories(root / "registry"));
  REQUIRE(WriteFileAtomically(root / "registry/jobcenters.csv",
                              "jobcenter_id,name,dienststelle\njobcenter-kiel,Jobcenter Kiel,35301\n"));
  REQUIRE(WriteFileAtomically(
      root / "registry/cases.csv",
      "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n"
      "35301BG0012345,123D456789,jobcenter-kiel,Thomsen,Svenja,1971-09-26,Hafenweg 1,24103,Kiel\n"));
}

// A ledger with box BOX-7 in processing and `pages` pages captured, as process finds it.
ledger::Ledger ProcessingLedger(const std::filesystem::path& file, int pages) {
  auto ledger = ledger::Ledger::Open(file);
  REQUIRE(ledger);
  const auto day = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1};
  const ledger::Stamp stamp{"op-1", day};
  REQUIRE(ledger->RegisterBox({"BOX-7", "S-1", "jobcenter-kiel", day, "op-1"}));
  REQUIRE(ledger->Advance("BOX-7", ledger::BoxState::kScanning, stamp));
  REQUIRE(ledger->RecordPagesCaptured("BOX-7", pages, stamp));
  REQUIRE(ledger->Advance("BOX-7", ledger::BoxState::kScanned, stamp));
  REQUIRE(ledger->Advance("BOX-7", ledger::BoxState::kProcessing, stamp));
  return std::move(*ledger);
}

// The ledger as `mailroom process --ledger` leaves OutputWithReview: all four pages in review.
void LedgerWithReview(const std::filesystem::path& file) {
  auto ledger = ProcessingLedger(file, 6);
  const auto day = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1};
  REQUIRE(ledger.RecordPageDelivered("BOX-7", {"0001.tif", "BOX-7-000", "jobcenter-kiel", "35301BG0012345", day}));
  REQUIRE(ledger.RecordPagesAccounted("BOX-7", {"0002.tif"}, {"op-1", day}));
  for (const auto& [page, document] : {std::pair{"0003.tif", "BOX-7-001"}, std::pair{"0004.tif", "BOX-7-001"},
                                       std::pair{"0005.tif", "BOX-7-002"}, std::pair{"0006.tif", "BOX-7-002"}}) {
    REQUIRE(ledger.RecordPageDelivered("BOX-7", {page, document, "review", "", day + std::chrono::hours{1}}));
  }
}

}  // namespace

TEST_CASE("review list prints the in-tray with the objection on top, and JSON for scripts") {
  TempDir root;
  const auto out = OutputWithReview(root);
  auto table = RunMailroom("review list --out " + Quoted(out));
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.output, Catch::Contains("2 documents in review, 1 objection (!) on top"));
  const auto objection = table.output.find("BOX-7-002");
  const auto letter = table.output.find("BOX-7-001");
  REQUIRE(objection != std::string::npos);
  CHECK(objection < letter);

  auto json = RunMailroom("review list --json --out " + Quoted(out));
  REQUIRE(json.exit_code == 0);
  const auto documents = nlohmann::json::parse(json.output);
  REQUIRE(documents.size() == 2);
  CHECK(documents[0]["document_id"] == "BOX-7-002");
  CHECK(documents[0]["priority"] == true);
  CHECK(documents[1]["candidates"] == nlohmann::json::array({"35301BG0012345", "35301BG0067890"}));
  CHECK(documents[1]["pages"].size() == 2);
}

TEST_CASE("review show gives the reason, the candidates and the pages of one document") {
  TempDir root;
  const auto out = OutputWithReview(root);
  auto shown = RunMailroom("review show BOX-7-001 --out " + Quoted(out));
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.output, Catch::Contains("reason:      sender matches several cases"));
  CHECK_THAT(shown.output, Catch::Contains("candidates:  35301BG0012345, 35301BG0067890"));
  CHECK_THAT(shown.output, Catch::Contains("pages:       0003.tif, 0004.tif"));
  CHECK_THAT(shown.output, Catch::Contains("BOX-7-001.pdf"));
}

TEST_CASE("review refuses an unknown document, a missing folder and a broken JSON, naming each") {
  TempDir root;
  const auto out = OutputWithReview(root);
  auto unknown = RunMailroom("review show BOX-7-099 --out " + Quoted(out));
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.output, Catch::Contains("document BOX-7-099 is not in review"));

  auto missing = RunMailroom("review list --out " + Quoted(root / "nowhere"));
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.output, Catch::Contains("no such output folder"));

  REQUIRE(WriteFileAtomically(out / "review" / "BOX-7-003.json", "{ not json"));
  auto broken = RunMailroom("review list --out " + Quoted(out));
  CHECK(broken.exit_code == 1);  // a document the clerks cannot see is never passed over quietly
  CHECK_THAT(broken.output, Catch::Contains("BOX-7-003.json: not a document JSON"));
  CHECK_THAT(broken.output, Catch::Contains("BOX-7-001"));  // the readable ones are still listed

  auto no_action = RunMailroom("review");
  CHECK(no_action.exit_code != 0);
}

TEST_CASE("review assign shows the case's persons, writes only with --yes, and refuses a wrong number") {
  TempDir root;
  const auto out = OutputWithReview(root);
  WriteRegistry(root);
  LedgerWithReview(root / "ledger.sqlite");
  const std::string base = "review assign BOX-7-001 --out " + Quoted(out) + " --registry " + Quoted(root / "registry") +
                           " --ledger " + Quoted(root / "ledger.sqlite");

  auto wrong = RunMailroom(base + " --case 35301BG0099999 --yes");
  CHECK(wrong.exit_code == 2);
  CHECK_THAT(wrong.output, Catch::Contains("is neither a registered BG number nor a registered customer number"));

  auto asked = RunMailroom(base + " --case 35301BG0012345");
  REQUIRE(asked.exit_code == 0);
  CHECK_THAT(asked.output, Catch::Contains("Svenja Thomsen, born 1971-09-26"));
  CHECK_THAT(asked.output, Catch::Contains("nothing written"));
  CHECK(std::filesystem::exists(out / "review/BOX-7-001.json"));

  auto done = RunMailroom(base + " --case 35301BG0012345 --yes --operator clerk7");
  REQUIRE(done.exit_code == 0);
  CHECK_THAT(done.output, Catch::Contains("delivered: "));
  const auto json = testing::ReadJson(out / "postkorb/jobcenter-kiel/leistung/BOX-7-001.json");
  CHECK(json["resolved_by"] == "clerk7");
  CHECK(json["bg_number"] == "35301BG0012345");
  // The clerk sees the person on stdout; the log line of the assignment names ids only.
  const auto log_line = done.output.substr(done.output.find("review.assigned"));
  CHECK_THAT(log_line.substr(0, log_line.find('\n')), !Catch::Contains("Thomsen"));
  auto left = RunMailroom("review list --json --out " + Quoted(out));
  REQUIRE(left.exit_code == 0);
  CHECK(nlohmann::json::parse(left.output).size() == 1);
}

TEST_CASE("review assign --ledger records the decision: the case's receipt shows the document") {
  TempDir root;
  const auto out = OutputWithReview(root);
  WriteRegistry(root);
  const auto ledger_file = root / "ledger.sqlite";
  LedgerWithReview(ledger_file);
  const std::string base = "review assign BOX-7-001 --out " + Quoted(out) + " --registry " + Quoted(root / "registry") +
                           " --ledger " + Quoted(ledger_file) + " --operator clerk7 --yes --case ";
  auto typo = RunMailroom("review assign BOX-7-001 --out " + Quoted(out) + " --registry " + Quoted(root / "registry") +
                          " --ledger " + Quoted(root / "ledgr.sqlite") + " --yes --case 35301BG0012345");
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.output, Catch::Contains("no box ledger at " + (root / "ledgr.sqlite").string()));
  CHECK_FALSE(std::filesystem::exists(root / "ledgr.sqlite"));    // no stray ledger made
  CHECK(std::filesystem::exists(out / "review/BOX-7-001.json"));  // and nothing moved

  auto done = RunMailroom(base + "35301BG0012345");
  REQUIRE(done.exit_code == 0);
  auto receipt = RunMailroom("receipt --bg 35301BG0012345 --ledger " + Quoted(ledger_file));
  REQUIRE(receipt.exit_code == 0);
  CHECK_THAT(receipt.output, Catch::Contains("BOX-7-001"));
  CHECK_THAT(receipt.output, !Catch::Contains("BOX-7-002"));
  auto trail = RunMailroom("audit --box BOX-7 --ledger " + Quoted(ledger_file));
  CHECK_THAT(trail.output,
             Catch::Contains("review document BOX-7-001 resolved: 2 pages to jobcenter-kiel case 35301BG0012345"));
}

TEST_CASE("review account settles pages by hand: the box is delivered when none is left, the document kept aside") {
  TempDir root;
  auto out_folder = routing::OutputFolder::Open(root / "out");
  REQUIRE(out_folder);
  WriteReviewDocument(*out_folder, "BOX-7-001", "2026-12-01T08:00:00Z", false, {"1.tif"});
  WriteReviewDocument(*out_folder, "BOX-7-002", "2026-12-01T08:00:00Z", false, {"2.tif"});  // unreadable
  REQUIRE(out_folder->Commit());
  WriteRegistry(root);
  const auto out = root / "out";
  const auto ledger_file = root / "ledger.sqlite";
  {
    auto ledger = ProcessingLedger(ledger_file, 2);
    const auto day = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1};
    // 1.tif was read and went to review inside BOX-7-001; 2.tif could not be read: it is open.
    REQUIRE(ledger.RecordPageDelivered("BOX-7", {"1.tif", "BOX-7-001", "review", "", day}));
  }
  const std::string tail = " --out " + Quoted(out) + " --ledger " + Quoted(ledger_file) + " --registry " +
                           Quoted(root / "registry") + " --operator clerk7";

  auto wrong_page = RunMailroom("review account BOX-7-002 --page 9.tif --as unreadable" + tail);
  CHECK(wrong_page.exit_code == 2);
  CHECK_THAT(wrong_page.output, Catch::Contains("document BOX-7-002 has no page 9.tif"));
  auto unreadable = RunMailroom("review assign BOX-7-002 --case 35301BG0012345 --yes" + tail);
  CHECK(unreadable.exit_code == 2);
  CHECK_THAT(unreadable.output, Catch::Contains("page 2.tif could not be read; account for it by hand"));

  auto first = RunMailroom("review account BOX-7-002 --page 2.tif --as unreadable --reason torn" + tail);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.output, !Catch::Contains("box delivered"));  // 1.tif still waits in review
  CHECK(std::filesystem::exists(out / "accounted/BOX-7-002.json"));
  CHECK(std::filesystem::exists(out / "accounted/BOX-7-002.pdf"));
  CHECK_FALSE(std::filesystem::exists(out / "review/BOX-7-002.json"));
  auto last = RunMailroom("review account BOX-7-001 --page 1.tif --as not-mail" + tail);
  REQUIRE(last.exit_code == 0);
  CHECK_THAT(last.output, Catch::Contains("box delivered: every page is delivered or accounted for"));
  auto boxes = RunMailroom("boxes --ledger " + Quoted(ledger_file));
  CHECK_THAT(boxes.output, Catch::Contains("delivered"));
  auto trail = RunMailroom("audit --box BOX-7 --ledger " + Quoted(ledger_file));
  CHECK_THAT(trail.output,
             Catch::Contains("1 pages accounted without delivery (by hand as unreadable: document BOX-7-002 (torn))"));
}

TEST_CASE("review split and join regroup pages; each part is assigned on its own") {
  TempDir root;
  const auto out = OutputWithReview(root);
  WriteRegistry(root);
  const auto ledger_file = root / "ledger.sqlite";
  LedgerWithReview(ledger_file);
  const std::string tail =
      " --out " + Quoted(out) + " --ledger " + Quoted(ledger_file) + " --registry " + Quoted(root / "registry");
  auto split = RunMailroom("review split BOX-7-002 --before-page 2" + tail);
  REQUIRE(split.exit_code == 0);
  CHECK_THAT(split.output, Catch::Contains("BOX-7-002 split into BOX-7-002.1 (1 pages) and BOX-7-002.2 (1 pages)"));
  auto joined = RunMailroom("review join BOX-7-002.1" + tail);
  REQUIRE(joined.exit_code == 0);
  CHECK_THAT(joined.output, Catch::Contains("BOX-7-002.1 joined to BOX-7-001 (3 pages now)"));
  auto rescan = RunMailroom("review rescan BOX-7-002.2 --page 0006.tif --reason blurred" + tail);
  REQUIRE(rescan.exit_code == 0);
  auto waiting = RunMailroom("boxes --ledger " + Quoted(ledger_file));
  CHECK_THAT(waiting.output, Catch::Contains("4 pages open (4 at the review desk, 1 to rescan)"));
  for (const char* document : {"BOX-7-001", "BOX-7-002.2"}) {
    auto done = RunMailroom("review assign " + std::string(document) + " --case 35301BG0012345 --yes" + tail);
    INFO(done.output);
    REQUIRE(done.exit_code == 0);
  }
  auto boxes = RunMailroom("boxes --ledger " + Quoted(ledger_file));
  CHECK_THAT(boxes.output, Catch::Contains("delivered"));
  auto receipt = RunMailroom("receipt --bg 35301BG0012345 --ledger " + Quoted(ledger_file));
  CHECK_THAT(receipt.output, Catch::Contains("BOX-7-002.2"));
}

TEST_CASE("review forward puts a document whose case nobody finds into its jobcenter's Postkorb, without a case") {
  TempDir root;
  const auto out = OutputWithReview(root);
  WriteRegistry(root);
  const auto ledger_file = root / "ledger.sqlite";
  LedgerWithReview(ledger_file);
  const std::string tail =
      " --out " + Quoted(out) + " --ledger " + Quoted(ledger_file) + " --registry " + Quoted(root / "registry");
  auto elsewhere = RunMailroom("review forward BOX-7-001 --jobcenter jobcenter-nowhere" + tail);
  CHECK(elsewhere.exit_code == 2);
  CHECK_THAT(elsewhere.output, Catch::Contains("'jobcenter-nowhere' is no jobcenter of the registry"));
  auto forwarded = RunMailroom("review forward BOX-7-001 --operator clerk7" + tail);
  INFO(forwarded.output);
  REQUIRE(forwarded.exit_code == 0);
  CHECK_THAT(forwarded.output, Catch::Contains("BOX-7-001 delivered to jobcenter-kiel without a case"));
  const auto json = testing::ReadJson(out / "postkorb/jobcenter-kiel/leistung/BOX-7-001.json");
  CHECK(json["bg_number"].is_null());
  CHECK(json["resolved_by"] == "clerk7");
  auto trail = RunMailroom("audit --box BOX-7 --ledger " + Quoted(ledger_file));
  CHECK_THAT(trail.output,
             Catch::Contains("review document BOX-7-001 forwarded: 2 pages to jobcenter-kiel without a case"));
}
