// Tests of the scan effects of the single-page renderers other stages use (PageSpec, BlankSpec,
// RenderHandwrittenNote): each effect is where the header says, with the documented grey levels.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "mailroom/image/pix.h"
#include "mailroom/samplegen/samplegen.h"
#include "samplegen_test_util.h"

using mailroom::PixPtr;
namespace sg = mailroom::samplegen;
using samplegen_test::Mm;
using samplegen_test::Region;
using samplegen_test::Stats;
using samplegen_test::Whole;

TEST_CASE("punch holes are dark discs 80 mm apart near the sheet's left edge", "[samplegen][defects]") {
  sg::PageSpec spec;
  spec.lines = {"Kontoauszug"};
  spec.punch_holes = true;
  auto page = sg::RenderPage(spec);
  REQUIRE(page.has_value());
  int centre_y = static_cast<int>(pixGetHeight(page->get())) / 2;
  for (int offset : {-40, 40}) {
    Stats hole = Region(page->get(), Mm(10, 300), centre_y + Mm(offset - 2, 300), Mm(4, 300), Mm(4, 300));
    CHECK(hole.mean < 60);
  }
  CHECK(Region(page->get(), Mm(5, 300), centre_y - Mm(5, 300), Mm(15, 300), Mm(10, 300)).min == 255);

  sg::BlankSpec blank;
  blank.punch_holes = true;
  blank.speckle = false;
  auto back = sg::RenderBlankPage(blank);
  REQUIRE(back.has_value());
  long disc = Region(back->get(), 0, 0, Mm(25, 300), static_cast<int>(pixGetHeight(back->get()))).dark;
  double area = 3.14159 * Mm(3, 300) * Mm(3, 300);
  CHECK(disc > 1.8 * area);
  CHECK(disc < 2.2 * area);
  CHECK(Whole(back->get()).dark == disc);  // nothing else on the page
}

TEST_CASE("uneven light darkens the far side by tens of grey levels", "[samplegen][defects]") {
  sg::PageSpec spec;
  spec.lines = {"Mietbescheinigung"};
  spec.light_falloff = 50;
  auto page = sg::RenderPage(spec);
  REQUIRE(page.has_value());
  int w = static_cast<int>(pixGetWidth(page->get()));
  int h = static_cast<int>(pixGetHeight(page->get()));
  double left = Region(page->get(), 0, h / 2, Mm(10, 300), Mm(50, 300)).mean;
  double right = Region(page->get(), w - Mm(10, 300), h / 2, Mm(10, 300), Mm(50, 300)).mean;
  CHECK(left > 250);
  CHECK(right < 215);
  CHECK(right > 195);
}

TEST_CASE("bleed-through is faint mirrored text that leaves a blank page blank", "[samplegen][defects]") {
  sg::BlankSpec spec;
  spec.bleed_through = true;
  spec.speckle = false;
  auto page = sg::RenderBlankPage(spec);
  REQUIRE(page.has_value());
  Stats stats = Whole(page->get());
  CHECK(stats.min >= 200);
  CHECK(stats.min < 235);
  CHECK(stats.dark == 0);
  CHECK(stats.mean < 255);
}

TEST_CASE("scanner edge is a dark strip along the top", "[samplegen][defects]") {
  sg::PageSpec spec;
  spec.lines = {"Widerspruch"};
  spec.scanner_edge = true;
  auto page = sg::RenderPage(spec);
  REQUIRE(page.has_value());
  int w = static_cast<int>(pixGetWidth(page->get()));
  CHECK(Region(page->get(), 0, 0, w, Mm(3, 300)).mean < 60);
  CHECK(Region(page->get(), 0, Mm(6, 300), w, Mm(4, 300)).min == 255);
}

TEST_CASE("a handwritten note is blue-grey script on an otherwise empty page", "[samplegen][defects]") {
  auto page = sg::RenderHandwrittenNote({"Bitte um Rückruf", "M.K. 12.11.25"}, 300, 4);
  REQUIRE(page.has_value());
  CHECK(pixGetWidth(page->get()) == 2480);
  Stats stats = Whole(page->get());
  CHECK(stats.min >= 55);  // not black ink
  CHECK(stats.min <= 115);
  PixPtr binary(pixThresholdToBinary(page->get(), 160));
  l_int32 ink = 0;
  pixCountPixels(binary.get(), &ink, nullptr);
  CHECK(ink > 3000);
  auto other = sg::RenderHandwrittenNote({"Bitte um Rückruf", "M.K. 12.11.25"}, 300, 5);
  REQUIRE(other.has_value());
  l_int32 same = 0;
  pixEqual(page->get(), other->get(), &same);
  CHECK(same == 0);  // the seed moves and tilts the note
  CHECK_FALSE(sg::RenderHandwrittenNote({}, 300, 1).has_value());
}

TEST_CASE("page and blank specs: rotation turns the image, bad values are refused", "[samplegen][defects]") {
  sg::PageSpec spec;
  spec.lines = {"Lohnabrechnung"};
  spec.dpi = 100;
  spec.rotation = 90;
  auto landscape = sg::RenderPage(spec);
  REQUIRE(landscape.has_value());
  CHECK(pixGetWidth(landscape->get()) == 1169);
  CHECK(pixGetHeight(landscape->get()) == 827);
  CHECK(pixGetXRes(landscape->get()) == 100);
  spec.rotation = 45;
  CHECK_FALSE(sg::RenderPage(spec).has_value());
  spec.rotation = 0;
  spec.paper_grey = 300;
  CHECK_FALSE(sg::RenderPage(spec).has_value());
  sg::BlankSpec blank;
  blank.dpi = 50;
  CHECK_FALSE(sg::RenderBlankPage(blank).has_value());
  // The old signature is the BlankSpec defaults.
  l_int32 same = 0;
  pixEqual(sg::RenderBlankPage(300, 1, true)->get(), sg::RenderBlankPage(sg::BlankSpec{})->get(), &same);
  CHECK(same == 1);
}
