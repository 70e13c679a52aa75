// Slow: checks with real Tesseract (German model) that a generated letter page is readable, so the
// samples exercise the OCR stage and not just the barcodes.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include <tesseract/baseapi.h>

#include "mailroom/samplegen/samplegen.h"

namespace sg = mailroom::samplegen;

TEST_CASE("a rendered page is readable by Tesseract (deu)", "[samplegen][ocr][slow]") {
  sg::PageSpec spec;
  spec.lines = {"Betreff: Widerspruch gegen den Bescheid vom 05.05.2025", "BG-Nummer: 35301BG0012345",
                "Sehr geehrte Damen und Herren,", "hiermit lege ich fristgerecht Widerspruch ein."};
  spec.skew_degrees = 0.8;
  spec.speckle = true;
  auto page = sg::RenderPage(spec);
  REQUIRE(page.has_value());

  tesseract::TessBaseAPI api;
  REQUIRE(api.Init(nullptr, "deu", tesseract::OEM_LSTM_ONLY) == 0);
  api.SetPageSegMode(tesseract::PSM_AUTO);
  api.SetImage(page->get());
  api.SetSourceResolution(300);
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  REQUIRE(text);
  std::string ocr(text.get());
  api.End();
  INFO(ocr);
  CHECK(ocr.find("Widerspruch") != std::string::npos);
  CHECK(ocr.find("35301BG0012345") != std::string::npos);
  CHECK(ocr.find("Sehr geehrte Damen und Herren") != std::string::npos);
}
