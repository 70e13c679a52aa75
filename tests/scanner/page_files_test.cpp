// Page numbering in a box folder and the frame -> Leptonica conversion for each SANE layout.
#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>

#include "frame_to_pix.h"
#include "page_files.h"
#include "temp_dir.h"

namespace mailroom::scanner {
namespace {

using mailroom::testing::TempDir;

l_uint32 PixelAt(const PixPtr& pix, int x, int y) {
  l_uint32 value = 0;
  pixGetPixel(pix.get(), x, y, &value);
  return value;
}

TEST_CASE("Page file names have four digits or more", "[scanner]") {
  CHECK(PageFileName(1) == "0001.tif");
  CHECK(PageFileName(26) == "0026.tif");
  CHECK(PageFileName(12345) == "12345.tif");
}

TEST_CASE("HighestPageNumber sees only NNNN.tif files", "[scanner]") {
  TempDir dir;
  CHECK(HighestPageNumber(dir / "missing").value() == 0);
  CHECK(HighestPageNumber(dir.path()).value() == 0);
  for (const char* name :
       {"0002.tif", "0010.tif", ".0011.tif.tmp123", "0099.tif.tmp", "12.tif", "abcd.tif", "0050.tiff", "0077.pdf"}) {
    std::ofstream(dir / name) << "x";
  }
  CHECK(HighestPageNumber(dir.path()).value() == 10);
  std::ofstream(dir / "10000.tif") << "x";
  CHECK(HighestPageNumber(dir.path()).value() == 10000);
}

TEST_CASE("1-bit gray with line padding: SANE's 1 is Leptonica's black", "[scanner]") {
  Frame frame;
  frame.depth = 1;
  frame.width = 10;  // 2 bytes of pixels, 2 bytes of padding per line
  frame.height = 2;
  frame.bytes_per_line = 4;
  frame.data = {0b10000000, 0b01111111, 0xAA, 0xAA,   // pixels 0 and 9 black; bits past pixel 9 are padding
                0b00000001, 0b10000000, 0xAA, 0xAA};  // pixels 7 and 8 black
  auto pix = PixFromFrame(frame, 200);
  REQUIRE(pix);
  CHECK(pixGetDepth(pix->get()) == 1);
  CHECK(PixelAt(*pix, 0, 0) == 1);
  CHECK(PixelAt(*pix, 1, 0) == 0);
  CHECK(PixelAt(*pix, 9, 0) == 1);
  CHECK(PixelAt(*pix, 7, 1) == 1);
  CHECK(PixelAt(*pix, 8, 1) == 1);
  CHECK(PixelAt(*pix, 9, 1) == 0);
  l_int32 black = 0;
  pixCountPixels(pix->get(), &black, nullptr);
  CHECK(black == 4);  // padding bits do not count
  CHECK(pixGetXRes(pix->get()) == 200);
}

TEST_CASE("8-bit gray with padding keeps every pixel in place", "[scanner]") {
  Frame frame;
  frame.width = 5;
  frame.height = 2;
  frame.bytes_per_line = 7;
  frame.data = {1, 2, 3, 4, 5, 0, 0, 6, 7, 8, 9, 10, 0, 0};
  auto pix = PixFromFrame(frame, 300);
  REQUIRE(pix);
  CHECK(PixelAt(*pix, 0, 0) == 1);
  CHECK(PixelAt(*pix, 4, 0) == 5);
  CHECK(PixelAt(*pix, 0, 1) == 6);
  CHECK(PixelAt(*pix, 4, 1) == 10);
}

TEST_CASE("16-bit gray (host byte order) becomes its high byte", "[scanner]") {
  Frame frame;
  frame.depth = 16;
  frame.width = 2;
  frame.height = 1;
  frame.bytes_per_line = 4;
  uint16_t samples[2] = {0x12ff, 0xfe01};
  frame.data.resize(4);
  std::memcpy(frame.data.data(), samples, 4);
  auto pix = PixFromFrame(frame, 300);
  REQUIRE(pix);
  CHECK(pixGetDepth(pix->get()) == 8);
  CHECK(PixelAt(*pix, 0, 0) == 0x12);
  CHECK(PixelAt(*pix, 1, 0) == 0xfe);
}

TEST_CASE("8-bit RGB becomes 32 bpp", "[scanner]") {
  Frame frame;
  frame.format = Frame::Format::kRgb;
  frame.width = 2;
  frame.height = 1;
  frame.bytes_per_line = 8;
  frame.data = {10, 20, 30, 40, 50, 60, 0, 0};
  auto pix = PixFromFrame(frame, 300);
  REQUIRE(pix);
  l_int32 r = 0, g = 0, b = 0;
  pixGetRGBPixel(pix->get(), 1, 0, &r, &g, &b);
  CHECK((r == 40 && g == 50 && b == 60));
}

TEST_CASE("Frames that do not add up are refused", "[scanner]") {
  Frame frame;
  frame.width = 5;
  frame.height = 2;
  frame.bytes_per_line = 5;
  frame.data.resize(6);
  CHECK_FALSE(PixFromFrame(frame, 300));
  frame.format = Frame::Format::kRgb;
  frame.depth = 1;
  CHECK_FALSE(PixFromFrame(frame, 300));
}

TEST_CASE("WritePage writes a readable TIFF with mode 0600", "[scanner]") {
  TempDir dir;
  Frame frame;
  frame.width = 8;
  frame.height = 8;
  frame.bytes_per_line = 8;
  frame.data.assign(64, 128);
  REQUIRE(WritePage(dir.path(), 3, frame, 150));
  PixPtr pix(pixRead((dir / "0003.tif").c_str()));
  REQUIRE(pix);
  CHECK(PixelAt(pix, 3, 3) == 128);
  CHECK(pixGetYRes(pix.get()) == 150);
  CHECK((std::filesystem::status(dir / "0003.tif").permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}

}  // namespace
}  // namespace mailroom::scanner
