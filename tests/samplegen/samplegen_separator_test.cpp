// `--separator`: boxes separated by patch-code sheets instead of (or mixed with) barcode sheets,
// deterministic from the seed, and otherwise the same box page for page.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "samplegen_test_util.h"

using namespace samplegen_test;
namespace sg = mailroom::samplegen;
using nlohmann::json;

namespace {

// "barcode", "T" or "2": which sheet a separator page of truth.json is, from its printed lines.
std::string SeparatorKind(const json& page) {
  for (const json& line : page["lines"]) {
    if (line == "Patch T") return "T";
    if (line == "Patch 2") return "2";
  }
  return "barcode";
}

sg::SampleOptions SeparatedBox(const fs::path& out, sg::SeparatorSheets separator, bool mix = false) {
  sg::SampleOptions options = SmallBox(out, 12, 12);
  options.separator = separator;
  options.classification_mix = mix;
  return options;
}

}  // namespace

TEST_CASE("a box with patch sheets is the barcode box page for page, but for its separator sheets",
          "[samplegen][separator]") {
  const bool mix = GENERATE(false, true);
  const auto separator =
      GENERATE(sg::SeparatorSheets::kPatchT, sg::SeparatorSheets::kPatch2, sg::SeparatorSheets::kMixed);
  CAPTURE(mix, static_cast<int>(separator));
  TempDir barcode_dir("sep_barcode"), patch_dir("sep_patch");
  REQUIRE(sg::GenerateSampleBox(SeparatedBox(barcode_dir.path(), sg::SeparatorSheets::kBarcode, mix)));
  REQUIRE(sg::GenerateSampleBox(SeparatedBox(patch_dir.path(), separator, mix)));
  json barcode = ReadJson(barcode_dir.path() / "truth.json"), patch = ReadJson(patch_dir.path() / "truth.json");
  CHECK(barcode["envelopes"] == patch["envelopes"]);
  REQUIRE(barcode["pages"].size() == patch["pages"].size());
  std::set<std::string> kinds;
  for (std::size_t i = 0; i < patch["pages"].size(); ++i) {
    const json& a = barcode["pages"][i];
    const json& b = patch["pages"][i];
    const std::string file = b["file"];
    CHECK(a["file"] == b["file"]);
    CHECK(a["kind"] == b["kind"]);
    if (b["kind"] != "separator") {
      CHECK(a == b);
      CHECK(Slurp(barcode_dir.path() / "box" / file) == Slurp(patch_dir.path() / "box" / file));
      continue;
    }
    CHECK(SeparatorKind(a) == "barcode");
    kinds.insert(SeparatorKind(b));
  }
  CHECK(ReadJson(barcode_dir.path() / "box" / "box.json") == ReadJson(patch_dir.path() / "box" / "box.json"));
  CHECK(Slurp(barcode_dir.path() / "registry" / "cases.csv") == Slurp(patch_dir.path() / "registry" / "cases.csv"));
  if (separator == sg::SeparatorSheets::kPatchT) CHECK(kinds == std::set<std::string>{"T"});
  if (separator == sg::SeparatorSheets::kPatch2) CHECK(kinds == std::set<std::string>{"2"});
  if (separator == sg::SeparatorSheets::kMixed) CHECK(kinds == std::set<std::string>{"T", "2", "barcode"});
}

TEST_CASE("patch-sheet boxes are the same bytes for the same seed", "[samplegen][separator]") {
  TempDir first("sep_first"), second("sep_second");
  REQUIRE(sg::GenerateSampleBox(SeparatedBox(first.path(), sg::SeparatorSheets::kMixed)));
  REQUIRE(sg::GenerateSampleBox(SeparatedBox(second.path(), sg::SeparatorSheets::kMixed)));
  CHECK(Slurp(first.path() / "truth.json") == Slurp(second.path() / "truth.json"));
  for (const auto& entry : fs::directory_iterator(first.path() / "box")) {
    CHECK(Slurp(entry.path()) == Slurp(second.path() / "box" / entry.path().filename()));
  }
}

TEST_CASE("a patch sheet prints four bars at the top and the bottom edge, TRENNBLATT between",
          "[samplegen][separator]") {
  sg::PatchSheetSpec spec;
  spec.dpi = 300;
  auto sheet = sg::RenderPatchSheet(spec);
  REQUIRE(sheet);
  Pix* pix = sheet->get();
  // Down the middle column: narrow, wide, narrow, wide from 20 mm (patch T), mirrored at the bottom.
  auto runs_from = [&](int start_px, int step) {
    std::vector<int> runs;
    int run = 0;
    for (int y = start_px; y >= 0 && y < pixGetHeight(pix) && runs.size() < 4; y += step) {
      l_uint32 v = 255;
      pixGetPixel(pix, pixGetWidth(pix) / 2, y, &v);
      if (v < 128) {
        ++run;
      } else if (run > 0) {
        runs.push_back(run);
        run = 0;
      }
    }
    return runs;
  };
  const int narrow = Mm(0.08 * 25.4, 300), wide = Mm(0.20 * 25.4, 300);
  for (const auto& runs : {runs_from(Mm(15, 300), 1), runs_from(pixGetHeight(pix) - 1 - Mm(15, 300), -1)}) {
    REQUIRE(runs.size() == 4);
    CHECK(std::abs(runs[0] - narrow) <= 1);
    CHECK(std::abs(runs[1] - wide) <= 1);
    CHECK(std::abs(runs[2] - narrow) <= 1);
    CHECK(std::abs(runs[3] - wide) <= 1);
  }
  spec.patch = "5";
  CHECK_FALSE(sg::RenderPatchSheet(spec).has_value());
}
