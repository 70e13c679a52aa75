// Whole batches against SANE's test backend: its ADF reports the feeder empty after 10 sheets
// (counted per sane_open), and its default picture is solid black.
#include <sys/stat.h>

#include "sane_test_env.h"

namespace mailroom::scanner::testing {
namespace {

// 20 x 30 mm at 75 dpi, as the test backend computes it.
constexpr int kWidth = 59;
constexpr int kHeight = 88;

ino_t Inode(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_ino;
}

TEST_CASE("An ADF batch in gray writes 10 LZW TIFF pages, then the feeder is empty", "[scanner][sane]") {
  SaneTestEnv env;
  std::vector<ScanProgress> progress;
  auto result = CaptureBatch(env.session(), SmallScan(), env.box(), std::nullopt,
                             [&](const ScanProgress& p) { progress.push_back(p); });
  REQUIRE(result);
  CHECK(result->feeder_empty);
  CHECK_FALSE(result->fault);
  CHECK(result->sheets_captured == 10);
  CHECK(result->pages_captured == 10);
  CHECK(result->pages_in_box == 10);
  CHECK(result->resolution_dpi == 75);
  CHECK(result->message == "Feeder empty: 10 sheets scanned, pages 0001.tif to 0010.tif.");
  CHECK(PageNames(env.box()) == NumberedPages(1, 10));
  REQUIRE(progress.size() == 10);
  CHECK(progress.back().sheets_captured == 10);
  CHECK(progress.back().pages_in_box == 10);

  for (const std::string& name : NumberedPages(1, 10)) {
    CHECK(FileMode(env.box() / name) == 0600);
    CHECK(FileFormat(env.box() / name) == IFF_TIFF_LZW);
  }
  PixPtr page = ReadPage(env.box() / "0007.tif");
  CHECK(pixGetWidth(page.get()) == kWidth);
  CHECK(pixGetHeight(page.get()) == kHeight);
  CHECK(pixGetDepth(page.get()) == 8);
  CHECK(pixGetXRes(page.get()) == 75);
  CHECK(pixGetYRes(page.get()) == 75);
  l_uint32 value = 99;
  pixGetPixel(page.get(), kWidth / 2, kHeight / 2, &value);
  CHECK(value == 0);  // solid black
}

TEST_CASE("Lineart writes 1-bit CCITT G4 pages with black as black", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan();
  settings.mode = ColorMode::kLineart;
  settings.source = "Flatbed";
  auto black = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(black);
  settings.options.push_back("test-picture=Solid white");
  auto white = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(white);

  CHECK(FileFormat(env.box() / "0001.tif") == IFF_TIFF_G4);
  PixPtr black_page = ReadPage(env.box() / "0001.tif");
  CHECK(pixGetDepth(black_page.get()) == 1);
  CHECK(pixGetWidth(black_page.get()) == kWidth);
  CHECK(pixGetXRes(black_page.get()) == 75);
  l_int32 black_pixels = 0;
  pixCountPixels(black_page.get(), &black_pixels, nullptr);
  CHECK(black_pixels == kWidth * kHeight);
  PixPtr white_page = ReadPage(env.box() / "0002.tif");
  pixCountPixels(white_page.get(), &black_pixels, nullptr);
  CHECK(black_pixels == 0);
}

TEST_CASE("Color writes 32 bpp LZW pages", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan({"test-picture=Solid white"});
  settings.mode = ColorMode::kColor;
  settings.source = "flatbed";
  auto result = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(result);
  CHECK(FileFormat(env.box() / "0001.tif") == IFF_TIFF_LZW);
  PixPtr page = ReadPage(env.box() / "0001.tif");
  CHECK(pixGetDepth(page.get()) == 32);
  l_int32 r = 0, g = 0, b = 0;
  pixGetRGBPixel(page.get(), 3, 3, &r, &g, &b);
  CHECK((r == 255 && g == 255 && b == 255));
}

TEST_CASE("16-bit gray is reduced to 8 bits", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan({"depth=16", "test-picture=Solid white"});
  settings.source = "Flatbed";
  auto result = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(result);
  PixPtr page = ReadPage(env.box() / "0001.tif");
  CHECK(pixGetDepth(page.get()) == 8);
  l_uint32 value = 0;
  pixGetPixel(page.get(), 5, 5, &value);
  CHECK(value == 255);
}

TEST_CASE("A hand scanner (height unknown in advance) gives a full page", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan({"hand-scanner=yes"});
  settings.source = "Flatbed";
  auto result = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(result);
  PixPtr page = ReadPage(env.box() / "0001.tif");
  CHECK(pixGetWidth(page.get()) == 324);  // the test backend's fixed 11 cm
  CHECK(pixGetHeight(page.get()) > 0);
}

TEST_CASE("A flatbed batch is exactly one sheet", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan();
  settings.source = "Flatbed";
  int calls = 0;
  auto result = CaptureBatch(env.session(), settings, env.box(), std::nullopt, [&](const ScanProgress&) { ++calls; });
  REQUIRE(result);
  CHECK(result->sheets_captured == 1);
  CHECK(result->pages_captured == 1);
  CHECK_FALSE(result->feeder_empty);
  CHECK_FALSE(result->fault);
  CHECK(calls == 1);
  CHECK(result->message == "1 sheet scanned from the flatbed, page 0001.tif.");
  CHECK(PageNames(env.box()) == NumberedPages(1, 1));
}

TEST_CASE("A resumed box continues numbering and leaves earlier pages alone", "[scanner][sane]") {
  SaneTestEnv env;
  auto first = CaptureBatch(env.session(), SmallScan(), env.box());
  REQUIRE(first);
  REQUIRE(first->pages_in_box == 10);
  std::vector<ino_t> inodes;
  for (const std::string& name : NumberedPages(1, 10)) inodes.push_back(Inode(env.box() / name));

  // The backend's feeder count starts again at each sane_open, so the second batch has 10 more.
  auto second = CaptureBatch(env.session(), SmallScan(), env.box());
  REQUIRE(second);
  CHECK(second->pages_captured == 10);
  CHECK(second->pages_in_box == 20);
  CHECK(second->message == "Feeder empty: 10 sheets scanned, pages 0011.tif to 0020.tif.");
  CHECK(PageNames(env.box()) == NumberedPages(1, 20));
  std::vector<ino_t> after;
  for (const std::string& name : NumberedPages(1, 10)) after.push_back(Inode(env.box() / name));
  CHECK(after == inodes);
}

TEST_CASE("Numbering continues after the highest page even with gaps", "[scanner][sane]") {
  SaneTestEnv env;
  std::filesystem::create_directories(env.box());
  std::ofstream(env.box() / "0003.tif") << "x";
  std::ofstream(env.box() / "notes.txt") << "x";
  ScanSettings settings = SmallScan();
  settings.source = "Flatbed";
  auto result = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(result);
  CHECK(std::filesystem::exists(env.box() / "0004.tif"));
  CHECK(result->pages_in_box == 4);
}

TEST_CASE("NO_DOCS from sane_read means the feeder is empty, not a fault", "[scanner][sane]") {
  SaneTestEnv env;
  auto result = CaptureBatch(env.session(), SmallScan({"read-return-value=SANE_STATUS_NO_DOCS"}), env.box());
  REQUIRE(result);
  CHECK(result->feeder_empty);
  CHECK_FALSE(result->fault);
  CHECK(result->sheets_captured == 0);
  CHECK(result->message == "The feeder is empty: no sheets were scanned. Put the sheets in and scan again.");
  CHECK(PageNames(env.box()).empty());
}

TEST_CASE("The default source is the ADF; resolution is read back from the device", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan();
  settings.resolution_dpi = 100;
  auto result = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(result);
  CHECK(result->sheets_captured == 10);
  CHECK(result->resolution_dpi == 100);
  CHECK(pixGetXRes(ReadPage(env.box() / "0001.tif").get()) == 100);
}

}  // namespace
}  // namespace mailroom::scanner::testing
