#include <catch2/catch.hpp>

#include "mailroom/ocr/ocr.h"
#include "mailroom/samplegen/samplegen.h"

using namespace mailroom;

TEST_CASE("An empty back side with scanner dust is blank") {
  auto seed = GENERATE(1u, 2u, 3u);
  auto page = samplegen::RenderBlankPage(300, seed, true);
  REQUIRE(page);
  CHECK(ocr::IsBlankPage(**page));
}

TEST_CASE("A blank page stays blank after binarisation (G4 scans)") {
  auto page = samplegen::RenderBlankPage(300, 7, true);
  REQUIRE(page);
  PixPtr bilevel(pixThresholdToBinary(page->get(), 128));
  CHECK(ocr::IsBlankPage(*bilevel));
}

TEST_CASE("A page with one short line is not blank") {
  samplegen::PageSpec spec;
  spec.lines = {"Gesehen."};
  spec.speckle = true;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  CHECK_FALSE(ocr::IsBlankPage(**page));
}

TEST_CASE("A small stamp-like mark in the middle of an otherwise empty page is not blank") {
  auto page = samplegen::RenderBlankPage(300, 1, true);
  REQUIRE(page);
  // A 12 x 4 mm rectangle outline, as a stamp or an initial would leave.
  BOX* outer = boxCreate(1200, 1700, 142, 47);
  BOX* inner = boxCreate(1206, 1706, 130, 35);
  pixClearInRect(page->get(), outer);
  pixSetInRect(page->get(), inner);
  boxDestroy(&outer);
  boxDestroy(&inner);
  CHECK_FALSE(ocr::IsBlankPage(**page));
}
