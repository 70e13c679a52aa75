#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>

#include "mailroom/ocr/ocr.h"
#include "mailroom/samplegen/samplegen.h"
#include "page_effects.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;

namespace {

std::string PdfText(const std::filesystem::path& pdf) {
  std::string command = "pdftotext -layout '" + pdf.string() + "' - 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string text;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe.get())) text.append(buffer.data(), n);
  return text;
}

PixPtr LetterPage() {
  samplegen::PageSpec spec;
  spec.lines = {"Jobcenter Kiel", "Betreff: Widerspruch gegen den Bescheid", "BG-Nummer: 35301BG0012345",
                "Sehr geehrte Damen und Herren,", "hiermit lege ich Widerspruch ein."};
  spec.skew_degrees = 0.8;
  spec.speckle = true;
  auto page = samplegen::RenderPage(spec);
  REQUIRE(page);
  return std::move(*page);
}

// A real reader (Tesseract, German) that writes its page PDFs into `dir`.
std::unique_ptr<ocr::PageReader> ReaderWritingPdfsTo(const TempDir& dir) {
  ocr::OcrOptions options;
  options.pdf_dir = dir.path();
  auto reader = ocr::PageReader::Create(options);
  REQUIRE(reader);
  return std::move(*reader);
}

}  // namespace

TEST_CASE("PageReader reads German text with word boxes and confidences, and writes a searchable PDF") {
  TempDir dir;
  auto reader = ReaderWritingPdfsTo(dir);
  PixPtr page = LetterPage();

  auto reading = reader->Read("0002.tif", 1, *page);
  REQUIRE(reading.kind == PageKind::kContent);
  CHECK(reading.name == "0002.tif");
  CHECK_THAT(reading.text, Catch::Contains("Widerspruch gegen den Bescheid"));
  CHECK_THAT(reading.text, Catch::Contains("35301BG0012345"));
  CHECK(reading.mean_confidence > 80);
  REQUIRE(reading.words.size() >= 15);
  for (const auto& word : reading.words) {
    CHECK(word.width > 0);
    CHECK(word.height > 0);
    CHECK(word.left >= 0);
  }
  REQUIRE_FALSE(reading.pdf_path.empty());
  CHECK_THAT(PdfText(reading.pdf_path), Catch::Contains("Widerspruch gegen den Bescheid"));

  // The same reader goes on with the next page: one Tesseract instance for the worker's life.
  PixPtr bilevel(pixThresholdToBinary(page.get(), 128));
  auto second = reader->Read("0003.tif", 2, *bilevel);
  REQUIRE(second.kind == PageKind::kContent);
  CHECK_THAT(second.text, Catch::Contains("hiermit lege ich Widerspruch ein"));
  // A bilevel page stays bilevel in the PDF (G4): tens of KB, not MB.
  CHECK(std::filesystem::file_size(second.pdf_path) < 150 * 1024);
}

TEST_CASE("PageReader does not OCR separator sheets and blank pages") {
  TempDir dir;
  auto reader = ReaderWritingPdfsTo(dir);
  auto separator = samplegen::RenderSeparatorSheet();
  REQUIRE(separator);
  auto reading = reader->Read("0001.tif", 0, **separator);
  CHECK(reading.kind == PageKind::kSeparator);
  CHECK(reading.text.empty());
  CHECK(reading.pdf_path.empty());

  auto blank = samplegen::RenderBlankPage(300, 5, true);
  REQUIRE(blank);
  reading = reader->Read("0004.tif", 3, **blank);
  CHECK(reading.kind == PageKind::kBlank);
  CHECK(reading.text.empty());
}

TEST_CASE("PageReader::Create names the missing model") {
  ocr::OcrOptions options;
  options.language = "xyz";
  auto reader = ocr::PageReader::Create(options);
  REQUIRE_FALSE(reader);
  CHECK_THAT(reader.error().message, Catch::Contains("'xyz'"));
}

TEST_CASE("PageReader puts a turned, skewed page on tinted paper upright and reads it") {
  TempDir dir;
  auto reader = ReaderWritingPdfsTo(dir);
  samplegen::PageSpec spec;
  spec.lines = {"Jobcenter Kiel",
                "Betreff: Widerspruch gegen den Bescheid",
                "BG-Nummer: 35301BG0012345",
                "Sehr geehrte Damen und Herren,",
                "hiermit lege ich Widerspruch ein.",
                "Die Berechnung ist falsch.",
                "Mit freundlichen Grüßen"};
  spec.skew_degrees = 3.0;
  auto rendered = samplegen::RenderPage(spec);
  REQUIRE(rendered);
  testing::TintAndShade(rendered->get(), 220, 50);
  const int fed = GENERATE(90, 180);
  PixPtr page(pixRotateOrth(rendered->get(), fed / 90));
  auto reading = reader->Read("0005.jpg", 4, *page);
  CAPTURE(fed);
  REQUIRE(reading.kind == PageKind::kContent);
  CHECK(reading.rotation_degrees == 360 - fed);
  CHECK_THAT(reading.text, Catch::Contains("hiermit lege ich Widerspruch ein"));
  CHECK_THAT(reading.text, Catch::Contains("35301BG0012345"));
  // Word boxes are on the upright page: portrait, so the words lie within its width.
  for (const auto& word : reading.words) CHECK(word.left + word.width <= 2480 + 10);
}

TEST_CASE("PageReader puts a page of capitals upright, which the ascender test cannot orient") {
  // No ascenders or descenders: Leptonica is unsure, Tesseract's OSD only guesses, and the
  // reader compares readings to decide.
  TempDir dir;
  auto reader = ReaderWritingPdfsTo(dir);
  samplegen::PageSpec spec;
  spec.lines = {"WIDERSPRUCH GEGEN DEN BESCHEID VOM 12.03.2025",
                "AKTENZEICHEN 35301BG0012345",
                "HIERMIT LEGE ICH WIDERSPRUCH EIN",
                "DIE BERECHNUNG DER KOSTEN DER UNTERKUNFT IST FALSCH",
                "MIT FREUNDLICHEN GRUESSEN",
                "ERIKA MUSTERMANN"};
  auto rendered = samplegen::RenderPage(spec);
  REQUIRE(rendered);
  const int fed = GENERATE(0, 90, 180, 270);
  PixPtr page(pixRotateOrth(rendered->get(), fed / 90));
  auto reading = reader->Read("0009.tif", 8, *page);
  CAPTURE(fed);
  REQUIRE(reading.kind == PageKind::kContent);
  CHECK(reading.rotation_degrees == (360 - fed) % 360);
  CHECK_THAT(reading.text, Catch::Contains("AKTENZEICHEN 35301BG0012345"));
}
