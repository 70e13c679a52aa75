// `mailroom review export` with the real binary: the desk's decisions as labelled examples, counted
// per type, and a broken file named with exit code 2 and nothing written.
#include <catch2/catch.hpp>

#include "desk_output.h"
#include "mailroom/common/atomic_file.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::Quoted;
using testing::RunMailroom;
using testing::TempDir;

namespace {

constexpr const char* kObjection = "Widerspruch gegen den Bescheid vom 14.03.2025\nIch lege hiermit Widerspruch ein.";
constexpr const char* kLetter = "Sehr geehrte Damen und Herren,\nich bin umgezogen und bitte um einen neuen Termin.";

std::filesystem::path DeskOutput(const TempDir& root) {
  testing::WriteDeskOutput(
      root / "out", {{.document_id = "BOX-7-001", .confirmed_type = "objection", .page_texts = {kObjection}},
                     {.document_id = "BOX-7-002", .page_texts = {kLetter}, .resolved_at = "2026-12-08T09:00:00Z"},
                     {.document_id = "BOX-7-003", .page_texts = {kLetter}, .resolved = false}});
  return root / "out";
}

}  // namespace

TEST_CASE("review export writes one example per resolved document and counts them per type") {
  TempDir root;
  const auto out = DeskOutput(root);
  auto exported = RunMailroom("review export --out " + Quoted(out) + " --to " + Quoted(root / "examples"));
  REQUIRE(exported.exit_code == 0);
  CHECK_THAT(exported.output, Catch::Contains("2 labelled examples written to " + (root / "examples").string()));
  CHECK_THAT(exported.output, Catch::Contains("  letter               1\n  objection            1\n"));
  CHECK_THAT(exported.output, Catch::Contains("social data"));
  CHECK_THAT(exported.output, !Catch::Contains("Widerspruch ein"));  // the page text goes to the files only
  CHECK(testing::ReadJson(root / "examples/BOX-7-001.json")["doc_type"] == "objection");
  CHECK(std::filesystem::exists(root / "examples/BOX-7-002.json"));
  CHECK_FALSE(std::filesystem::exists(root / "examples/BOX-7-003.json"));  // routed without a person

  auto since =
      RunMailroom("review export --out " + Quoted(out) + " --to " + Quoted(root / "later") + " --since 2026-12-07");
  REQUIRE(since.exit_code == 0);
  CHECK_THAT(since.output, Catch::Contains("1 labelled example written to"));
  CHECK(std::filesystem::exists(root / "later/BOX-7-002.json"));
  CHECK_FALSE(std::filesystem::exists(root / "later/BOX-7-001.json"));
}

TEST_CASE("review export exits 2 naming a broken JSON, and writes nothing") {
  TempDir root;
  const auto out = DeskOutput(root);
  const auto broken = out / "postkorb/jobcenter-kiel/leistung/BOX-7-009.json";
  REQUIRE(WriteFileAtomically(broken, "{ not json"));
  auto refused = RunMailroom("review export --out " + Quoted(out) + " --to " + Quoted(root / "examples"));
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.output, Catch::Contains(broken.string() + ": not a document JSON"));
  CHECK_THAT(refused.output, Catch::Contains("nothing exported from"));
  CHECK_FALSE(std::filesystem::exists(root / "examples"));

  auto bad_since =
      RunMailroom("review export --out " + Quoted(out) + " --to " + Quoted(root / "examples") + " --since yesterday");
  CHECK(bad_since.exit_code == 2);
  CHECK_THAT(bad_since.output, Catch::Contains("--since: 'yesterday'"));

  auto missing = RunMailroom("review export --out " + Quoted(root / "nowhere") + " --to " + Quoted(root / "examples"));
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.output, Catch::Contains("nowhere: no such output folder"));
}
