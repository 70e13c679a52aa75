// PDFs in a box: one page source per PDF page ("0005.pdf#2"), each rendered as 8-bit grey at the
// resolution of the scan it holds (300 dpi for a page without one), the text layer never shown;
// a truncated, damaged or encrypted PDF is an unreadable page with the reason.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <catch2/catch.hpp>

#include "mailroom/ingest/box.h"
#include "temp_dir.h"
#include "test_images.h"
#include "test_pdfs.h"

using namespace mailroom;
using testing::ScanPage;
using testing::TempDir;

namespace {

// A white page of `width` x `height` pixels with a black bar, at `dpi`.
PixPtr ScanImage(int width, int height, int dpi) {
  PixPtr pix(pixCreate(width, height, 8));
  pixSetAll(pix.get());
  BOX* bar = boxCreate(width / 8, height / 5, width / 2, height / 20);
  pixClearInRect(pix.get(), bar);
  boxDestroy(&bar);
  pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

std::vector<ingest::PageSource> List(const std::filesystem::path& box, const ingest::PageLimits& limits = {}) {
  auto pages = ingest::ListPages(box, limits);
  REQUIRE(pages);
  return *pages;
}

}  // namespace

TEST_CASE("a multi-page PDF is one page per PDF page, each at its scan's resolution", "[ingest][pdf]") {
  TempDir box;
  PixPtr a4_300 = ScanImage(2480, 3508, 300);  // A4 at 300 dpi: 2480 px on 595 pt
  PixPtr a4_150 = ScanImage(1240, 1754, 150);
  PixPtr a4_600 = ScanImage(4960, 7016, 600);
  testing::WriteFile(
      box / "0005.pdf",
      testing::ScanPdf(
          {{a4_300.get(), 300}, {a4_150.get(), 150}, {nullptr, 0, "", "Sehr geehrte"}, {a4_600.get(), 600}}));
  testing::WritePage(box / "0006.png", IFF_PNG);

  const auto pages = List(box.path());
  REQUIRE(pages.size() == 5);
  CHECK(pages[0].name == "0005.pdf#1");
  CHECK(pages[1].name == "0005.pdf#2");
  CHECK(pages[3].name == "0005.pdf#4");
  CHECK(pages[3].tiff_page == 3);
  CHECK(pages[4].name == "0006.png");
  for (const auto& page : pages) CHECK(page.listing_error.empty());

  struct Expected {
    int width, dpi;
  };
  // The 150 dpi scan stays 150 dpi; a page without an image and the 600 dpi scan are read at 300.
  const Expected expected[] = {{2480, 300}, {1240, 150}, {2480, 300}, {2480, 300}};
  for (int i = 0; i < 4; ++i) {
    INFO(pages[i].name);
    auto pix = ingest::DecodePage(pages[i]);
    REQUIRE(pix);
    CHECK(pixGetDepth(pix->get()) == 8);
    CHECK(std::abs(pixGetWidth(pix->get()) - expected[i].width) <= 1);
    CHECK(pixGetXRes(pix->get()) == expected[i].dpi);
  }
  // The scan's black bar is in the raster.
  auto first = ingest::DecodePage(pages[0]);
  REQUIRE(first);
  l_uint32 value = 255;
  pixGetPixel(first->get(), 2480 / 8 + 20, 3508 / 5 + 20, &value);
  CHECK(value < 64);
}

TEST_CASE("a one-page PDF is named as the file; a PDF is a PDF whatever its name", "[ingest][pdf]") {
  TempDir box;
  PixPtr scan = ScanImage(1240, 1754, 150);
  testing::WriteFile(box / "0001.pdf", testing::ScanPdf({{scan.get(), 150}}));
  testing::WriteFile(box / "0002.tif", testing::ScanPdf({{scan.get(), 150}, {scan.get(), 150}}));
  const auto pages = List(box.path());
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].name == "0001.pdf");
  CHECK(pages[1].name == "0002.tif#1");
  CHECK(pages[2].name == "0002.tif#2");
  for (const auto& page : pages) CHECK(ingest::DecodePage(page));
}

TEST_CASE("a PDF page's text layer does not show in its raster", "[ingest][pdf]") {
  TempDir box;
  PixPtr white(pixCreate(1240, 1754, 8));
  pixSetAll(white.get());
  testing::WriteFile(box / "0001.pdf", testing::ScanPdf({{white.get(), 150, "35301BG0012345 Widerspruch"}}));
  const auto pages = List(box.path());
  REQUIRE(pages.size() == 1);
  auto pix = ingest::DecodePage(pages[0]);
  REQUIRE(pix);
  l_int32 black = 0;
  PixPtr binary(pixThresholdToBinary(pix->get(), 128));
  pixCountPixels(binary.get(), &black, nullptr);
  CHECK(black == 0);
}

TEST_CASE("a truncated, damaged or encrypted PDF is an unreadable page naming the reason", "[ingest][pdf]") {
  TempDir box;
  PixPtr scan = ScanImage(400, 566, 100);
  const std::string good = testing::ScanPdf({{scan.get(), 100}, {scan.get(), 100}});
  testing::WriteFile(box / "0001.pdf", good.substr(0, good.size() / 2));
  std::string damaged = "%PDF-1.7\n" + std::string(2000, 'x') + "\n%%EOF\n";
  testing::WriteFile(box / "0002.pdf", damaged);
  testing::WriteFile(box / "plain.pdf", good);
  {
    QPDF source;
    source.processFile((box / "plain.pdf").c_str());
    QPDFWriter writer(source, (box / "0003.pdf").c_str());
    writer.setR6EncryptionParameters("secret", "owner-secret", true, true, true, true, true, true, qpdf_r3p_full, true);
    writer.write();
  }
  std::filesystem::remove(box / "plain.pdf");

  const auto pages = List(box.path());
  REQUIRE(pages.size() == 3);
  const char* reasons[] = {"0001.pdf: truncated PDF", "0002.pdf: damaged PDF", "0003.pdf: encrypted PDF"};
  for (int i = 0; i < 3; ++i) {
    auto pix = ingest::DecodePage(pages[i]);
    REQUIRE_FALSE(pix);
    CHECK_THAT(pix.error().message, Catch::StartsWith(reasons[i]));
    // The path of the file (a content store's, in the workers) is not in the reason.
    CHECK_THAT(pix.error().message, !Catch::Contains(box.path().string()));
  }
}
