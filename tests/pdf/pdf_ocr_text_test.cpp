#include <catch2/catch.hpp>

#include "mailroom/ocr/ocr.h"
#include "mailroom/pdf/pdf_document.h"
#include "mailroom/samplegen/samplegen.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;

TEST_CASE("PdfDocument reads back the invisible text layer Tesseract puts on a page PDF") {
  TempDir dir;
  samplegen::PageSpec spec;
  spec.lines = {"Jobcenter Kiel", "Betreff: Widerspruch gegen den Bescheid", "BG-Nummer: 35301BG0012345"};
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  ocr::OcrOptions options;
  options.pdf_dir = dir.path();
  auto reader = ocr::PageReader::Create(options);
  REQUIRE(reader);
  const auto reading = (*reader)->Read("0001.tif", 0, **page);
  REQUIRE(reading.kind == PageKind::kContent);
  REQUIRE_FALSE(reading.pdf_path.empty());

  auto doc = pdf::PdfDocument::Open(reading.pdf_path);
  REQUIRE(doc);
  CHECK(doc->pages() == 1);
  auto text = doc->PageText(0);
  REQUIRE(text);
  CHECK_THAT(*text, Catch::Contains("Widerspruch gegen den Bescheid"));
  CHECK_THAT(*text, Catch::Contains("35301BG0012345"));

  // The page image under the text (G4, 1 bit) renders as a grey PNG.
  auto png = doc->RenderPng(0, 100);
  REQUIRE(png);
  CHECK(png->compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(static_cast<unsigned char>((*png)[25]) == 0);  // IHDR colour type 0: grey
}
