#include <fcntl.h>
#include <unistd.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <catch2/catch.hpp>

#include <cstdint>

#include "mailroom/image/pix.h"
#include "mailroom/pdf/pdf_document.h"
#include "temp_dir.h"
#include "test_pdfs.h"

using namespace mailroom;
using pdf::PdfDocument;
using testing::TempDir;

namespace {

const std::string kPngSignature = "\x89PNG\r\n\x1a\n";

std::uint32_t BigEndian32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

struct PngHeader {
  std::uint32_t width = 0, height = 0;
  int bit_depth = 0, colour_type = 0;  // colour type 0: grey, 2: RGB
};

// The IHDR chunk, which the PNG spec puts first, right after the signature.
PngHeader ReadPngHeader(const std::string& png) {
  REQUIRE(png.size() > 33);
  REQUIRE(png.compare(0, 8, kPngSignature) == 0);
  REQUIRE(png.compare(12, 4, "IHDR") == 0);
  return {BigEndian32(png, 16), BigEndian32(png, 20), static_cast<unsigned char>(png[24]),
          static_cast<unsigned char>(png[25])};
}

PixPtr DecodePng(const std::string& png) {
  PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(png.data()), png.size()));
  REQUIRE(pix);
  return pix;
}

PdfDocument OpenTwoPages(const TempDir& dir) {
  auto doc = PdfDocument::Open(testing::WriteTestFile(dir / "two.pdf", testing::TwoPagePdf()));
  REQUIRE(doc);
  return std::move(*doc);
}

// The error of opening `file`, which must fail.
std::string OpenError(const std::filesystem::path& file) {
  auto doc = PdfDocument::Open(file);
  REQUIRE_FALSE(doc);
  return doc.error().message;
}

// Everything written to stderr (fd 2) while `action` runs.
template <typename Action>
std::string CaptureStderr(const TempDir& dir, Action action) {
  const auto path = dir / "stderr.txt";
  const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(file >= 0);
  const int saved = ::dup(2);
  ::dup2(file, 2);
  action();
  ::dup2(saved, 2);
  ::close(saved);
  ::close(file);
  auto text = ReadWholeFile(path);
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("PdfDocument counts the pages and gives each page's text layer as UTF-8") {
  TempDir dir;
  const auto doc = OpenTwoPages(dir);
  CHECK(doc.pages() == 2);
  auto first = doc.PageText(0);
  REQUIRE(first);
  CHECK_THAT(*first, Catch::Contains(testing::kFirstPageLine));
  CHECK_THAT(*first, Catch::Contains(testing::kUmlautLine));  // ü, ß as UTF-8
  CHECK_THAT(*first, !Catch::Contains(testing::kSecondPageLine));
  auto second = doc.PageText(1);
  REQUIRE(second);
  CHECK_THAT(*second, Catch::Contains(testing::kSecondPageLine));
  CHECK_THAT(*second, !Catch::Contains(testing::kFirstPageLine));
}

TEST_CASE("RenderPng gives the page as a PNG of its size at the resolution, grey without colour") {
  TempDir dir;
  const auto doc = OpenTwoPages(dir);
  // A4 is 595.28 x 841.89 pt: 8.27 x 11.69 inches.
  for (const auto& [dpi, width, height] : {std::tuple{72.0, 595u, 842u}, std::tuple{150.0, 1240u, 1754u}}) {
    INFO(dpi << " dpi");
    auto png = doc.RenderPng(0, dpi);
    REQUIRE(png);
    const auto header = ReadPngHeader(*png);
    CHECK(header.width == width);
    CHECK(header.height == height);
    CHECK(header.bit_depth == 8);
    CHECK(header.colour_type == 0);  // black text on white paper: grey
  }
  auto png = doc.RenderPng(0, 150);
  REQUIRE(png);
  PixPtr pix = DecodePng(*png);
  l_int32 xres = 0, yres = 0;
  pixGetResolution(pix.get(), &xres, &yres);
  CHECK(xres == 150);
  // The text's ink is there: page 1 is not an empty white page.
  l_float32 mean = 0;
  REQUIRE(pixGetAverageMasked(pix.get(), nullptr, 0, 0, 1, L_MEAN_ABSVAL, &mean) == 0);
  CHECK(mean < 254.9);
  CHECK(mean > 240);
}

TEST_CASE("RenderPng keeps colour: a page with a red bar becomes an RGB PNG") {
  TempDir dir;
  const auto doc = OpenTwoPages(dir);
  auto png = doc.RenderPng(1, 72);
  REQUIRE(png);
  const auto header = ReadPngHeader(*png);
  CHECK(header.colour_type == 2);
  CHECK(header.bit_depth == 8);
  PixPtr pix = DecodePng(*png);
  l_int32 r = 0, g = 0, b = 0;
  l_uint32 pixel = 0;
  REQUIRE(pixGetPixel(pix.get(), 100, 25, &pixel) == 0);  // inside the bar (0..200 x 0..50 pt)
  extractRGBValues(pixel, &r, &g, &b);
  CHECK(r == 255);
  CHECK(g == 0);
  CHECK(b == 0);
  REQUIRE(pixGetPixel(pix.get(), 300, 400, &pixel) == 0);  // white paper below
  extractRGBValues(pixel, &r, &g, &b);
  CHECK((r == 255 && g == 255 && b == 255));
}

TEST_CASE("RenderPng refuses a resolution outside 20..300 dpi and a page of more than 50 megapixels") {
  TempDir dir;
  const auto doc = OpenTwoPages(dir);
  for (double dpi : {19.9, 0.0, -72.0, 301.0, std::nan("")}) {
    auto png = doc.RenderPng(0, dpi);
    REQUIRE_FALSE(png);
    CHECK_THAT(png.error().message, Catch::Contains("two.pdf: page 1") && Catch::Contains("outside 20..300"));
  }
  CHECK(doc.RenderPng(0, 20));
  CHECK(doc.RenderPng(0, 300));

  // 100 x 100 inches: 10000 x 10000 pixels (100 megapixels) at 100 dpi, 4 at 20 dpi.
  auto giant = PdfDocument::Open(testing::WriteTestFile(dir / "giant.pdf", testing::EmptyPagePdf(7200, 7200)));
  REQUIRE(giant);
  auto png = giant->RenderPng(0, 100);
  REQUIRE_FALSE(png);
  CHECK_THAT(png.error().message, Catch::Contains("giant.pdf: page 1") && Catch::Contains("megapixels"));
  auto small = giant->RenderPng(0, 20);
  REQUIRE(small);
  CHECK(ReadPngHeader(*small).width == 2000);
}

TEST_CASE("PageText and RenderPng refuse a page index out of range, naming the file") {
  TempDir dir;
  const auto doc = OpenTwoPages(dir);
  for (int index : {-1, 2, 1000}) {
    auto text = doc.PageText(index);
    REQUIRE_FALSE(text);
    CHECK_THAT(text.error().message,
               Catch::Contains("two.pdf: no page at index " + std::to_string(index)) && Catch::Contains("has 2 pages"));
    auto png = doc.RenderPng(index, 72);
    REQUIRE_FALSE(png);
    CHECK_THAT(png.error().message, Catch::Contains("two.pdf: no page at index"));
  }
}

TEST_CASE("Open refuses a truncated PDF, naming the file") {
  TempDir dir;
  const std::string whole = testing::TwoPagePdf();
  // Cut in the middle, and cut only the last few bytes: poppler would repair either quietly.
  for (std::size_t keep : {whole.size() / 2, whole.size() - 8}) {
    INFO("kept " << keep << " of " << whole.size() << " bytes");
    const auto file = testing::WriteTestFile(dir / "cut.pdf", whole.substr(0, keep));
    CHECK(OpenError(file) == file.string() + ": truncated PDF (no %%EOF at its end)");
  }
}

TEST_CASE("Open names the file and why: missing, a folder, not a PDF, empty, damaged") {
  TempDir dir;
  CHECK(OpenError(dir / "missing.pdf") == (dir / "missing.pdf").string() + ": no such file");
  CHECK(OpenError(dir.path()) == dir.path().string() + ": is a folder, not a PDF");
  const auto png = testing::WriteTestFile(dir / "page.pdf", kPngSignature + "not a pdf at all");
  CHECK(OpenError(png) == png.string() + ": not a PDF (no %PDF- header)");
  const auto empty = testing::WriteTestFile(dir / "empty.pdf", "");
  CHECK(OpenError(empty) == empty.string() + ": not a PDF (no %PDF- header)");
  const auto damaged = testing::WriteTestFile(dir / "damaged.pdf", "%PDF-1.5\nthis is no PDF body\n%%EOF\n");
  CHECK_THAT(OpenError(damaged), Catch::StartsWith(damaged.string() + ": "));
}

TEST_CASE("Open refuses a PDF that needs a password, and reads one encrypted without a user password") {
  TempDir dir;
  const auto plain = testing::WriteTestFile(dir / "plain.pdf", testing::TwoPagePdf());
  auto encrypt = [&](const std::string& name, const char* user_password) {
    QPDF source;
    source.processFile(plain.c_str());
    const auto out = dir / name;
    QPDFWriter writer(source, out.c_str());
    writer.setR6EncryptionParameters(user_password, "owner-secret", true, true, true, true, true, true, qpdf_r3p_full,
                                     true);
    writer.write();
    return out;
  };
  const auto locked = encrypt("locked.pdf", "user-secret");
  CHECK(OpenError(locked) == locked.string() + ": encrypted PDF (it needs a password)");

  auto open = PdfDocument::Open(encrypt("owner-only.pdf", ""));
  REQUIRE(open);
  CHECK(open->pages() == 2);
  auto text = open->PageText(0);
  REQUIRE(text);
  CHECK_THAT(*text, Catch::Contains(testing::kFirstPageLine));
}

TEST_CASE("Poppler's own messages about a broken PDF never reach stderr") {
  TempDir dir;
  // Header and end marker, but a cross-reference table that points nowhere: poppler complains.
  const auto broken =
      testing::WriteTestFile(dir / "broken.pdf",
                             "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nxref\n0 1\n"
                             "0000000000 65535 f \ntrailer << /Root 1 0 R /Size 5 >>\nstartxref\n999999\n%%EOF\n");
  const std::string printed = CaptureStderr(dir, [&] {
    auto doc = PdfDocument::Open(broken);
    if (doc) (void)doc->PageText(0);
  });
  CHECK(printed.empty());
}
