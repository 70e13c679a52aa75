// The clean-up steps for hard scans (below the public API): pages under 250 dpi are interpolated
// to 300 dpi, all-faint print gets a threshold towards the paper, skew is searched to 10 degrees.
#include <catch2/catch.hpp>

#include <cmath>

#include "letter_page.h"
#include "mailroom/samplegen/samplegen.h"
#include "page_cleanup.h"
#include "page_effects.h"

using namespace mailroom;
using testing::LetterPage;

namespace {

l_int32 InkPixels(Pix* grey) {
  PixPtr evened = ocr::EvenedGrey(grey);
  PixPtr ink = ocr::InkOf(evened.get());
  REQUIRE(ink);
  l_int32 count = 0;
  pixCountPixels(ink.get(), &count, nullptr);
  return count;
}

l_int32 BelowFixedThreshold(Pix* grey) {
  PixPtr evened = ocr::EvenedGrey(grey);
  PixPtr ink(pixThresholdToBinary(evened.get(), 140));  // the threshold before faint print
  l_int32 count = 0;
  pixCountPixels(ink.get(), &count, nullptr);
  return count;
}

}  // namespace

TEST_CASE("Ink: print that is all faint (a worn ribbon) is still ink, where the fixed threshold lost it") {
  PixPtr dark = LetterPage();
  const l_int32 dark_ink = InkPixels(dark.get());
  const int ink_grey = GENERATE(170, 183);
  CAPTURE(ink_grey);
  PixPtr faint = LetterPage();
  testing::LightenInk(faint.get(), ink_grey);
  CHECK(BelowFixedThreshold(faint.get()) < dark_ink / 4);
  const l_int32 faint_ink = InkPixels(faint.get());
  CHECK(faint_ink > dark_ink * 0.7);
  CHECK(faint_ink < dark_ink * 1.6);  // the paper stays paper
}

TEST_CASE("Ink: faint print is still found faint beside punch holes and a scanner's dark edge") {
  // The holes and the edge are the darkest pixels of the page, but they are no print: the faint
  // print's own levels must set its threshold. Counted is the ink beyond that of the holes and edge.
  auto with_holes_and_edge = [](PixPtr page) {
    testing::PunchHoles(page.get());
    testing::ScannerEdge(page.get());
    return page;
  };
  PixPtr paper = with_holes_and_edge(LetterPage());
  pixSetAllGray(paper.get(), 255);
  paper = with_holes_and_edge(std::move(paper));
  const l_int32 holes_and_edge = InkPixels(paper.get());
  const l_int32 dark_print = InkPixels(with_holes_and_edge(LetterPage()).get()) - holes_and_edge;
  PixPtr faint = LetterPage();
  testing::LightenInk(faint.get(), 175);
  const l_int32 faint_print = InkPixels(with_holes_and_edge(std::move(faint)).get()) - holes_and_edge;
  CHECK(faint_print > dark_print * 0.7);
  CHECK(faint_print < dark_print * 1.6);
}

TEST_CASE("Ink: dark print beside faint show-through keeps the fixed threshold") {
  // The show-through of the back covers more than the print; the print's darkest tenth is black.
  PixPtr page = LetterPage();
  const l_int32 clean = InkPixels(page.get());
  PixPtr back = LetterPage();
  testing::BleedThrough(page.get(), back.get());
  CHECK(std::abs(InkPixels(page.get()) - clean) < clean * 0.05);
}

TEST_CASE("ScaledToOcrDpi interpolates pages under 250 dpi to 300 dpi and leaves others alone") {
  PixPtr low = LetterPage(150);
  PixPtr scaled = ocr::ScaledToOcrDpi(low.get(), 150);
  REQUIRE(scaled);
  CHECK(pixGetWidth(scaled.get()) == 2 * pixGetWidth(low.get()));
  CHECK(pixGetHeight(scaled.get()) == 2 * pixGetHeight(low.get()));
  CHECK(pixGetXRes(scaled.get()) == 300);
  CHECK(pixGetYRes(scaled.get()) == 300);
  PixPtr at200 = LetterPage(200);
  PixPtr scaled200 = ocr::ScaledToOcrDpi(at200.get(), 200);
  CHECK(std::abs(static_cast<int>(pixGetWidth(scaled200.get())) - 2480) <= 2);
  for (int dpi : {250, 300}) {
    PixPtr page = LetterPage(dpi);
    PixPtr same = ocr::ScaledToOcrDpi(page.get(), dpi);
    CHECK(pixGetWidth(same.get()) == pixGetWidth(page.get()));
  }
}

TEST_CASE("Deskew: a scanner's level black edge does not hide the skew of the text") {
  // A generated 150 dpi bilevel page (dev seed 4242, hard-150, page 0345), its sheet fed 7.15
  // degrees askew under a scanner edge that runs level along the top: the sweep over all the ink
  // levelled the edge (0.03 degrees), and Tesseract lost half of the page's lines.
  PixPtr page(pixRead(MAILROOM_OCR_TEST_DATA "/skewed-under-scanner-edge.tif"));
  REQUIRE(page);
  REQUIRE(pixGetXRes(page.get()) == 150);
  PixPtr grey = ocr::GreyOf(page.get());
  PixPtr ink = ocr::InkOfInterpolatedBilevel(ocr::ScaledToOcrDpi(grey.get(), 150).get());
  REQUIRE(ink);
  const float found = ocr::FindSkewDegrees(ink.get(), ocr::kOcrDpi);
  CHECK(std::fabs(std::fabs(found) - 7.15) < 0.4);
}

TEST_CASE("Deskew: skew up to 10 degrees is found") {
  CHECK(ocr::kMaxSkewDegrees >= 10.0f);
  const double skew = GENERATE(-9.0, 8.0);
  CAPTURE(skew);
  PixPtr page = LetterPage(300, skew);
  PixPtr evened = ocr::EvenedGrey(page.get());
  PixPtr ink = ocr::InkOf(evened.get());
  const float found = ocr::FindSkewDegrees(ink.get(), 300);
  CHECK(std::fabs(std::fabs(found) - std::fabs(skew)) < 0.4);
}
