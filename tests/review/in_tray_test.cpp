// The review in-tray as the desk lists it, over documents written by routing itself.
#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/review/in_tray.h"
#include "mailroom/routing/output.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;

namespace {

// A review document as `mailroom process` writes it (its one page could not be read, so the
// writer draws a notice page and needs no page PDF).
void WriteReviewDocument(const routing::OutputFolder& out, const std::string& id, const std::string& arrived_at,
                         const std::string& doc_type = "letter", bool priority = false) {
  routing::DocumentInput input;
  input.box_id = "BOX-1";
  input.document_id = id;
  input.box_arrived_at = arrived_at;
  input.classification.doc_type = doc_type;
  input.classification.priority = priority;
  input.classification.reason = "conflicting cases in one envelope: 35301BG0012345, 35301BG0067890";
  input.classification.candidates = {"35301BG0012345", "35301BG0067890"};
  input.page_names = {id + ".tif"};
  input.page_pdfs = {""};
  REQUIRE(routing::WriteDocument(out, input));
}

}  // namespace

TEST_CASE("the in-tray lists objections first, then the longest waiting, with the contract's fields") {
  TempDir root;
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  WriteReviewDocument(*out, "BOX-1-003", "2026-12-02T08:00:00Z");
  WriteReviewDocument(*out, "BOX-1-001", "2026-12-03T08:00:00Z");
  WriteReviewDocument(*out, "BOX-1-002", "2026-12-04T08:00:00Z", "objection", true);
  WriteReviewDocument(*out, "BOX-1-004", "2026-12-02T08:00:00Z");
  REQUIRE(out->Commit());

  auto tray = review::ListInTray(root / "out");
  REQUIRE(tray);
  CHECK(tray->problems.empty());
  REQUIRE(tray->documents.size() == 4);
  CHECK(tray->documents[0].document_id == "BOX-1-002");  // the objection, though its box is the newest
  CHECK(tray->documents[1].document_id == "BOX-1-003");  // oldest box; same age: by id
  CHECK(tray->documents[2].document_id == "BOX-1-004");
  CHECK(tray->documents[3].document_id == "BOX-1-001");
  const auto& first = tray->documents[0];
  CHECK(first.priority);
  CHECK(first.doc_type == "objection");
  CHECK(first.reason == "conflicting cases in one envelope: 35301BG0012345, 35301BG0067890");
  CHECK(first.candidates == std::vector<std::string>{"35301BG0012345", "35301BG0067890"});
  CHECK(first.pages == std::vector<std::string>{"BOX-1-002.tif"});
  CHECK(std::filesystem::exists(first.pdf_file));
}

TEST_CASE("a broken JSON in review/ is named, and the other documents are still listed") {
  TempDir root;
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  WriteReviewDocument(*out, "BOX-1-001", "2026-12-03T08:00:00Z");
  REQUIRE(out->Commit());
  REQUIRE(WriteFileAtomically(root / "out/review/BOX-1-009.json", "{\"document_id\": "));
  REQUIRE(WriteFileAtomically(root / "out/review/notes.json", "{}"));

  auto tray = review::ListInTray(root / "out");
  REQUIRE(tray);
  REQUIRE(tray->documents.size() == 1);
  REQUIRE(tray->problems.size() == 2);
  CHECK_THAT(tray->problems[0], Catch::Contains("BOX-1-009.json: not a document JSON"));
  CHECK_THAT(tray->problems[1], Catch::Contains("notes.json: not a document JSON: no document_id"));
}

TEST_CASE("an output folder without review documents has an empty in-tray; a missing one is an error") {
  TempDir root;
  std::filesystem::create_directories(root / "out/postkorb");
  auto empty = review::ListInTray(root / "out");
  REQUIRE(empty);
  CHECK(empty->documents.empty());
  auto missing = review::ListInTray(root / "nowhere");
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error().message, Catch::Contains("nowhere: no such output folder"));
}

TEST_CASE("a review document is found by its id, and an unknown id is named") {
  TempDir root;
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  WriteReviewDocument(*out, "BOX-1-001", "2026-12-03T08:00:00Z");
  REQUIRE(out->Commit());
  auto found = review::FindReviewDocument(root / "out", "BOX-1-001");
  REQUIRE(found);
  CHECK(found->box_arrived_at == "2026-12-03T08:00:00Z");
  auto unknown = review::FindReviewDocument(root / "out", "BOX-1-077");
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::StartsWith("document BOX-1-077 is not in review in "));
}

TEST_CASE("the waiting time reads in minutes, hours or days and hours") {
  const auto now = *ParseUtcTime("2026-12-06T12:00:00Z");
  CHECK(review::WaitingTime("2026-12-06T11:15:00Z", now) == "45 min");
  CHECK(review::WaitingTime("2026-12-06T07:00:00Z", now) == "5 h");
  CHECK(review::WaitingTime("2026-12-03T08:00:00Z", now) == "3 d 4 h");
  CHECK(review::WaitingTime("2026-12-07T08:00:00Z", now) == "?");  // in the future: a clock is wrong
  CHECK(review::WaitingTime("", now) == "?");
}

TEST_CASE("the in-tray reads each candidate's evidence; a document without it has none") {
  TempDir root;
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  WriteReviewDocument(*out, "BOX-1-001", "2026-12-03T08:00:00Z");  // written without evidence
  routing::DocumentInput input;
  input.box_id = "BOX-1";
  input.document_id = "BOX-1-002";
  input.classification.reason = "conflicting cases in one envelope: 35301BG0012345, 35301BG0067890";
  input.classification.candidates = {"35301BG0012345", "35301BG0067890"};
  input.classification.candidate_evidence = {
      {"35301BG0012345", "jc-dresden", 0.97, {"barcode"}, {}},
      {"35301BG0067890", std::nullopt, 0.84, {}, {"surname", "given_name", "street"}}};
  input.page_names = {"0002.tif"};
  input.page_pdfs = {""};
  REQUIRE(routing::WriteDocument(*out, input));
  REQUIRE(out->Commit());

  auto without = review::FindReviewDocument(root / "out", "BOX-1-001");
  REQUIRE(without);
  CHECK(without->candidate_evidence.empty());
  auto with = review::FindReviewDocument(root / "out", "BOX-1-002");
  REQUIRE(with);
  const auto& evidence = with->candidate_evidence;
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].bg_number == "35301BG0012345");
  CHECK(evidence[0].jobcenter_id == "jc-dresden");
  CHECK(evidence[0].score == Approx(0.97));
  CHECK(evidence[0].numbers == std::vector<std::string>{"barcode"});
  CHECK(evidence[0].person_match.empty());
  CHECK(evidence[1].bg_number == "35301BG0067890");
  CHECK_FALSE(evidence[1].jobcenter_id.has_value());
  CHECK(evidence[1].numbers.empty());
  CHECK(evidence[1].person_match == std::vector<std::string>{"surname", "given_name", "street"});
  // The in-tray's list reads the same.
  auto tray = review::ListInTray(root / "out");
  REQUIRE(tray);
  REQUIRE(tray->documents.size() == 2);
  for (const auto& document : tray->documents) {
    CHECK(document.candidate_evidence.size() == (document.document_id == "BOX-1-002" ? 2u : 0u));
  }
}
