// Tests of the scan defects in generated boxes: without them the output is exactly what it was
// before they existed; each share shows up in the truth and in the page files; the preset produces
// all of them; everything stays deterministic. The single-page renderers: samplegen_effects_test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mailroom/image/pix.h"
#include "mailroom/samplegen/samplegen.h"
#include "samplegen_test_util.h"

namespace fs = std::filesystem;
using mailroom::PixPtr;
using nlohmann::json;
namespace sg = mailroom::samplegen;
using samplegen_test::HasDefect;
using samplegen_test::Mm;
using samplegen_test::ReadJson;
using samplegen_test::ReadPage;
using samplegen_test::Region;
using samplegen_test::Slurp;
using samplegen_test::SmallBox;
using samplegen_test::Stats;
using samplegen_test::TempDir;
using samplegen_test::Whole;

namespace {

// FNV-1a over every file's relative path and bytes, in path order.
std::uint64_t HashTree(const fs::path& root) {
  std::set<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), root));
  }
  std::uint64_t hash = 14695981039346656037ull;
  for (const fs::path& file : files) {
    for (unsigned char ch : file.string() + std::string(1, '\0') + Slurp(root / file)) {
      hash = (hash ^ ch) * 1099511628211ull;
    }
  }
  return hash;
}

sg::SampleOptions NoShares(sg::SampleOptions options) {
  options.rotated_share = options.tinted_paper_share = options.uneven_light_share = 0;
  options.bleed_through_share = options.punch_holes_share = options.scanner_edge_share = 0;
  options.handwritten_back_share = 0;
  return options;
}

}  // namespace

// Recorded before the scan defects were added (seed 1, 5 envelopes, 300 dpi, all other options
// default), on Debian 12 (Cairo 1.16, FreeType 2.12, libtiff 4.5, libpng 1.6, libjpeg-turbo 2.1,
// fonts-dejavu 2.37, fonts-liberation2 2.1.5, fonts-freefont 20120503). A different font or codec
// version can change the image bytes legitimately: then re-record, but only from a build whose
// sample generator is known to be unchanged.
// Re-recorded when truth.json's envelopes gained "evidence", "decoys" and "documents": the images,
// box.json, the registry and truth.json's pages were checked byte for byte against the build
// before (seeds 1 and 7); only the new envelope keys differ.

TEST_CASE("defaults are byte-identical to the generator before scan defects", "[samplegen][defects]") {
  TempDir dir("golden");
  sg::SampleOptions options;
  options.out_dir = dir.path();
  options.envelopes = 5;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  CHECK(summary->pages == 12);
  CHECK(HashTree(dir.path()) == 0x9ab615fae5fdf358ull);
  json truth = ReadJson(summary->truth_file);
  for (const json& page : truth["pages"]) CHECK_FALSE(page.contains("defects"));
}

TEST_CASE("scan defects do not change the box's documents", "[samplegen][defects]") {
  TempDir plain("docs_plain"), defects("docs_defects");
  auto a = sg::GenerateSampleBox(SmallBox(plain.path(), 13, 12));
  auto b = sg::GenerateSampleBox(sg::ScanDefects(SmallBox(defects.path(), 13, 12)));
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  json ta = ReadJson(a->truth_file);
  json tb = ReadJson(b->truth_file);
  REQUIRE(ta["pages"].size() == tb["pages"].size());
  CHECK(Slurp(a->registry_dir / "cases.csv") == Slurp(b->registry_dir / "cases.csv"));
  for (std::size_t i = 0; i < ta["pages"].size(); ++i) {
    const json& pa = ta["pages"][i];
    const json& pb = tb["pages"][i];
    INFO(pa["file"]);
    CHECK(pa["file"] == pb["file"]);
    if (HasDefect(pb, "handwritten_back")) {
      CHECK(pa["kind"] == "blank");
    } else {
      CHECK(pa["kind"] == pb["kind"]);
      CHECK(pa["lines"] == pb["lines"]);
    }
  }
}

TEST_CASE("same seed and defects give the same bytes, another seed does not", "[samplegen][defects]") {
  TempDir a("ddet_a"), b("ddet_b"), c("ddet_c");
  REQUIRE(sg::GenerateSampleBox(sg::ScanDefects(SmallBox(a.path(), 5, 6))).has_value());
  REQUIRE(sg::GenerateSampleBox(sg::ScanDefects(SmallBox(b.path(), 5, 6))).has_value());
  REQUIRE(sg::GenerateSampleBox(sg::ScanDefects(SmallBox(c.path(), 6, 6))).has_value());
  CHECK(HashTree(a.path()) == HashTree(b.path()));
  CHECK(HashTree(a.path()) != HashTree(c.path()));
}

TEST_CASE("rotated_share turns content pages, mostly by 180, 90/270 come out landscape", "[samplegen][defects]") {
  TempDir dir("rotated");
  auto options = SmallBox(dir.path(), 8, 12);
  options.rotated_share = 1.0;
  options.blank_back_share = 0.5;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  std::map<int, int> turns;
  json truth = ReadJson(summary->truth_file);
  for (const json& page : truth["pages"]) {
    INFO(page["file"]);
    int rotation = page["rotation"];
    if (page["kind"] != "content") {
      CHECK(rotation == 0);
      continue;
    }
    ++turns[rotation];
    PixPtr pix = ReadPage(summary->box_dir, page);
    bool landscape = pixGetWidth(pix.get()) > pixGetHeight(pix.get());
    CHECK(landscape == (rotation == 90 || rotation == 270));
  }
  CHECK(turns[0] == 0);
  CHECK(turns[180] > turns[90] + turns[270]);
  CHECK(turns[90] + turns[270] >= 1);
}

TEST_CASE("upside_down_share still means 180 degrees, together with rotated_share", "[samplegen][defects]") {
  TempDir dir("upside_rotated");
  auto options = SmallBox(dir.path(), 4, 4);
  options.upside_down_share = 1.0;
  options.rotated_share = 1.0;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  json truth = ReadJson(summary->truth_file);
  for (const json& page : truth["pages"]) {
    CHECK(page["rotation"] == (page["kind"] == "content" ? 180 : 0));
  }
}

TEST_CASE("tinted paper is grey in grey formats and white after G4 binarisation", "[samplegen][defects]") {
  TempDir dir("tinted");
  auto options = SmallBox(dir.path(), 9, 10);
  options.tinted_paper_share = 1.0;
  options.blank_back_share = 0.3;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  int grey_pages = 0;
  int g4_pages = 0;
  json truth = ReadJson(summary->truth_file);
  for (const json& page : truth["pages"]) {
    if (page["kind"] == "separator") continue;
    INFO(page["file"]);
    CHECK(HasDefect(page, "tinted_paper"));
    PixPtr pix = ReadPage(summary->box_dir, page);
    Stats stats = Whole(pix.get());
    if (pixGetDepth(pix.get()) == 1) {
      ++g4_pages;
      CHECK(stats.mean > 235);  // the paper is white again, only the text is black
    } else {
      ++grey_pages;
      CHECK(stats.mean < 240);
      CHECK(stats.mean > 180);
    }
  }
  CHECK(grey_pages >= 3);
  CHECK(g4_pages >= 3);
}

TEST_CASE("punch_holes_share puts holes into content and blank pages of every format", "[samplegen][defects]") {
  TempDir dir("holes");
  auto options = SmallBox(dir.path(), 10, 8);
  options.punch_holes_share = 1.0;
  options.blank_back_share = 0.5;
  options.max_skew_degrees = 0;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  double disc = 3.14159 * Mm(3, 100) * Mm(3, 100);
  int blanks = 0;
  json truth = ReadJson(summary->truth_file);
  for (const json& page : truth["pages"]) {
    if (page["kind"] == "separator") continue;
    INFO(page["file"]);
    CHECK(HasDefect(page, "punch_holes"));
    blanks += page["kind"] == "blank" ? 1 : 0;
    PixPtr pix = ReadPage(summary->box_dir, page);
    long dark = Region(pix.get(), 0, 0, Mm(20, 100), static_cast<int>(pixGetHeight(pix.get()))).dark;
    CHECK(dark > 1.6 * disc);
    CHECK(dark < 4.4 * disc);
  }
  CHECK(blanks >= 1);
}

TEST_CASE("bleed_through_share: content and blank pages show through, blanks stay blank", "[samplegen][defects]") {
  TempDir dir("bleed");
  auto options = SmallBox(dir.path(), 11, 10);
  options.bleed_through_share = 1.0;
  options.blank_back_share = 0.5;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  int blanks = 0;
  json truth = ReadJson(summary->truth_file);
  for (const json& page_truth : truth["pages"]) {
    if (page_truth["kind"] == "separator") continue;
    INFO(page_truth["file"]);
    CHECK(HasDefect(page_truth, "bleed_through"));
    if (page_truth["kind"] != "blank") continue;
    ++blanks;
    CHECK(page_truth["lines"].empty());
    PixPtr pix = ReadPage(summary->box_dir, page_truth);
    CHECK(Whole(pix.get()).dark < 40);  // the dust only
  }
  CHECK(blanks >= 2);
}

TEST_CASE("scanner_edge_share darkens an edge of every page", "[samplegen][defects]") {
  TempDir dir("edges");
  auto options = SmallBox(dir.path(), 12, 5);
  options.scanner_edge_share = 1.0;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  json truth = ReadJson(summary->truth_file);
  for (const json& page_truth : truth["pages"]) {
    INFO(page_truth["file"]);
    CHECK(HasDefect(page_truth, "scanner_edge"));
    PixPtr pix = ReadPage(summary->box_dir, page_truth);
    int pw = static_cast<int>(pixGetWidth(pix.get()));
    int ph = static_cast<int>(pixGetHeight(pix.get()));
    int band = Mm(1.5, 100);
    double darkest = std::min({Region(pix.get(), 0, 0, pw, band).mean, Region(pix.get(), 0, ph - band, pw, band).mean,
                               Region(pix.get(), 0, 0, band, ph).mean, Region(pix.get(), pw - band, 0, band, ph).mean});
    CHECK(darkest < 110);
  }
}

TEST_CASE("handwritten backs are content of the same envelope, with the note as lines", "[samplegen][defects]") {
  TempDir dir("handwritten");
  auto options = SmallBox(dir.path(), 14, 8);
  options.blank_back_share = 1.0;
  options.handwritten_back_share = 1.0;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  json truth = ReadJson(summary->truth_file);
  std::map<std::string, json> envelope_of;
  for (const json& envelope : truth["envelopes"]) {
    for (const auto& file : envelope["pages"]) envelope_of[file] = envelope;
  }
  const json& pages = truth["pages"];
  int notes = 0;
  for (std::size_t i = 1; i < pages.size(); ++i) {
    const json& page = pages[i];
    if (!HasDefect(page, "handwritten_back")) continue;
    INFO(page["file"]);
    ++notes;
    const json& front = pages[i - 1];
    CHECK(page["kind"] == "content");
    CHECK(front["kind"] == "content");
    CHECK(page["envelope"] == front["envelope"]);
    CHECK(page["bg_number"] == front["bg_number"]);
    CHECK(page["jobcenter_id"] == front["jobcenter_id"]);
    CHECK(page["doc_type"] == front["doc_type"]);
    CHECK(page["rotation"] == 0);
    REQUIRE(!page["lines"].empty());
    CHECK(page["lines"].size() <= 2);
    REQUIRE(envelope_of.count(page["file"]) == 1);
    CHECK(envelope_of[page["file"]]["index"] == page["envelope"]);
    PixPtr pix = ReadPage(summary->box_dir, page);
    CHECK(Whole(pix.get()).ink > 100);
  }
  CHECK(notes >= 8);
  for (const json& page : pages) CHECK(page["kind"] != "blank");
}

TEST_CASE("invalid defect shares are refused with the option's name", "[samplegen][defects]") {
  TempDir dir("bad_share");
  auto options = SmallBox(dir.path(), 1, 1);
  options.bleed_through_share = 1.5;
  auto result = sg::GenerateSampleBox(options);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().message.find("bleed_through_share") != std::string::npos);
}

TEST_CASE("the ScanDefects preset produces every effect in a 33-envelope box", "[samplegen][defects]") {
  sg::SampleOptions base = SmallBox("unused", 7, 33);
  base.max_skew_degrees = 1.0;
  sg::SampleOptions preset = sg::ScanDefects(base);
  CHECK(preset.max_skew_degrees == 3.0);
  CHECK(preset.seed == 7);
  CHECK(preset.rotated_share > 0);
  CHECK(NoShares(preset).max_skew_degrees == 3.0);

  TempDir dir("preset");
  preset.out_dir = dir.path();
  auto summary = sg::GenerateSampleBox(preset);
  REQUIRE(summary.has_value());
  std::map<std::string, int> seen;
  json truth = ReadJson(summary->truth_file);
  for (const json& page : truth["pages"]) {
    if (page.contains("defects")) {
      for (const auto& name : page["defects"]) ++seen[name.get<std::string>()];
    }
    if (page["rotation"] != 0) ++seen[page["rotation"] == 180 ? "rotated_180" : "rotated_90_270"];
    if (page["kind"] == "blank" && page.contains("defects")) ++seen["blank_with_defects"];
  }
  for (const char* name : {"handwritten_back", "tinted_paper", "bleed_through", "punch_holes", "uneven_light",
                           "scanner_edge", "rotated_180", "rotated_90_270", "blank_with_defects"}) {
    INFO(name);
    CHECK(seen[name] >= 1);
  }
  int pages = summary->pages;
  CHECK(seen["tinted_paper"] < pages / 3);  // a mix, not every page
}
