// The desk's decisions as labelled examples: what is exported from a Postkorb, in which form, and
// what happens to a file that cannot be read.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "desk_output.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/review/labelled_examples.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::DeskDocument;
using testing::TempDir;

namespace {

constexpr const char* kObjection = "Widerspruch gegen den Bescheid vom 14.03.2025\nIch lege hiermit Widerspruch ein.";
constexpr const char* kPayslip = "Entgeltabrechnung März 2025\nGesamtbrutto 1.840,00 EUR";

unsigned ModeOf(const std::filesystem::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return info.st_mode & 0777U;
}

nlohmann::json ReadExample(const std::filesystem::path& file) {
  auto text = ReadWholeFile(file);
  REQUIRE(text);
  return nlohmann::json::parse(*text);
}

}  // namespace

TEST_CASE("a document resolved at the desk becomes an example of the clerk's type; a routed one does not") {
  TempDir root;
  // The classifier guessed "letter"; the clerk corrected it. Its second page could not be read.
  testing::WriteDeskOutput(root / "out", {{.document_id = "BOX-7-001",
                                           .guessed_type = "letter",
                                           .confirmed_type = "objection",
                                           .page_texts = {kObjection, ""}},
                                          {.document_id = "BOX-7-002", .page_texts = {kPayslip}, .resolved = false}});
  auto summary = review::ExportLabelledExamples(root / "out", root / "examples");
  REQUIRE(summary);
  CHECK(summary->problems.empty());
  CHECK(summary->per_doc_type == std::map<std::string, int>{{"objection", 1}});
  CHECK(summary->written() == 1);

  const auto file = root / "examples/BOX-7-001.json";
  const auto example = ReadExample(file);
  CHECK(example["schema_version"] == 1);
  CHECK(example["document_id"] == "BOX-7-001");
  CHECK(example["box_id"] == "BOX-7");
  CHECK(example["doc_type"] == "objection");
  CHECK(example["resolved_at"] == "2026-12-06T10:00:00Z");
  CHECK(example["corrected_from"] == "letter");  // the clerk's correction of the classifier's guess
  // The page that was read; not the notice page standing in for the one that was not.
  REQUIRE(example["pages"].size() == 1);
  CHECK_THAT(example["pages"][0].get<std::string>(), Catch::Contains("Ich lege hiermit Widerspruch ein."));
  CHECK(ModeOf(file) == 0600);  // page text: social data
  CHECK(ModeOf(root / "examples") == 0700);
  CHECK_FALSE(std::filesystem::exists(root / "examples/BOX-7-002.json"));  // no person decided it
}

TEST_CASE("since leaves out the documents resolved before it; a document without text is counted, not exported") {
  TempDir root;
  testing::WriteDeskOutput(
      root / "out", {{.document_id = "BOX-7-001", .page_texts = {kObjection}, .resolved_at = "2026-11-30T23:59:59Z"},
                     {.document_id = "BOX-7-002", .confirmed_type = "payslip", .page_texts = {kPayslip}},
                     {.document_id = "BOX-7-003", .page_texts = {""}, .resolved_at = "2026-12-02T09:00:00Z"}});
  auto summary = review::ExportLabelledExamples(root / "out", root / "examples", *ParseUtcTime("2026-12-01T00:00:00Z"));
  REQUIRE(summary);
  CHECK(summary->per_doc_type == std::map<std::string, int>{{"payslip", 1}});
  CHECK(summary->without_text == 1);
  CHECK(std::filesystem::exists(root / "examples/BOX-7-002.json"));
  CHECK_FALSE(std::filesystem::exists(root / "examples/BOX-7-001.json"));
  CHECK_FALSE(std::filesystem::exists(root / "examples/BOX-7-003.json"));

  // Exporting again, without since, adds the earlier one to the same folder.
  auto again = review::ExportLabelledExamples(root / "out", root / "examples");
  REQUIRE(again);
  CHECK(again->written() == 2);
  CHECK(std::filesystem::exists(root / "examples/BOX-7-001.json"));
}

TEST_CASE("a broken JSON or PDF in the Postkorb is named, and then nothing is exported") {
  TempDir root;
  testing::WriteDeskOutput(root / "out", {{.document_id = "BOX-7-001", .page_texts = {kObjection}},
                                          {.document_id = "BOX-7-002", .page_texts = {kPayslip}}});
  const auto folder = root / "out/postkorb/jobcenter-kiel/leistung";
  REQUIRE(WriteFileAtomically(folder / "BOX-7-009.json", "{ not json"));
  auto pdf = ReadWholeFile(folder / "BOX-7-002.pdf");
  REQUIRE(pdf);
  REQUIRE(WriteFileAtomically(folder / "BOX-7-002.pdf", pdf->substr(0, pdf->size() / 2)));  // truncated

  auto summary = review::ExportLabelledExamples(root / "out", root / "examples");
  REQUIRE(summary);
  REQUIRE(summary->problems.size() == 2);
  CHECK_THAT(summary->problems[0], Catch::Contains("BOX-7-002.pdf"));
  CHECK_THAT(summary->problems[1], Catch::Contains((folder / "BOX-7-009.json").string() + ": not a document JSON"));
  CHECK(summary->written() == 0);
  CHECK_FALSE(std::filesystem::exists(root / "examples"));  // not even the readable BOX-7-001
}

TEST_CASE("an output folder without a Postkorb has no examples; a missing one is refused, naming it") {
  TempDir root;
  std::filesystem::create_directories(root / "out");
  auto none = review::ReadDeskResolutions(root / "out");
  REQUIRE(none);
  CHECK(none->examples.empty());
  CHECK(none->problems.empty());

  auto missing = review::ExportLabelledExamples(root / "nowhere", root / "examples");
  REQUIRE(missing);
  CHECK(missing->problems == std::vector<std::string>{(root / "nowhere").string() + ": no such output folder"});
  CHECK_FALSE(std::filesystem::exists(root / "examples"));

  // The input was fine, the run was not: a folder for the examples that cannot be made.
  REQUIRE(WriteFileAtomically(root / "a-file", "x"));
  testing::WriteDeskOutput(root / "out", {{.document_id = "BOX-7-001", .page_texts = {kObjection}}});
  auto unwritable = review::ExportLabelledExamples(root / "out", root / "a-file/examples");
  REQUIRE_FALSE(unwritable);
  CHECK_THAT(unwritable.error().message, Catch::Contains("a-file"));
}
