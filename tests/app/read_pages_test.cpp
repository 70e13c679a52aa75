// The worker pool with fake readers: every page comes back once, in scan order, whatever a reader
// does (a library that throws must not lose the page or end the run).
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

#include "read_pages.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;

namespace {

// Reads every page as content with its name as text; throws on the page named `poison`.
class FakeReader final : public ocr::PageReader {
 public:
  FakeReader(std::string poison, std::atomic<int>& calls) : poison_(std::move(poison)), calls_(calls) {}
  PageReading Read(const std::string& name, int index, const Pix&) override {
    ++calls_;
    if (name == poison_) throw std::runtime_error("engine crashed");
    PageReading page;
    page.name = name;
    page.index = index;
    page.text = "text of " + name;
    return page;
  }

 private:
  std::string poison_;
  std::atomic<int>& calls_;
};

std::vector<ingest::PageSource> SmallBox(const TempDir& dir, int count) {
  std::vector<ingest::PageSource> pages;
  PixPtr pix(pixCreate(64, 64, 8));
  pixSetAll(pix.get());
  for (int i = 1; i <= count; ++i) {
    const std::string name = "000" + std::to_string(i) + ".png";
    REQUIRE(pixWrite((dir / name).c_str(), pix.get(), IFF_PNG) == 0);
    pages.push_back({name, dir / name, 0, ""});
  }
  return pages;
}

}  // namespace

TEST_CASE("ReadPages: every page once and in scan order, on several workers") {
  TempDir dir;
  const auto pages = SmallBox(dir, 7);
  std::atomic<int> calls{0};
  std::vector<int> progress;  // ReadPages calls it one at a time
  auto readings = app::ReadPages(
      pages, 3, [&]() -> Result<std::unique_ptr<ocr::PageReader>> { return std::make_unique<FakeReader>("", calls); },
      [&](int done) { progress.push_back(done); });
  REQUIRE(readings);
  REQUIRE(readings->size() == 7);
  CHECK(calls == 7);
  CHECK(progress == std::vector<int>{1, 2, 3, 4, 5, 6, 7});
  for (size_t i = 0; i < pages.size(); ++i) {
    CHECK((*readings)[i].name == pages[i].name);
    CHECK((*readings)[i].text == "text of " + pages[i].name);
  }
}

TEST_CASE("ReadPages: a reader that throws costs only that page, which comes back unreadable with the reason") {
  TempDir dir;
  const auto pages = SmallBox(dir, 3);
  std::atomic<int> calls{0};
  auto readings = app::ReadPages(pages, 2, [&]() -> Result<std::unique_ptr<ocr::PageReader>> {
    return std::make_unique<FakeReader>("0002.png", calls);
  });
  REQUIRE(readings);
  REQUIRE(readings->size() == 3);
  CHECK((*readings)[0].kind == PageKind::kContent);
  CHECK((*readings)[1].kind == PageKind::kUnreadable);
  CHECK_THAT((*readings)[1].error, Catch::Contains("0002.png") && Catch::Contains("engine crashed"));
  CHECK((*readings)[2].kind == PageKind::kContent);
}

TEST_CASE("ReadPages: an undecodable page never reaches the reader and is unreadable with the decoder's reason") {
  TempDir dir;
  auto pages = SmallBox(dir, 2);
  pages[1].listing_error = "unknown file type '.txt' (a page is .tif, .tiff, .png or .jpg)";
  std::atomic<int> calls{0};
  auto readings = app::ReadPages(
      pages, 1, [&]() -> Result<std::unique_ptr<ocr::PageReader>> { return std::make_unique<FakeReader>("", calls); });
  REQUIRE(readings);
  CHECK(calls == 1);
  CHECK((*readings)[1].kind == PageKind::kUnreadable);
  CHECK_THAT((*readings)[1].error, Catch::StartsWith("0002.png: unknown file type"));
}

TEST_CASE("ReadPages: when no worker can start, the run fails with the reason instead of losing pages") {
  TempDir dir;
  const auto pages = SmallBox(dir, 2);
  auto failing = []() -> Result<std::unique_ptr<ocr::PageReader>> { return Fail("cannot load Tesseract model 'deu'"); };
  auto readings = app::ReadPages(pages, 2, failing);
  REQUIRE_FALSE(readings);
  CHECK_THAT(readings.error().message, Catch::Contains("cannot load Tesseract model 'deu'"));

  auto throwing = []() -> Result<std::unique_ptr<ocr::PageReader>> { throw std::bad_alloc(); };
  readings = app::ReadPages(pages, 2, throwing);
  REQUIRE_FALSE(readings);
  CHECK_THAT(readings.error().message, Catch::Contains("internal error"));
}
