#include <catch2/catch.hpp>

#include "mailroom/ocr/ocr.h"
#include "mailroom/samplegen/samplegen.h"

using namespace mailroom;

TEST_CASE("A separator sheet is recognised by its barcode, in both symbologies the contract allows") {
  auto format = GENERATE(as<std::string>{}, "Code128", "DataMatrix");
  auto sheet = samplegen::RenderSeparatorSheet(300, format);
  REQUIRE(sheet);
  auto codes = ocr::ReadBarcodes(**sheet);
  REQUIRE_FALSE(codes.empty());
  CHECK(codes[0].text == "MAILROOM-SEP");
  CHECK(ocr::IsSeparator(codes));
}

// A generated separator sheet of the benchmark's defects profile (0.7 degrees skew, dust) whose
// DataMatrix was missed: one speck of dust touches the symbol's right edge.
TEST_CASE("A separator sheet with a speck of dust on its symbol's edge is still a separator") {
  PixPtr page(pixRead(MAILROOM_OCR_TEST_DATA "/separator-dust-speck.png"));
  REQUIRE(page);
  auto codes = ocr::ReadBarcodes(*page);
  CHECK(ocr::IsSeparator(codes));
}

TEST_CASE("A form's case-number barcode is read with its payload, and it is no separator") {
  auto format = GENERATE(as<std::string>{}, "Code128", "DataMatrix", "QRCode");
  samplegen::PageSpec spec;
  spec.lines = {"Weiterbewilligungsantrag"};
  spec.barcode = "BG:35301BG0012345";
  spec.barcode_format = format;
  spec.skew_degrees = 1.0;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  auto codes = ocr::ReadBarcodes(**page);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].text == "BG:35301BG0012345");
  CHECK(codes[0].format == format);
  CHECK_FALSE(ocr::IsSeparator(codes));
}

TEST_CASE("A barcode whose payload only contains the separator text is no separator") {
  CHECK_FALSE(ocr::IsSeparator({{"Code128", "MAILROOM-SEP-2"}}));
  CHECK_FALSE(ocr::IsSeparator({{"Code128", "mailroom-sep"}}));
  CHECK(ocr::IsSeparator({{"QRCode", "35301BG0012345"}, {"Code128", "MAILROOM-SEP"}}));
}
