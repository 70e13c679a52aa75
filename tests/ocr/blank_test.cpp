#include <catch2/catch.hpp>

#include "mailroom/ocr/ocr.h"
#include "mailroom/samplegen/samplegen.h"
#include "page_effects.h"

using namespace mailroom;

namespace {

PixPtr Blank(unsigned seed = 1) {
  auto page = samplegen::RenderBlankPage(300, seed, true);
  REQUIRE(page);
  return std::move(*page);
}

PixPtr Letter() {
  samplegen::PageSpec spec;
  spec.lines = {"Sehr geehrte Damen und Herren,", "anbei sende ich Ihnen die angeforderten Unterlagen.",
                "Mit freundlichen Gruessen", "Erika Mustermann"};
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  return std::move(*page);
}

}  // namespace

TEST_CASE("An empty back side with scanner dust is blank") {
  auto seed = GENERATE(1u, 2u, 3u);
  CHECK(ocr::IsBlankPage(*Blank(seed)));
}

TEST_CASE("A blank page stays blank after binarisation (G4 scans)") {
  PixPtr bilevel(pixThresholdToBinary(Blank(7).get(), 128));
  CHECK(ocr::IsBlankPage(*bilevel));
}

TEST_CASE("Punched holes and a scanner edge do not make a blank page content") {
  PixPtr page = Blank(4);
  testing::PunchHoles(page.get());
  testing::ScannerEdge(page.get());
  CHECK(ocr::IsBlankPage(*page));
  PixPtr bilevel(pixThresholdToBinary(page.get(), 128));
  CHECK(ocr::IsBlankPage(*bilevel));
}

TEST_CASE("Tinted paper under uneven light is still blank") {
  PixPtr page = Blank(5);
  testing::TintAndShade(page.get(), 215, 60);
  CHECK(ocr::IsBlankPage(*page));
}

TEST_CASE("Faint bleed-through of the front side leaves a back side blank") {
  PixPtr page = Blank(6);
  testing::BleedThrough(page.get(), Letter().get());
  CHECK(ocr::IsBlankPage(*page));
}

TEST_CASE("A page with one short line is not blank") {
  samplegen::PageSpec spec;
  spec.lines = {"Gesehen."};
  spec.speckle = true;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  CHECK_FALSE(ocr::IsBlankPage(**page));
}

TEST_CASE("Handwritten initials on a back side are content, also on tinted shaded paper with holes") {
  PixPtr page = Blank(8);
  testing::Initials(page.get(), 90, 140);
  CHECK_FALSE(ocr::IsBlankPage(*page));
  testing::TintAndShade(page.get(), 220, 50);
  testing::PunchHoles(page.get());
  CHECK_FALSE(ocr::IsBlankPage(*page));
}

TEST_CASE("A small stamp-like mark in the middle of an otherwise empty page is not blank") {
  PixPtr page = Blank(1);
  // A 12 x 4 mm rectangle outline, as a stamp or an initial would leave.
  BOX* outer = boxCreate(1200, 1700, 142, 47);
  BOX* inner = boxCreate(1206, 1706, 130, 35);
  pixClearInRect(page.get(), outer);
  pixSetInRect(page.get(), inner);
  boxDestroy(&outer);
  boxDestroy(&inner);
  CHECK_FALSE(ocr::IsBlankPage(*page));
}

TEST_CASE("A back side with one line of faint print is not blank, its show-through alone is") {
  samplegen::PageSpec spec;
  spec.lines = {"Eingegangen am 12.11.2025"};
  spec.speckle = true;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  testing::LightenInk(page->get(), 175);
  CHECK_FALSE(ocr::IsBlankPage(**page));
  PixPtr back = Blank(9);
  testing::BleedThrough(back.get(), Letter().get());
  testing::BleedThrough(page->get(), Letter().get());
  CHECK(ocr::IsBlankPage(*back));
  CHECK_FALSE(ocr::IsBlankPage(**page));
}
