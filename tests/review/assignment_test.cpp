// A clerk's case assignment: checked against the registry, then carried into the Postkorb once.
#include <catch2/catch.hpp>

#include "mailroom/classifier/registry.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/review/assignment.h"
#include "mailroom/routing/output.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;

namespace {

classifier::Registry TestRegistry(const TempDir& root) {
  REQUIRE(CreatePrivateDirectories(root / "registry"));
  REQUIRE(WriteFileAtomically(root / "registry/jobcenters.csv",
                              "jobcenter_id,name,dienststelle\njobcenter-kiel,Jobcenter Kiel,35301\n"));
  REQUIRE(
      WriteFileAtomically(root / "registry/cases.csv",
                          "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n"
                          "35301BG0012345,123D456789,jobcenter-kiel,Thomsen,Svenja,1971-09-26,Hafenweg 1,24103,Kiel\n"
                          "35301BG0067890,123D456790,jobcenter-kiel,Berg,Jonas,1988-02-11,Ringstr. 4,24105,Kiel\n"));
  auto registry = classifier::LoadRegistry(root / "registry");
  REQUIRE(registry);
  return *registry;
}

review::ReviewDocument InReview(const TempDir& root, const std::string& doc_type = "letter") {
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  routing::DocumentInput input;
  input.box_id = "BOX-7";
  input.document_id = "BOX-7-001";
  input.box_arrived_at = "2026-12-01T08:00:00Z";
  input.classification.doc_type = doc_type;
  input.classification.reason = "conflicting cases in one envelope: 35301BG0012345, 35301BG0067890";
  input.classification.candidates = {"35301BG0012345", "35301BG0067890"};
  input.page_names = {"0003.tif"};
  input.page_pdfs = {""};
  REQUIRE(routing::WriteDocument(*out, input));
  REQUIRE(out->Commit());
  auto document = review::FindReviewDocument(root / "out", "BOX-7-001");
  REQUIRE(document);
  return *document;
}

}  // namespace

TEST_CASE("a BG number or a customer number, however typed, names the case and its persons") {
  TempDir root;
  const auto registry = TestRegistry(root);
  const auto document = InReview(root);
  auto by_bg = review::ResolveCase(registry, {}, document, {"35301 bg 0012345", std::nullopt});
  REQUIRE(by_bg);
  CHECK(by_bg->bg_number == "35301BG0012345");
  CHECK(by_bg->jobcenter_id == "jobcenter-kiel");
  CHECK(by_bg->doc_type == "letter");
  CHECK(by_bg->team == "leistung");
  CHECK(by_bg->persons == std::vector<std::string>{"Svenja Thomsen, born 1971-09-26"});
  auto by_customer = review::ResolveCase(registry, {}, document, {"123d456790", std::string("objection")});
  REQUIRE(by_customer);
  CHECK(by_customer->bg_number == "35301BG0067890");
  CHECK(by_customer->team == "widerspruch");  // the corrected type brings its team
}

TEST_CASE("a number of no registered case and an unknown document type are refused, naming them") {
  TempDir root;
  const auto registry = TestRegistry(root);
  const auto document = InReview(root);
  auto unknown = review::ResolveCase(registry, {}, document, {"35301BG0099999", std::nullopt});
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message,
             Catch::Contains("'35301BG0099999' is neither a registered BG number nor a registered customer number"));
  auto bad_type = review::ResolveCase(registry, {}, document, {"35301BG0012345", std::string("invoice")});
  REQUIRE_FALSE(bad_type);
  CHECK_THAT(bad_type.error().message, Catch::Contains("'invoice' is not a document type"));
}

TEST_CASE("an assigned document lies in its Postkorb as a routed one, with who decided, and leaves review") {
  TempDir root;
  const auto registry = TestRegistry(root);
  const auto document = InReview(root);
  auto resolved = review::ResolveCase(registry, {}, document, {"35301BG0012345", std::nullopt});
  REQUIRE(resolved);
  const auto at = *ParseUtcTime("2026-12-06T10:00:00Z");
  auto delivered = review::AssignDocument(root / "out", document, *resolved, "clerk7", at);
  REQUIRE(delivered);
  CHECK(*delivered == std::filesystem::path("postkorb/jobcenter-kiel/leistung/BOX-7-001.json"));
  const auto folder = root / "out/postkorb/jobcenter-kiel/leistung";
  CHECK(std::filesystem::exists(folder / "BOX-7-001.pdf"));
  auto json = ReadWholeFile(folder / "BOX-7-001.json");
  REQUIRE(json);
  CHECK_THAT(*json, Catch::Contains("\"jobcenter_id\": \"jobcenter-kiel\""));
  CHECK_THAT(*json, Catch::Contains("\"bg_number\": \"35301BG0012345\""));
  CHECK_THAT(*json, Catch::Contains("\"resolved_by\": \"clerk7\""));
  CHECK_THAT(*json, Catch::Contains("\"resolved_at\": \"2026-12-06T10:00:00Z\""));
  CHECK_THAT(*json, !Catch::Contains("\"reason\""));
  auto tray = review::ListInTray(root / "out");
  REQUIRE(tray);
  CHECK(tray->documents.empty());
  CHECK_FALSE(std::filesystem::exists(root / "out/review/BOX-7-001.pdf"));
}

TEST_CASE("an assignment interrupted after delivery is finished by running it again, never delivered twice") {
  TempDir root;
  const auto registry = TestRegistry(root);
  const auto document = InReview(root);
  // A run that wrote the Postkorb copy but was killed before it cleared review/: the copy is there,
  // and so is the review document.
  const auto review_json = *ReadWholeFile(document.json_file);
  const auto review_pdf = *ReadWholeFile(document.pdf_file);
  auto resolved = review::ResolveCase(registry, {}, document, {"35301BG0012345", std::nullopt});
  REQUIRE(resolved);
  const auto at = *ParseUtcTime("2026-12-06T10:00:00Z");
  REQUIRE(review::AssignDocument(root / "out", document, *resolved, "clerk7", at));
  REQUIRE(WriteFileAtomically(document.json_file, review_json));
  REQUIRE(WriteFileAtomically(document.pdf_file, review_pdf));

  // Another case for the same document is refused: it already lies in a Postkorb.
  auto other = review::ResolveCase(registry, {}, document, {"35301BG0067890", std::string("objection")});
  REQUIRE(other);
  auto twice = review::AssignDocument(root / "out", document, *other, "clerk8", at);
  REQUIRE_FALSE(twice);
  CHECK_THAT(twice.error().message,
             Catch::Contains("already delivered to postkorb/jobcenter-kiel/leistung/BOX-7-001.json"));
  CHECK_FALSE(std::filesystem::exists(root / "out/postkorb/jobcenter-kiel/widerspruch"));

  // The same case again finishes the move.
  REQUIRE(review::AssignDocument(root / "out", document, *resolved, "clerk7", at));
  CHECK_FALSE(std::filesystem::exists(document.json_file));
  CHECK(std::filesystem::exists(root / "out/postkorb/jobcenter-kiel/leistung/BOX-7-001.pdf"));
}
