// Barcodes on sheets fed askew (the hard-scans profile skews every sheet by up to 8 degrees) and
// sideways, at the resolutions mail is scanned at. Each resolution draws symbols in whole-pixel
// modules of its own, so a reader that works at 150 and 300 dpi can still fail at 200.
#include <catch2/catch.hpp>

#include <map>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

#include "mailroom/ocr/ocr.h"
#include "mailroom/samplegen/samplegen.h"

using namespace mailroom;

namespace {

constexpr const char* kCaseNumber = "BG:35301BG0012345";

// Turned the way samplegen skews a sheet (area mapping, white brought in; positive = clockwise).
PixPtr Skewed(Pix* page, double degrees) {
  return PixPtr(pixRotate(page, static_cast<l_float32>(degrees * std::numbers::pi / 180.0), L_ROTATE_AREA_MAP,
                          L_BRING_IN_WHITE, 0, 0));
}

// One rendering per resolution and symbology, shared by the skews.
Pix* SeparatorSheet(int dpi, const std::string& format) {
  static std::map<std::pair<int, std::string>, PixPtr> sheets;
  PixPtr& sheet = sheets[{dpi, format}];
  if (!sheet) {
    auto rendered = samplegen::RenderSeparatorSheet(dpi, format);
    REQUIRE(rendered);
    sheet = std::move(*rendered);
  }
  return sheet.get();
}

std::vector<Barcode> FormBarcodes(const std::string& format, int dpi, double skew, int rotation = 0) {
  samplegen::PageSpec spec;
  spec.lines = {"Weiterbewilligungsantrag", "Sehr geehrte Damen und Herren,"};
  spec.barcode = kCaseNumber;
  spec.barcode_format = format;
  spec.dpi = dpi;
  spec.skew_degrees = skew;
  spec.rotation = rotation;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  return ocr::ReadBarcodes(**page);
}

}  // namespace

// The separator's 120 mm Code 128 prints 127 mm wide at 200 dpi (6 px modules), and skewed its
// outline was over the region finder's longest side: 61 of the 120 sheets of a hard-scans box
// were not separators at 200 dpi, all of them read at 150 and 300.
TEST_CASE("A separator sheet skewed by up to 8 degrees is read at 150, 200 and 300 dpi", "[barcode][skew]") {
  const std::string format = GENERATE(as<std::string>{}, "Code128", "DataMatrix");
  const int dpi = GENERATE(150, 200, 300);
  const double skew = GENERATE(-8.0, -5.0, 5.0, 8.0);
  CAPTURE(format, dpi, skew);
  PixPtr page = Skewed(SeparatorSheet(dpi, format), skew);
  REQUIRE(page);
  CHECK(ocr::IsSeparator(ocr::ReadBarcodes(*page)));
}

// A form's case number in Code 128 has 2 px modules at 150 and 200 dpi: skewed by 4 to 6 degrees
// not one single row read, and at half a degree its start pattern fell off the symbol's region.
TEST_CASE("A form's case-number barcode skewed by up to 8 degrees is read at 150, 200 and 300 dpi", "[barcode][skew]") {
  const int dpi = GENERATE(150, 200, 300);
  const double skew = GENERATE(-8.0, -5.0, 0.5, 5.0, 8.0);
  const std::string format = GENERATE(as<std::string>{}, "Code128", "DataMatrix", "QRCode");
  CAPTURE(format, dpi, skew);
  auto codes = FormBarcodes(format, dpi, skew);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].text == kCaseNumber);
  CHECK(codes[0].format == format);
}

// Bars standing upright are read from the region turned by a quarter; the turn was made of the
// byte-swapped copy, which scrambled every row.
TEST_CASE("A form fed sideways has its Code 128 case number read", "[barcode][skew]") {
  const int rotation = GENERATE(90, 270);
  const int dpi = GENERATE(150, 300);
  CAPTURE(rotation, dpi);
  auto codes = FormBarcodes("Code128", dpi, 2.0, rotation);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].text == kCaseNumber);
}
