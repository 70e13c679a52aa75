// Real Tesseract on hard scans (a few pages, some seconds each): a 150 dpi page is read at 300 dpi,
// faint print is read, and every reading says how much ink it had and how much of it went unread.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mailroom/ocr/ocr.h"
#include "mailroom/samplegen/samplegen.h"
#include "page_effects.h"

using namespace mailroom;

namespace {

const std::vector<std::string> kLetter = {"Jobcenter Kiel",
                                          "Betreff: Widerspruch gegen den Bescheid",
                                          "BG-Nummer: 35301BG0012345",
                                          "Sehr geehrte Damen und Herren,",
                                          "hiermit lege ich Widerspruch ein.",
                                          "Die Berechnung der Kosten ist falsch.",
                                          "Mit freundlichen Grüßen"};

PixPtr LetterPage(int dpi = 300) {
  samplegen::PageSpec spec;
  spec.lines = kLetter;
  spec.dpi = dpi;
  spec.skew_degrees = 0.6;
  spec.speckle = true;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  return std::move(*page);
}

ocr::PageReader& Reader() {
  static std::unique_ptr<ocr::PageReader> reader = [] {
    auto created = ocr::PageReader::Create(ocr::OcrOptions{});
    REQUIRE(created);
    return std::move(*created);
  }();
  return *reader;
}

int RightmostWordEnd(const PageReading& reading) {
  int right = 0;
  for (const auto& word : reading.words) right = std::max(right, word.left + word.width);
  return right;
}

// Print made illegible: the page cut into tiles of `tile` pixels, each swapped with a random one
// up to a dozen tiles along its line, then blurred. The ink stays where the lines are, in pieces the size of print.
void Scramble(Pix* page, int tile, std::uint32_t seed) {
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  PixPtr copy(pixCopy(nullptr, page));
  std::uint32_t state = seed;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int y = 0; y + tile <= h; y += tile) {
    for (int x = 0; x + tile <= w; x += tile) {
      const int shift = static_cast<int>(next() % 25) - 12;
      const int from_x = std::clamp(x + shift * tile, 0, w - tile);
      const int from_y = std::clamp(y + (static_cast<int>(next() % 3) - 1) * tile, 0, h - tile);
      pixRasterop(page, x, y, tile, tile, PIX_SRC, copy.get(), from_x, from_y);
    }
  }
  // And smeared, as a wet or rubbed page is.
  PixPtr blurred(pixBlockconv(page, 2, 2));
  pixCopy(page, blurred.get());
}

}  // namespace

TEST_CASE("A page scanned at 150 dpi is read at 300 dpi, its words in 300 dpi coordinates", "[ocr][hard]") {
  PixPtr grey = LetterPage(150);
  const bool bilevel = GENERATE(false, true);
  CAPTURE(bilevel);
  PixPtr page(bilevel ? pixThresholdToBinary(grey.get(), 160) : pixClone(grey.get()));
  auto reading = Reader().Read("0003.tif", 2, *page);
  REQUIRE(reading.kind == PageKind::kContent);
  CHECK_THAT(reading.text, Catch::Contains("35301BG0012345"));
  CHECK_THAT(reading.text, Catch::Contains("Widerspruch gegen den Bescheid"));
  // The longest line ends about 110 mm from the left edge: 1300 px at 300 dpi, 650 at 150.
  CHECK(RightmostWordEnd(reading) > 1100);
  CHECK(RightmostWordEnd(reading) < 2480);
  CHECK(reading.mean_confidence > 75);
}

TEST_CASE("A blank back scanned bilevel at 150 or 200 dpi stays blank: its dust is not smoothed into marks",
          "[ocr][hard]") {
  const int dpi = GENERATE(150, 200);
  CAPTURE(dpi);
  samplegen::PageSpec spec;
  spec.dpi = dpi;
  spec.speckle = true;
  spec.paper_grey = 225;  // tinted paper, as on the benchmark's blank backs
  auto grey = samplegen::RenderPage(spec);
  REQUIRE(grey);
  PixPtr page(pixThresholdToBinary(grey->get(), 160));
  const auto reading = Reader().Read("0007.tif", 6, *page);
  CHECK(reading.kind == PageKind::kBlank);
}

TEST_CASE("Faint print that the fixed threshold lost is read", "[ocr][hard]") {
  PixPtr page = LetterPage();
  testing::LightenInk(page.get(), 180);
  auto reading = Reader().Read("0004.png", 3, *page);
  REQUIRE(reading.kind == PageKind::kContent);
  CHECK_THAT(reading.text, Catch::Contains("35301BG0012345"));
  CHECK_THAT(reading.text, Catch::Contains("hiermit lege ich Widerspruch ein"));
}

TEST_CASE("A clean page's ink is read; a lid shadow is no ink; illegible print stays unread", "[ocr][hard]") {
  PixPtr clean = LetterPage();
  auto read = Reader().Read("0005.png", 4, *clean);
  REQUIRE(read.kind == PageKind::kContent);
  // Seven lines of 12 pt print: some hundreds of square millimetres of ink, nearly all of it read.
  CHECK(read.ink_mm2 > 100);
  CHECK(read.ink_mm2 < 2000);
  CHECK(read.unread_ink_share >= 0);
  CHECK(read.unread_ink_share < 0.3);

  // A scanner lid's shadow along the edge (4 x 297 mm, far more than the print) is not counted.
  PixPtr shadowed = LetterPage();
  testing::ScannerEdge(shadowed.get());
  auto edge = Reader().Read("0006.png", 5, *shadowed);
  REQUIRE(edge.kind == PageKind::kContent);
  CHECK(std::fabs(edge.ink_mm2 - read.ink_mm2) < 0.1 * read.ink_mm2);
  CHECK(edge.unread_ink_share < 0.3);

  // The same print cut up, shuffled along its lines and smeared: ink, hardly any of it readable.
  PixPtr scribble = LetterPage();
  Scramble(scribble.get(), 5, 7);
  auto illegible = Reader().Read("0007.png", 6, *scribble);
  REQUIRE(illegible.kind == PageKind::kContent);
  CAPTURE(illegible.text);
  CHECK(illegible.ink_mm2 > 0.5 * read.ink_mm2);
  CHECK(illegible.unread_ink_share >= 0.45);
  CHECK(illegible.unread_ink_share <= 1.0);
}
