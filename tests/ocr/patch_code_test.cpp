// Patch-code separator sheets (Kodak patch T and patch 2): found at the resolutions, skews, turns
// and defects of real scans, read from the leading edge, and never found on ordinary pages, where
// a false one would split an envelope.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/ocr/ocr.h"
#include "mailroom/samplegen/samplegen.h"
#include "patch_test_util.h"

using namespace mailroom;
using testing::PatchNames;
namespace fs = std::filesystem;

namespace {

PixPtr PatchSheet(const samplegen::PatchSheetSpec& spec) {
  auto page = samplegen::RenderPatchSheet(spec);
  REQUIRE(page);
  return std::move(*page);
}

// Scanner noise: `share` of the pixels set to a random grey, dark or light (salt and pepper).
void AddNoise(Pix* page, double share, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> chance(0, 1);
  std::uniform_int_distribution<int> level(0, 255);
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (chance(rng) < share) pixSetPixel(page, x, y, static_cast<l_uint32>(level(rng)));
    }
  }
}

// A white A4 page at `dpi` with black rectangles given in millimetres.
struct RectMm {
  double x, y, w, h;
};
PixPtr DrawnPage(int dpi, const std::vector<RectMm>& rects) {
  const double px = dpi / 25.4;
  PixPtr page(pixCreate(static_cast<int>(210 * px), static_cast<int>(297 * px), 8));
  pixSetAllArbitrary(page.get(), 255);
  pixSetResolution(page.get(), dpi, dpi);
  for (const RectMm& r : rects) {
    BOX* box = boxCreate(static_cast<int>(r.x * px), static_cast<int>(r.y * px), static_cast<int>(r.w * px),
                         static_cast<int>(r.h * px));
    pixSetInRectArbitrary(page.get(), box, 0);
    boxDestroy(&box);
  }
  return page;
}

// Patch bars across the page, 63.5 mm long, from `edge_mm` below the top edge (or above the bottom
// one, read upwards, if `from_bottom`): `widths` names them from the edge, N narrow and W wide,
// with a narrow space after each, all scaled by `scale`.
std::vector<RectMm> PatchBars(std::string_view widths, double edge_mm, double scale = 1.0, bool from_bottom = false) {
  const double narrow = 0.08 * 25.4 * scale, wide = 0.20 * 25.4 * scale;
  std::vector<RectMm> bars;
  double at = edge_mm;
  for (char w : widths) {
    const double thickness = w == 'W' ? wide : narrow;
    bars.push_back({73, from_bottom ? 297 - at - thickness : at, 63.5, thickness});
    at += thickness + narrow;
  }
  return bars;
}

}  // namespace

TEST_CASE("A patch T or patch 2 sheet is found at 150, 200 and 300 dpi and up to 5 degrees of skew", "[patch]") {
  const std::string patch = GENERATE(as<std::string>{}, "T", "2");
  const int dpi = GENERATE(150, 200, 300);
  const double skew = GENERATE(-5.0, -2.5, 0.0, 1.0, 5.0);
  samplegen::PatchSheetSpec spec;
  spec.patch = patch;
  spec.dpi = dpi;
  spec.skew_degrees = skew;
  spec.speckle = true;
  PixPtr page = PatchSheet(spec);
  CAPTURE(patch, dpi, skew);
  CHECK(PatchNames(page.get()) == std::vector<std::string>{patch});
  auto codes = ocr::ReadBarcodes(*page);
  CHECK(ocr::IsSeparator(codes));
}

TEST_CASE("A patch T sheet reads as patch T any way up and seen from behind, never as patch 3", "[patch]") {
  const int rotation = GENERATE(0, 90, 180, 270);
  const bool mirrored = GENERATE(false, true);
  samplegen::PatchSheetSpec spec;
  spec.dpi = 200;
  spec.rotation = rotation;
  spec.mirrored = mirrored;
  spec.skew_degrees = 2;
  PixPtr page = PatchSheet(spec);
  CAPTURE(rotation, mirrored);
  CHECK(PatchNames(page.get()) == std::vector<std::string>{"T"});
}

TEST_CASE("A patch sheet with only its top code, fed upside down, still reads from its leading edge", "[patch]") {
  // N W N W read upwards from the bottom edge: what a sheet printed with one code at its top
  // looks like fed upside down.
  PixPtr page = DrawnPage(300, PatchBars("NWNW", 20, 1.0, true));
  CHECK(PatchNames(page.get()) == std::vector<std::string>{"T"});
}

TEST_CASE("A noisy, tinted, unevenly lit patch sheet is still found", "[patch]") {
  const std::string patch = GENERATE(as<std::string>{}, "T", "2");
  const int dpi = GENERATE(150, 300);
  samplegen::PatchSheetSpec spec;
  spec.patch = patch;
  spec.dpi = dpi;
  spec.skew_degrees = -3.5;
  spec.speckle = true;
  spec.paper_grey = 215;
  spec.light_falloff = 50;
  PixPtr page = PatchSheet(spec);
  AddNoise(page.get(), 0.08, 11);
  CAPTURE(patch, dpi);
  CHECK(PatchNames(page.get()) == std::vector<std::string>{patch});
  CHECK(ocr::IsSeparator(ocr::ReadBarcodes(*page)));
}

TEST_CASE("A bilevel (G4-like) patch sheet is found", "[patch]") {
  samplegen::PatchSheetSpec spec;
  spec.patch = "2";
  spec.dpi = 200;
  spec.skew_degrees = 4;
  spec.speckle = true;
  PixPtr grey = PatchSheet(spec);
  PixPtr bits(pixThresholdToBinary(grey.get(), 128));
  REQUIRE(bits);
  pixSetResolution(bits.get(), 200, 200);
  CHECK(ocr::IsSeparator(ocr::ReadBarcodes(*bits)));
}

TEST_CASE("The other patch codes are read by name and are no separators", "[patch]") {
  const std::string patch = GENERATE(as<std::string>{}, "1", "3", "4", "6");
  samplegen::PatchSheetSpec spec;
  spec.patch = patch;
  spec.dpi = 200;
  spec.skew_degrees = 1.5;
  PixPtr page = PatchSheet(spec);
  CAPTURE(patch);
  CHECK(PatchNames(page.get()) == std::vector<std::string>{patch});
  auto codes = ocr::ReadBarcodes(*page);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].format == ocr::kPatchCodeFormat);
  CHECK(codes[0].text == "Patch " + patch);
  CHECK_FALSE(ocr::IsSeparator(codes));
}

TEST_CASE("Only a patch code's own format makes its text a separator", "[patch]") {
  CHECK(ocr::IsSeparator({{"PatchCode", "Patch T"}}));
  CHECK(ocr::IsSeparator({{"PatchCode", "Patch 2"}}));
  CHECK_FALSE(ocr::IsSeparator({{"PatchCode", "Patch 3"}}));
  CHECK_FALSE(ocr::IsSeparator({{"Code128", "Patch T"}}));
  CHECK_FALSE(ocr::IsSeparator({{"PatchCode", "MAILROOM-SEP-2"}}));
}

TEST_CASE("No patch code on a blank page, a barcode page, a barcode separator or a page of text", "[patch]") {
  const int dpi = GENERATE(150, 300);
  CAPTURE(dpi);
  auto blank = samplegen::RenderBlankPage(dpi, 5, true);
  REQUIRE(blank);
  CHECK(PatchNames(blank->get()).empty());
  for (const std::string format : {"Code128", "DataMatrix"}) {
    auto separator = samplegen::RenderSeparatorSheet(dpi, format);
    REQUIRE(separator);
    CHECK(PatchNames(separator->get()).empty());
  }
  samplegen::PageSpec spec;
  spec.dpi = dpi;
  spec.lines = {"Weiterbewilligungsantrag", "BG-Nummer 35301BG0012345", "Sehr geehrte Damen und Herren,"};
  spec.barcode = "BG:35301BG0012345";
  spec.skew_degrees = 2;
  spec.speckle = true;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  CHECK(PatchNames(page->get()).empty());
}

TEST_CASE("No patch code in tables with thick rules, or in bars of the wrong widths", "[patch]") {
  const double n = 0.08 * 25.4, wide = 0.20 * 25.4;
  SECTION("a table of 2 and 5 mm rules with rows between them") {
    std::vector<RectMm> rules;
    double y = 40;
    for (int row = 0; row < 12; ++row) {
      rules.push_back({20, y, 170, row % 3 == 0 ? wide : n});
      y += 9;
    }
    rules.push_back({20, 40, n, y - 40});
    rules.push_back({188, 40, n, y - 40});
    CHECK(PatchNames(DrawnPage(300, rules).get()).empty());
  }
  SECTION("four narrow bars (no wide ones) at a patch's spacing") {
    CHECK(PatchNames(DrawnPage(300, PatchBars("NNNN", 20)).get()).empty());
  }
  SECTION("a patch T with a fifth bar next to it") {
    CHECK(PatchNames(DrawnPage(300, PatchBars("NWNWN", 20)).get()).empty());
  }
  SECTION("a patch T with text right against it") {
    std::vector<RectMm> bars = PatchBars("NWNW", 20);
    CHECK(PatchNames(DrawnPage(300, bars).get()) == std::vector<std::string>{"T"});
    bars.push_back({80, bars.back().y + bars.back().h + 1.0, 40, 2.5});
    CHECK(PatchNames(DrawnPage(300, bars).get()).empty());
  }
  SECTION("a patch printed at 125 % is one, at 160 % it is too big") {
    CHECK(PatchNames(DrawnPage(300, PatchBars("NWNW", 20, 1.25)).get()) == std::vector<std::string>{"T"});
    CHECK(PatchNames(DrawnPage(300, PatchBars("NWNW", 20, 1.6)).get()).empty());
  }
}
