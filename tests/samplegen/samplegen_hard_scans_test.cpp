// Tests of the hard scans (coffee stains, dot-matrix print, grey backgrounds, notes beside the case
// number; the HardScans preset and the CLI's --max-skew): without them a box is what it was, with
// them the truth names them and nothing else changes; the effects do what hard_scan_effects.h says.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hard_scan_effects.h"
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

const std::vector<std::string> kHardNames = {"coffee_stain", "dot_matrix", "grey_background", "note_beside_number"};

bool IsHardName(const std::string& name) {
  return std::find(kHardNames.begin(), kHardNames.end(), name) != kHardNames.end();
}

// The page's defect names other than the hard scans' ones.
std::vector<std::string> OlderDefects(const json& page) {
  std::vector<std::string> names;
  if (!page.contains("defects")) return names;
  for (const auto& name : page["defects"]) {
    if (!IsHardName(name.get<std::string>())) names.push_back(name.get<std::string>());
  }
  return names;
}

// Every file of the folder (relative path -> bytes).
std::map<std::string, std::string> Files(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), root).string()] = Slurp(entry.path());
  }
  return files;
}

// An 8-bit page of `grey`, A4 at `dpi`, resolution set.
PixPtr Paper(int dpi, int grey = 255) {
  PixPtr page(pixCreate(Mm(210, dpi), Mm(297, dpi), 8));
  REQUIRE(page);
  pixSetAllArbitrary(page.get(), static_cast<l_uint32>(grey));
  pixSetResolution(page.get(), dpi, dpi);
  return page;
}

int At(Pix* pix, int x, int y) {
  l_uint32 v = 0;
  pixGetPixel(pix, x, y, &v);
  return static_cast<int>(v);
}

// Pixels of an 8-bit image darker than `below`.
long CountBelow(Pix* pix, int below) {
  PixPtr grey(pixConvertTo8(pix, 0));
  PixPtr mask(pixThresholdToBinary(grey.get(), below));
  l_int32 count = 0;
  pixCountPixels(mask.get(), &count, nullptr);
  return count;
}

// Pixels darker than `below` in a rectangle (pixels).
long CountBelowIn(Pix* pix, int x, int y, int w, int h, int below) {
  BOX* box = boxCreate(x, y, w, h);
  PixPtr part(pixClipRectangle(pix, box, nullptr));
  boxDestroy(&box);
  REQUIRE(part);
  return CountBelow(part.get(), below);
}

PixPtr Letter(int dpi) {
  sg::PageSpec spec;
  spec.lines = {"Jobcenter Kiel", "Betreff: Widerspruch gegen den Bescheid", "BG-Nummer: 35301BG0012345",
                "Sehr geehrte Damen und Herren,", "hiermit lege ich Widerspruch ein."};
  spec.dpi = dpi;
  auto page = sg::RenderPage(spec);
  REQUIRE(page.has_value());
  return std::move(*page);
}

#ifdef MAILROOM_SAMPLEGEN_EXE
int RunSamplegen(const std::string& args) {
  const std::string command = std::string("'") + MAILROOM_SAMPLEGEN_EXE + "' " + args + " >/dev/null 2>&1";
  return std::system(command.c_str());
}
#endif

}  // namespace

// --- Options and the preset -------------------------------------------------------------------

TEST_CASE("the hard scans' shares default to 0 and a box with them at 0 is the default box", "[samplegen][hard]") {
  const sg::SampleOptions defaults;
  CHECK(defaults.coffee_stain_share == 0);
  CHECK(defaults.dot_matrix_share == 0);
  CHECK(defaults.grey_background_share == 0);
  CHECK(defaults.note_beside_number_share == 0);

  TempDir plain("hard_zero_plain"), zero("hard_zero_explicit");
  auto a = sg::GenerateSampleBox(SmallBox(plain.path(), 21, 4));
  auto options = SmallBox(zero.path(), 21, 4);
  options.coffee_stain_share = options.dot_matrix_share = 0.0;
  options.grey_background_share = options.note_beside_number_share = 0.0;
  auto b = sg::GenerateSampleBox(options);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(Files(plain.path()) == Files(zero.path()));
  const json truth = ReadJson(b->truth_file);
  for (const json& page : truth["pages"]) CHECK_FALSE(page.contains("defects"));
}

TEST_CASE("the HardScans preset is ScanDefects with skew to 8 degrees and the four hard shares", "[samplegen][hard]") {
  sg::SampleOptions base = SmallBox("unused", 3, 2);
  const sg::SampleOptions scan = sg::ScanDefects(base);
  const sg::SampleOptions hard = sg::HardScans(base);
  CHECK(hard.max_skew_degrees == 8.0);
  CHECK(hard.coffee_stain_share == Approx(0.15));
  CHECK(hard.dot_matrix_share == Approx(0.12));
  CHECK(hard.grey_background_share == Approx(0.15));
  CHECK(hard.note_beside_number_share == Approx(0.25));
  CHECK(hard.rotated_share == scan.rotated_share);
  CHECK(hard.scanner_edge_share == scan.scanner_edge_share);
  CHECK(hard.seed == 3);
  base.max_skew_degrees = 9.5;
  CHECK(sg::HardScans(base).max_skew_degrees == 9.5);  // a larger skew is kept
}

TEST_CASE("a HardScans box names the new defects and keeps every other page property", "[samplegen][hard]") {
  TempDir scan_dir("hard_truth_scan"), hard_dir("hard_truth_hard");
  sg::SampleOptions scan = sg::ScanDefects(SmallBox(scan_dir.path(), 17, 40));
  scan.truth_only = true;
  sg::SampleOptions hard = sg::HardScans(SmallBox(hard_dir.path(), 17, 40));
  hard.truth_only = true;
  hard.max_skew_degrees = scan.max_skew_degrees;  // the skew's draws stay as they were
  auto a = sg::GenerateSampleBox(scan);
  auto b = sg::GenerateSampleBox(hard);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  const json pa = ReadJson(a->truth_file)["pages"];
  const json pb = ReadJson(b->truth_file)["pages"];
  REQUIRE(pa.size() == pb.size());
  CHECK(Slurp(a->registry_dir / "cases.csv") == Slurp(b->registry_dir / "cases.csv"));
  std::map<std::string, int> seen;
  int content = 0;
  for (std::size_t i = 0; i < pa.size(); ++i) {
    const json& before = pa[i];
    const json& page = pb[i];
    INFO(page["file"]);
    CHECK(before["file"] == page["file"]);
    CHECK(before["kind"] == page["kind"]);
    CHECK(before["bg_number"] == page["bg_number"]);
    CHECK(before["rotation"] == page["rotation"]);
    CHECK(before["skew_degrees"] == page["skew_degrees"]);
    std::vector<std::string> older = OlderDefects(before);
    if (HasDefect(page, "grey_background")) {
      // Dark paper replaces a tint; a shaded field keeps it.
      std::erase(older, "tinted_paper");
      std::vector<std::string> now = OlderDefects(page);
      std::erase(now, "tinted_paper");
      CHECK(older == now);
    } else {
      CHECK(older == OlderDefects(page));
    }
    content += page["kind"] == "content" ? 1 : 0;
    for (const std::string& name : kHardNames) {
      if (!HasDefect(page, name)) continue;
      ++seen[name];
      if (name != "note_beside_number") CHECK(page["kind"] != "separator");
      if (name == "dot_matrix") CHECK(page["kind"] == "content");
    }
    if (HasDefect(page, "note_beside_number")) {
      // The note is one more line of the page: the printed lines, then the note.
      CHECK(page["kind"] == "content");
      const json& lines = page["lines"];
      REQUIRE(lines.size() == before["lines"].size() + 1);
      for (std::size_t l = 0; l < before["lines"].size(); ++l) CHECK(lines[l] == before["lines"][l]);
      const std::string note = lines.back();
      CHECK_FALSE(note.empty());
      CHECK(note.size() < 40);
    } else {
      CHECK(before["lines"] == page["lines"]);
    }
  }
  for (const std::string& name : kHardNames) {
    INFO(name);
    CHECK(seen[name] >= 2);
    CHECK(seen[name] < content / 2);  // a mix, not every page
  }
}

TEST_CASE("a box with more skew draws the same hard defects and larger angles", "[samplegen][hard]") {
  TempDir dir("hard_skew");
  sg::SampleOptions hard = sg::HardScans(SmallBox(dir.path(), 23, 25));
  hard.truth_only = true;
  auto summary = sg::GenerateSampleBox(hard);
  REQUIRE(summary.has_value());
  double largest = 0;
  const json truth = ReadJson(summary->truth_file);
  for (const json& page : truth["pages"]) {
    const double skew = std::abs(page["skew_degrees"].get<double>());
    CHECK(skew <= 8.0);
    largest = std::max(largest, skew);
  }
  CHECK(largest > 4.0);
}

TEST_CASE("hard-scan shares outside 0..1 are refused with the option's name", "[samplegen][hard]") {
  TempDir dir("hard_bad_share");
  const std::string name = GENERATE(as<std::string>{}, "coffee_stain_share", "dot_matrix_share",
                                    "grey_background_share", "note_beside_number_share");
  const double value = GENERATE(-0.1, 1.5);
  CAPTURE(name, value);
  auto options = SmallBox(dir.path(), 1, 1);
  options.truth_only = true;
  if (name == "coffee_stain_share") options.coffee_stain_share = value;
  if (name == "dot_matrix_share") options.dot_matrix_share = value;
  if (name == "grey_background_share") options.grey_background_share = value;
  if (name == "note_beside_number_share") options.note_beside_number_share = value;
  auto result = sg::GenerateSampleBox(options);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().message.find(name) != std::string::npos);
}

// The same box twice: as `options` gives it, and with `change` applied; and each one's pages.
struct BoxPair {
  BoxPair(const std::string& name, sg::SampleOptions options, const std::function<void(sg::SampleOptions&)>& change)
      : plain_dir(name + "_plain"), changed_dir(name + "_changed") {
    options.out_dir = plain_dir.path();
    auto generated = sg::GenerateSampleBox(options);
    REQUIRE(generated.has_value());
    plain = *generated;
    options.out_dir = changed_dir.path();
    change(options);
    generated = sg::GenerateSampleBox(options);
    REQUIRE(generated.has_value());
    changed = *generated;
    plain_pages = ReadJson(plain.truth_file)["pages"];
    changed_pages = ReadJson(changed.truth_file)["pages"];
    REQUIRE(plain_pages.size() == changed_pages.size());
  }
  TempDir plain_dir, changed_dir;
  sg::SampleSummary plain, changed;
  json plain_pages, changed_pages;
};

// --- Pages of a generated box -----------------------------------------------------------------

TEST_CASE("dot-matrix pages are faint, never black, and never pages with a barcode", "[samplegen][hard]") {
  // The same box without and with dot-matrix print on every content page it may go on: the
  // documents (and so the barcodes) are the same.
  auto options = SmallBox({}, 31, 10);
  options.max_skew_degrees = 0;
  options.blank_back_share = 0;
  const BoxPair boxes("dots", options, [](sg::SampleOptions& o) { o.dot_matrix_share = 1.0; });
  const json& pa = boxes.plain_pages;
  const json& pb = boxes.changed_pages;
  int barcode_pages = 0, dot_pages = 0, grey_dot_pages = 0, g4_dot_pages = 0;
  for (std::size_t i = 0; i < pb.size(); ++i) {
    const json& page = pb[i];
    if (page["kind"] != "content") continue;
    INFO(page["file"]);
    PixPtr before = ReadPage(boxes.plain.box_dir, pa[i]);
    PixPtr after = ReadPage(boxes.changed.box_dir, page);
    const int dpi = 100;
    // A case barcode sits in the top right corner (x 135..190 mm, y 12..26 mm): a block of black.
    const long corner = CountBelowIn(before.get(), Mm(133, dpi), Mm(11, dpi), Mm(59, dpi), Mm(17, dpi), 100);
    const bool barcode = corner > Mm(20, dpi) * Mm(12, dpi) / 4;
    barcode_pages += barcode ? 1 : 0;
    if (barcode) {
      CHECK_FALSE(HasDefect(page, "dot_matrix"));
      continue;
    }
    CHECK(HasDefect(page, "dot_matrix"));
    ++dot_pages;
    const long ink_before = CountBelow(before.get(), 160);
    if (pixGetDepth(after.get()) == 1) {
      // G4: the scanner's dynamic threshold keeps the faint dots as ink.
      ++g4_dot_pages;
      CHECK(CountBelow(after.get(), 128) > ink_before / 4);
      continue;
    }
    ++grey_dot_pages;
    // Grey (PNG, LZW, JPEG): no black print, only dust; the dots are there where the text was.
    CHECK(CountBelow(after.get(), 70) < 60);
    CHECK(CountBelow(after.get(), 200) > ink_before / 4);
  }
  CHECK(barcode_pages >= 1);
  CHECK(dot_pages >= 5);
  CHECK(grey_dot_pages >= 1);
  CHECK(g4_dot_pages >= 1);
}

// Mid-grey pixels each grey-format page of a box with grey backgrounds gains over the same box
// without them; `dot_matrix`: the pages with or without dot-matrix print.
void CheckGreyBackgrounds(unsigned seed, bool dot_matrix) {
  auto options = SmallBox({}, seed, 14);
  options.max_skew_degrees = 0;
  options.dot_matrix_share = 0.5;
  const BoxPair boxes("grey_bg", options, [](sg::SampleOptions& o) { o.grey_background_share = 1.0; });
  const json& pa = boxes.plain_pages;
  const json& pb = boxes.changed_pages;
  int grey_pages = 0;
  for (std::size_t i = 0; i < pb.size(); ++i) {
    const json& page = pb[i];
    INFO(page["file"]);
    if (page["kind"] == "separator") {
      CHECK_FALSE(HasDefect(page, "grey_background"));
      continue;
    }
    CHECK(HasDefect(page, "grey_background"));
    CHECK(HasDefect(page, "dot_matrix") == HasDefect(pa[i], "dot_matrix"));
    if (HasDefect(page, "dot_matrix") != dot_matrix) continue;
    PixPtr before = ReadPage(boxes.plain.box_dir, pa[i]);
    PixPtr after = ReadPage(boxes.changed.box_dir, page);
    if (pixGetDepth(after.get()) == 1) continue;  // binarised: the grey is gone, as a scanner does
    ++grey_pages;
    CAPTURE(page["defects"]);
    // Dark paper or a shaded field: at least 1.5 square centimetres more of mid grey.
    auto mid_grey = [](Pix* pix) { return CountBelow(pix, 236) - CountBelow(pix, 150); };
    CHECK(mid_grey(after.get()) - mid_grey(before.get()) > 150 * 100 * 100 / (25.4 * 25.4));
  }
  CHECK(grey_pages >= 3);
}

TEST_CASE("grey backgrounds are grey on the page: dark paper or shaded fields", "[samplegen][hard]") {
  CheckGreyBackgrounds(37, false);
}

// PrintDotMatrix starts from white and dots only dark cells: the shaded fields are laid under the
// dots afterwards (ScanSheet), or they would vanish while truth.json says "grey_background".
TEST_CASE("shaded fields stay behind dot-matrix print", "[samplegen][hard]") {
  CheckGreyBackgrounds(37, true);
}

// --- The effects on single pages --------------------------------------------------------------

TEST_CASE("PrintDotMatrix turns print into faint dots: never darker than ink_grey less the jitter",
          "[samplegen][hard]") {
  const int dpi = 150;
  PixPtr page = Letter(dpi);
  PixPtr original(pixCopy(nullptr, page.get()));
  sg::DotMatrixPrint print;
  print.on = true;
  print.pitch_mm = 0.35;
  print.ink_grey = 110;
  print.fade = 30;
  print.seed = 9;
  REQUIRE(sg::PrintDotMatrix(page.get(), print).has_value());
  const Stats stats = Whole(page.get());
  CHECK(stats.min >= print.ink_grey - 12);  // the jitter is +-12
  CHECK(stats.min <= print.ink_grey + 12);  // and the darkest dots get near the ink
  CHECK(stats.dark < CountBelow(original.get(), 100) / 5);
  // Dots where the glyphs were, nothing elsewhere.
  const long ink = CountBelow(page.get(), 200);
  CHECK(ink > CountBelow(original.get(), 160) / 3);
  PixPtr original_ink(pixThresholdToBinary(original.get(), 250));
  PixPtr grown(pixDilateBrick(nullptr, original_ink.get(), 9, 9));
  PixPtr dots(pixThresholdToBinary(page.get(), 250));
  PixPtr outside(pixSubtract(nullptr, dots.get(), grown.get()));
  l_int32 stray = 0;
  pixCountPixels(outside.get(), &stray, nullptr);
  CHECK(stray == 0);

  // Off: nothing changes; on, but not 8 bit: refused.
  PixPtr untouched(pixCopy(nullptr, original.get()));
  REQUIRE(sg::PrintDotMatrix(untouched.get(), sg::DotMatrixPrint{}).has_value());
  l_int32 same = 0;
  pixEqual(untouched.get(), original.get(), &same);
  CHECK(same == 1);
  PixPtr bilevel(pixThresholdToBinary(original.get(), 128));
  CHECK_FALSE(sg::PrintDotMatrix(bilevel.get(), print).has_value());
}

TEST_CASE("AddCoffeeStain darkens only within its radius, most on the rim, and multiplies the ink",
          "[samplegen][hard]") {
  const int dpi = 100;
  PixPtr page = Paper(dpi);
  // Ink inside the stain: a black and a grey square at its centre.
  const int cx = Mm(100, dpi), cy = Mm(120, dpi);
  BOX* black = boxCreate(cx - 5, cy - 5, 4, 4);
  BOX* grey = boxCreate(cx + 2, cy + 2, 4, 4);
  pixSetInRectArbitrary(page.get(), black, 0);
  pixSetInRectArbitrary(page.get(), grey, 100);
  boxDestroy(&black);
  boxDestroy(&grey);
  sg::CoffeeStain stain;
  stain.x_mm = 100;
  stain.y_mm = 120;
  stain.radius_mm = 30;
  stain.ring_only = false;
  stain.fill_darkening = 20;
  stain.rim_darkening = 70;
  stain.rim_mm = 1.0;
  stain.seed = 5;
  sg::AddCoffeeStain(page.get(), stain);

  // The wobble moves the edge by at most 6 + 3.5 + 1.2 % of the radius, times 1.5.
  const double reach = stain.radius_mm * (1 + 1.5 * (0.06 + 0.035 + 0.012)) * dpi / 25.4 + 2;
  const int w = static_cast<int>(pixGetWidth(page.get())), h = static_cast<int>(pixGetHeight(page.get()));
  long changed_outside = 0;
  int darkest_inside = 255;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
      const int v = At(page.get(), x, y);
      if (d > reach) changed_outside += v != 255 ? 1 : 0;
      if (d < reach && v > 150) darkest_inside = std::min(darkest_inside, v);
    }
  }
  CHECK(changed_outside == 0);
  // Inside the fill darkening, on the rim nearly the rim's.
  CHECK(At(page.get(), cx, cy + Mm(10, dpi)) == 255 - 20);
  CHECK(At(page.get(), cx - Mm(12, dpi), cy) == 255 - 20);
  CHECK(darkest_inside <= 255 - 60);
  CHECK(darkest_inside >= 255 - 70);
  // Ink under the stain: black stays black, grey is multiplied.
  CHECK(At(page.get(), cx - 3, cy - 3) == 0);
  CHECK(At(page.get(), cx + 4, cy + 4) == (100 * (255 - 20) + 127) / 255);

  // A ring: the inside is nearly clean.
  PixPtr ring = Paper(dpi);
  stain.ring_only = true;
  sg::AddCoffeeStain(ring.get(), stain);
  CHECK(At(ring.get(), cx, cy) >= 255 - 7);
  CHECK(Whole(ring.get()).min <= 255 - 60);
  // No radius: nothing.
  PixPtr none = Paper(dpi);
  stain.radius_mm = 0;
  sg::AddCoffeeStain(none.get(), stain);
  CHECK(Whole(none.get()).min == 255);
}

TEST_CASE("DarkenPaper makes the sheet mottled grey around paper_grey and keeps black ink black", "[samplegen][hard]") {
  const int dpi = 100;
  PixPtr page = Paper(dpi);
  BOX* ink = boxCreate(200, 300, 40, 10);
  pixSetInRectArbitrary(page.get(), ink, 0);
  boxDestroy(&ink);
  const sg::DarkPaper paper{170, 8, 3};
  sg::DarkenPaper(page.get(), paper);
  CHECK(At(page.get(), 210, 305) == 0);
  // The paper away from the ink.
  const Stats sheet = Region(page.get(), 0, 400, Mm(210, dpi), Mm(150, dpi));
  CHECK(sheet.mean > 165);
  CHECK(sheet.mean < 175);
  CHECK(sheet.min >= 170 - 8 - 1);
  BOX* box = boxCreate(0, 400, Mm(210, dpi), Mm(150, dpi));
  PixPtr region(pixClipRectangle(page.get(), box, nullptr));
  boxDestroy(&box);
  l_int32 max_value = 0;
  pixGetExtremeValue(region.get(), 1, L_SELECT_MAX, nullptr, nullptr, nullptr, &max_value);
  CHECK(max_value <= 170 + 8 + 1);
  CHECK(sheet.min < 168);  // mottled, not flat
  CHECK(max_value > 172);

  PixPtr white = Paper(dpi);
  sg::DarkenPaper(white.get(), sg::DarkPaper{});
  CHECK(Whole(white.get()).min == 255);
}

// --- The command line -------------------------------------------------------------------------

#ifdef MAILROOM_SAMPLEGEN_EXE
TEST_CASE("mailroom-samplegen --max-skew overrides the --hard-scans preset's skew", "[samplegen][hard]") {
  TempDir preset("cli_hard"), capped("cli_hard_capped");
  const std::string common = " --seed 23 --envelopes 25 --dpi 100 --truth-only --hard-scans";
  REQUIRE(RunSamplegen("--out '" + preset.path().string() + "'" + common) == 0);
  REQUIRE(RunSamplegen("--out '" + capped.path().string() + "'" + common + " --max-skew 2") == 0);
  double largest_preset = 0, largest_capped = 0;
  int hard_pages = 0;
  const json preset_truth = ReadJson(preset.path() / "truth.json");
  const json capped_truth = ReadJson(capped.path() / "truth.json");
  for (const json& page : preset_truth["pages"]) {
    largest_preset = std::max(largest_preset, std::abs(page["skew_degrees"].get<double>()));
  }
  for (const json& page : capped_truth["pages"]) {
    largest_capped = std::max(largest_capped, std::abs(page["skew_degrees"].get<double>()));
    for (const std::string& name : kHardNames) hard_pages += HasDefect(page, name) ? 1 : 0;
  }
  CHECK(largest_preset > 4.0);
  CHECK(largest_capped <= 2.0);
  CHECK(largest_capped > 0.5);
  CHECK(hard_pages >= 4);  // the preset's other effects stay
  TempDir bad("cli_bad_skew");
  CHECK(RunSamplegen("--out '" + bad.path().string() + "'" + common + " --max-skew 12") != 0);
}
#endif
