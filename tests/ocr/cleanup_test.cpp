// Orientation and deskew on rendered pages (the clean-up steps, below the public API).
#include <catch2/catch.hpp>

#include <cmath>

#include "letter_page.h"
#include "mailroom/samplegen/samplegen.h"
#include "page_cleanup.h"
#include "page_effects.h"

using namespace mailroom;
using testing::LetterPage;

namespace {

PixPtr InkOfGrey(Pix* grey) {
  PixPtr evened = ocr::EvenedGrey(grey);
  return ocr::InkOf(evened.get());
}

}  // namespace

TEST_CASE("Orientation: a page fed turned by 90, 180 or 270 degrees is put upright") {
  const int fed = GENERATE(0, 90, 180, 270);
  PixPtr page = ocr::TurnClockwise(LetterPage().get(), fed);
  PixPtr ink = InkOfGrey(page.get());
  const auto guess = ocr::GuessOrientation(ink.get());
  CAPTURE(fed);
  REQUIRE(guess.sure);
  CHECK(guess.rotation == (360 - fed) % 360);
}

TEST_CASE("Orientation: an almost empty page is not guessed") {
  samplegen::PageSpec spec;
  spec.lines = {"ok"};
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  PixPtr ink = InkOfGrey(page->get());
  CHECK_FALSE(ocr::GuessOrientation(ink.get()).sure);
}

TEST_CASE("Deskew: the skew of the lines is measured and removed, up to 5 degrees") {
  const double skew = GENERATE(-5.0, -2.0, 1.0, 3.5);
  CAPTURE(skew);
  PixPtr page = LetterPage(300, skew);
  PixPtr ink = InkOfGrey(page.get());
  const float found = ocr::FindSkewDegrees(ink.get(), 300);
  CHECK(std::fabs(std::fabs(found) - std::fabs(skew)) < 0.3);
  PixPtr level = ocr::Deskew(ink.get(), found);
  CHECK(std::fabs(ocr::FindSkewDegrees(level.get(), 300)) < 0.3);
}

TEST_CASE("Ink: tinted paper, uneven light and bleed-through become paper; print stays ink") {
  PixPtr page = LetterPage();
  PixPtr clean_ink = InkOfGrey(page.get());
  l_int32 clean = 0;
  pixCountPixels(clean_ink.get(), &clean, nullptr);

  PixPtr back = LetterPage();
  testing::BleedThrough(page.get(), back.get());
  testing::TintAndShade(page.get(), 215, 60);
  PixPtr ink = InkOfGrey(page.get());
  l_int32 dirty = 0;
  pixCountPixels(ink.get(), &dirty, nullptr);
  // The same ink within a few percent: nothing of the paper or the back side was added.
  CHECK(std::abs(dirty - clean) < clean * 0.05);
}

TEST_CASE("Despeckle removes dust but keeps the dots of i and the full stops") {
  PixPtr page = LetterPage();
  PixPtr ink = InkOfGrey(page.get());
  l_int32 before = 0;
  pixCountPixels(ink.get(), &before, nullptr);
  PixPtr dusty(pixCopy(nullptr, ink.get()));
  for (int i = 0; i < 500; ++i) pixSetPixel(dusty.get(), 100 + (i * 37) % 2200, 100 + (i * 53) % 3300, 1);
  PixPtr cleaned = ocr::Despeckle(dusty.get(), 300);
  l_int32 after = 0;
  pixCountPixels(cleaned.get(), &after, nullptr);
  CHECK(after <= before + 50);  // a few dust pixels touch letters and stay
  CHECK(after > before * 0.995);
}
