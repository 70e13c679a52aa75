// `mailroom process` on a box separated by patch-code sheets (patch T, patch 2 and the barcode
// sheet mixed) gives the same documents as the same box separated by barcode sheets: a patch sheet
// is a separator sheet, listed in separator_pages and not routed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "mailroom/samplegen/samplegen.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using nlohmann::json;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

struct Processed {
  json truth, report;
  std::vector<json> documents;  // Postkorb and review, sorted by their pages
};

// Generates the box (seed 3: four envelopes, 11 pages; mixed gives barcode, T, 2, 2) and processes it.
Processed Process(const fs::path& dir, samplegen::SeparatorSheets separator) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.seed = 3;
  options.envelopes = 4;
  options.max_skew_degrees = 3;
  options.separator = separator;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  auto result = testing::RunMailroom("process " + testing::Quoted(sample->box_dir) + " --registry " +
                                     testing::Quoted(sample->registry_dir) + " --out " + testing::Quoted(dir / "out") +
                                     " --jobs 2");
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  Processed processed;
  processed.truth = testing::ReadJson(sample->truth_file);
  processed.report = testing::ReadJson(dir / "out" / "report.json");
  for (const char* folder : {"postkorb", "review"}) {
    if (!fs::exists(dir / "out" / folder)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir / "out" / folder)) {
      if (entry.path().extension() != ".json") continue;
      json document = testing::ReadJson(entry.path());
      document.erase("box_arrived_at");  // the time each run saw the box arrive
      processed.documents.push_back(std::move(document));
    }
  }
  std::sort(processed.documents.begin(), processed.documents.end(),
            [](const json& a, const json& b) { return a["pages"].dump() < b["pages"].dump(); });
  return processed;
}

}  // namespace

TEST_CASE("process: a box separated by patch T and patch 2 sheets gives the barcode box's documents",
          "[process][patch]") {
  TempDir dir;
  const Processed barcode = Process(dir / "barcode", samplegen::SeparatorSheets::kBarcode);
  const Processed patch = Process(dir / "patch", samplegen::SeparatorSheets::kMixed);

  std::set<std::string> sheets;
  json separators = json::array();
  for (const json& page : patch.truth["pages"]) {
    if (page["kind"] != "separator") continue;
    separators.push_back(page["file"]);
    sheets.insert(page["lines"].back().get<std::string>());
  }
  // The box really holds both patch sheets (and a barcode sheet).
  CHECK(sheets.count("Patch T") == 1);
  CHECK(sheets.count("Patch 2") == 1);
  CHECK(patch.report["separator_pages"] == separators);
  CHECK(barcode.report["separator_pages"] == separators);
  for (const char* key : {"pages_in", "pages_routed", "pages_review", "blank_pages"}) {
    CAPTURE(key);
    CHECK(patch.report[key] == barcode.report[key]);
  }
  REQUIRE(patch.documents.size() == barcode.documents.size());
  CHECK(patch.documents.size() >= 4);
  for (std::size_t i = 0; i < patch.documents.size(); ++i) {
    CAPTURE(patch.documents[i].dump());
    CHECK(patch.documents[i] == barcode.documents[i]);
  }
}
