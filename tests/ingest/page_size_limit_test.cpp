// A page file whose header claims more pixels than a page can have is refused from the header,
// before the decoder allocates for it (found by fuzz/page_decoder_fuzz.cpp: a JPEG of 438 bytes
// claiming 60000 x 30000 pixels took 1.9 GB and 4 s to fail).
#include <malloc.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "mailroom/ingest/box.h"
#include "temp_dir.h"
#include "test_images.h"

using namespace mailroom;
using testing::TempDir;

namespace {

using Bytes = std::vector<std::uint8_t>;

void WriteBytes(const std::filesystem::path& path, const Bytes& bytes) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

Bytes ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

void PutBigEndian(Bytes& out, std::uint32_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

std::uint32_t Crc32(const Bytes& bytes, std::size_t from) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = from; i < bytes.size(); ++i) {
    crc ^= bytes[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// A PNG of an 8-bit grey image whose IHDR (with a valid CRC) claims width x height; no pixel data.
Bytes PngClaiming(std::uint32_t width, std::uint32_t height) {
  Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  PutBigEndian(png, 13, 4);
  const std::size_t chunk = png.size();
  png.insert(png.end(), {'I', 'H', 'D', 'R'});
  PutBigEndian(png, width, 4);
  PutBigEndian(png, height, 4);
  png.insert(png.end(), {8, 0, 0, 0, 0});  // 8 bits, grey, deflate, adaptive filter, no interlace
  PutBigEndian(png, Crc32(png, chunk), 4);
  PutBigEndian(png, 0, 4);
  png.insert(png.end(), {'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82});
  return png;
}

void PutLittleEndian(Bytes& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

// An uncompressed 8-bit grey TIFF of two frames: 16 x 16 pixels, then one claiming width x height
// (both frames point at the same 256 bytes of pixels).
Bytes TiffWithSecondFrame(std::uint32_t width, std::uint32_t height) {
  Bytes tiff = {'I', 'I', 42, 0};
  PutLittleEndian(tiff, 8 + 256, 4);  // the first frame's directory follows the pixels
  tiff.resize(8 + 256, 0x80);
  auto directory = [&tiff](std::uint32_t w, std::uint32_t h, bool last) {
    const std::uint16_t kShort = 3;
    const std::uint16_t kLong = 4;
    const struct {
      std::uint16_t tag, type;
      std::uint32_t value;
    } entries[] = {{256, kLong, w}, {257, kLong, h},  {258, kShort, 8}, {259, kShort, 1}, {262, kShort, 1},
                   {273, kLong, 8}, {277, kShort, 1}, {278, kLong, h},  {279, kLong, 256}};
    PutLittleEndian(tiff, std::size(entries), 2);
    for (const auto& e : entries) {
      PutLittleEndian(tiff, e.tag, 2);
      PutLittleEndian(tiff, e.type, 2);
      PutLittleEndian(tiff, 1, 4);
      PutLittleEndian(tiff, e.value, 4);
    }
    PutLittleEndian(tiff, last ? 0 : static_cast<std::uint32_t>(tiff.size() + 4), 4);
  };
  directory(16, 16, false);
  directory(width, height, true);
  return tiff;
}

}  // namespace

TEST_CASE("DecodePage refuses a JPEG whose header claims 60000 x 30000 pixels, from the header") {
  TempDir box;
  testing::WritePage(box / "0001.jpg", IFF_JFIF_JPEG);
  Bytes jpeg = ReadBytes(box / "0001.jpg");
  const Bytes sof0 = {0xFF, 0xC0};
  auto at = std::search(jpeg.begin(), jpeg.end(), sof0.begin(), sof0.end());
  REQUIRE(at != jpeg.end());
  const std::size_t dims = static_cast<std::size_t>(at - jpeg.begin()) + 5;  // height, then width
  jpeg[dims] = 30000 >> 8;
  jpeg[dims + 1] = 30000 & 0xFF;
  jpeg[dims + 2] = 60000 >> 8;
  jpeg[dims + 3] = 60000 & 0xFF;
  WriteBytes(box / "0001.jpg", jpeg);
  auto pix = ingest::DecodePage({"0001.jpg", box / "0001.jpg", 0, ""});
  REQUIRE_FALSE(pix);
  CHECK(pix.error().message ==
        "0001.jpg: the image claims 60000 x 30000 pixels, more than a page can have (A3 at 600 dpi, 69605736 "
        "pixels); not decoded");
}

TEST_CASE("DecodePage refuses a PNG whose header claims 200000 x 200000 pixels") {
  TempDir box;
  WriteBytes(box / "0001.png", PngClaiming(200000, 200000));
  auto pix = ingest::DecodePage({"0001.png", box / "0001.png", 0, ""});
  REQUIRE_FALSE(pix);
  CHECK_THAT(pix.error().message, Catch::Contains("0001.png: the image claims 200000 x 200000 pixels"));
}

TEST_CASE("DecodePage checks the claimed size of each frame of a multi-page TIFF") {
  TempDir box;
  WriteBytes(box / "0001.tif", TiffWithSecondFrame(100000, 100000));
  auto pages = ingest::ListPages(box.path());
  REQUIRE(pages);
  REQUIRE(pages->size() == 2);
  auto first = ingest::DecodePage((*pages)[0]);
  REQUIRE(first);
  CHECK(pixGetWidth(first->get()) == 16);
  auto second = ingest::DecodePage((*pages)[1]);
  REQUIRE_FALSE(second);
  CHECK_THAT(second.error().message, Catch::Contains("0001.tif#2: the image claims 100000 x 100000 pixels"));
}

TEST_CASE("DecodePage reads a page as large as an A3 sheet at 600 dpi claims, and no larger") {
  TempDir box;
  // Only the header matters for the check: both frames point at the same few pixels, so the first
  // fails in the decoder (truncated data), not for its size.
  WriteBytes(box / "0001.tif", TiffWithSecondFrame(7016, 9921));
  WriteBytes(box / "0002.tif", TiffWithSecondFrame(7016, 9922));
  auto at_limit = ingest::DecodePage({"0001.tif#2", box / "0001.tif", 1, ""});
  auto over = ingest::DecodePage({"0002.tif#2", box / "0002.tif", 1, ""});
  if (!at_limit) CHECK_THAT(at_limit.error().message, !Catch::Contains("claims"));
  REQUIRE_FALSE(over);
  CHECK_THAT(over.error().message, Catch::Contains("claims 7016 x 9922 pixels"));
}

TEST_CASE("DecodePage's size check of a TIFF frame that cannot be read leaks nothing") {
  // Two frames listed, the second unreadable: Leptonica's readHeaderTiff leaked its TIFF there,
  // about 4 KB a page (found by the page-decoder fuzz target; the input is in its corpus).
  const ingest::PageSource second{
      "0001.tif#2", std::filesystem::path(MAILROOM_SOURCE_DIR) / "fuzz/corpus/page_decoder/leak_in_header_read.tif", 1,
      ""};
  REQUIRE_FALSE(ingest::DecodePage(second));
  const auto before = static_cast<long long>(mallinfo2().uordblks);
  for (int i = 0; i < 200; ++i) CHECK_FALSE(ingest::DecodePage(second));
  CHECK(static_cast<long long>(mallinfo2().uordblks) - before < 64 * 1024);
}
