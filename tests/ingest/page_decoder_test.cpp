#include <catch2/catch.hpp>
#include <fstream>

#include "mailroom/ingest/box.h"
#include "temp_dir.h"
#include "test_images.h"

using namespace mailroom;
using testing::TempDir;

namespace {

ingest::PageSource SourceFor(const std::filesystem::path& path) {
  return {path.filename().string(), path, 0, ""};
}

}  // namespace

TEST_CASE("DecodePage reads every page format a box may hold") {
  TempDir box;
  auto [name, format, depth] = GENERATE(table<std::string, int, int>({
      {"0001.tif", IFF_TIFF_G4, 1},
      {"0002.tif", IFF_TIFF_LZW, 8},
      {"0003.png", IFF_PNG, 8},
      {"0004.jpg", IFF_JFIF_JPEG, 8},
  }));
  testing::WritePage(box / name, format);
  auto pix = ingest::DecodePage(SourceFor(box / name));
  REQUIRE(pix);
  CHECK(pixGetWidth(pix->get()) == 400);
  CHECK(pixGetDepth(pix->get()) == depth);
  CHECK(pixGetXRes(pix->get()) > 0);
}

TEST_CASE("DecodePage fails with the file name and a reason for a truncated image") {
  TempDir box;
  auto [name, format] = GENERATE(table<std::string, int>({
      {"0001.tif", IFF_TIFF_G4},
      {"0002.tif", IFF_TIFF_LZW},
      {"0003.png", IFF_PNG},
      {"0004.jpg", IFF_JFIF_JPEG},
  }));
  testing::WritePage(box / name, format);
  testing::Truncate(box / name, 0.5);
  auto pix = ingest::DecodePage(SourceFor(box / name));
  REQUIRE_FALSE(pix);
  CHECK_THAT(pix.error().message, Catch::StartsWith(name + ": "));
}

TEST_CASE("DecodePage rejects a file whose content is not an image") {
  TempDir box;
  std::ofstream(box / "0001.png") << "this is not a PNG at all, just text that got the wrong name";
  auto pix = ingest::DecodePage(SourceFor(box / "0001.png"));
  REQUIRE_FALSE(pix);
  CHECK_THAT(pix.error().message, Catch::Contains("0001.png: not a TIFF, PNG or JPEG image"));
}

TEST_CASE("DecodePage sets 300 dpi on an image without a resolution") {
  TempDir box;
  PixPtr page = testing::MakeGreyPage();
  pixSetResolution(page.get(), 0, 0);
  REQUIRE(pixWrite((box / "0001.png").c_str(), page.get(), IFF_PNG) == 0);
  auto pix = ingest::DecodePage(SourceFor(box / "0001.png"));
  REQUIRE(pix);
  CHECK(pixGetXRes(pix->get()) == 300);
}
