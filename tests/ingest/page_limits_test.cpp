// The page limits (ingest::PageLimits, --max-page-pixels and --max-frames): a TIFF of 10^6 frames
// and a PDF of 10^5 pages are one unreadable page each, found fast; a PDF page or an image in it
// that claims more pixels than a page may have is refused before rendering; a zip bomb is refused
// by its claim or bounded while decoding. And the memory of decoding one page stays under the
// bound the README states (README "Input limits"): kBytesPerPixel x max pixels + kDecoderSlack.
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "mailroom/ingest/box.h"
#include "temp_dir.h"
#include "test_images.h"
#include "test_pdfs.h"
#include "tiff_frames.h"

using namespace mailroom;
using testing::TempDir;
using testing::WriteTiffFrames;
namespace fs = std::filesystem;

namespace {

// The stated bound (README): decoding one page needs at most this many bytes a pixel of the
// pixel limit, plus this much of the decoders' own.
constexpr std::int64_t kBytesPerPixel = 8;
constexpr std::int64_t kDecoderSlack = std::int64_t{64} << 20;

void PutBig(std::string& out, std::uint32_t value) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>(value >> (8 * i)));
}

void PngChunk(std::string& png, const char* type, const std::string& data) {
  PutBig(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  PutBig(png, static_cast<std::uint32_t>(
                  crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

// A real PNG of `width` x `height` pixels (8-bit grey, or RGB when `channels` is 3), all black:
// a deflate stream of zeros that expands about a thousand times.
std::string BlackPng(std::uint32_t width, std::uint32_t height, int channels) {
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  PutBig(header, width);
  PutBig(header, height);
  header += std::string{8, static_cast<char>(channels == 3 ? 2 : 0), 0, 0, 0};
  PngChunk(png, "IHDR", header);
  PngChunk(png, "IDAT",
           testing::DeflatedZeros(static_cast<std::uint64_t>(height) * (1 + std::uint64_t{width} * channels)));
  PngChunk(png, "IEND", "");
  return png;
}

template <typename F>
double Seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Decoding {
  std::int64_t peak = -1;  // bytes; -1 when the child failed
  std::int64_t decoded = 0;
};

// The peak resident memory that listing and decoding every page of `box` adds, measured in a
// child process (its peak reset first, /proc/self/clear_refs), and the number of pages decoded.
Decoding PeakOfDecoding(const fs::path& box) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    auto read_kb = [](const char* key) -> std::int64_t {
      std::ifstream status("/proc/self/status");
      std::string line;
      while (std::getline(status, line)) {
        if (line.rfind(key, 0) == 0) return std::stoll(line.substr(std::string(key).size()));
      }
      return -1;
    };
    const std::int64_t before = read_kb("VmRSS:");
    { std::ofstream("/proc/self/clear_refs") << "5"; }
    Decoding result;
    auto pages = ingest::ListPages(box);
    if (pages) {
      for (const auto& page : *pages) result.decoded += ingest::DecodePage(page) ? 1 : 0;
    }
    result.peak = (read_kb("VmHWM:") - before) * 1024;
    (void)!write(fds[1], &result, sizeof result);
    _exit(pages ? 0 : 1);
  }
  close(fds[1]);
  Decoding result;
  if (read(fds[0], &result, sizeof result) != sizeof result) result = {};
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) result.peak = -1;
  return result;
}

}  // namespace

TEST_CASE("a TIFF of 10^6 frames is one unreadable page, its directories not walked", "[ingest][limits]") {
  TempDir box;
  WriteTiffFrames(box / "0001.tif", 1'000'000);
  std::vector<ingest::PageSource> pages;
  const double seconds = Seconds([&] {
    auto listed = ingest::ListPages(box.path());
    REQUIRE(listed);
    pages = *listed;
  });
  WARN("10^6-frame TIFF refused in " << seconds << " s");
  CHECK(seconds < 1.0);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].name == "0001.tif");
  CHECK(pages[0].listing_error == "a TIFF of more than 1000 pages, the most a file may have; not decoded");
  auto pix = ingest::DecodePage(pages[0]);
  REQUIRE_FALSE(pix);
  CHECK_THAT(pix.error().message, Catch::StartsWith("0001.tif: a TIFF of more than 1000 pages"));
}

TEST_CASE(
    "the frame limit (--max-frames): a file of as many frames or pages as the limit is listed, one more is refused",
    "[ingest][limits]") {
  TempDir box;
  WriteTiffFrames(box / "0001.tif", 3);
  PixPtr page = testing::MakeGreyPage();
  testing::WriteFile(box / "0002.pdf", testing::ScanPdf({{page.get(), 300}, {page.get(), 300}, {page.get(), 300}}));
  ingest::PageLimits limits;
  limits.max_frames = 3;
  auto pages = ingest::ListPages(box.path(), limits);
  REQUIRE(pages);
  REQUIRE(pages->size() == 6);
  CHECK((*pages)[2].name == "0001.tif#3");
  CHECK((*pages)[5].name == "0002.pdf#3");
  for (const auto& p : *pages) {
    INFO(p.name);
    CHECK(ingest::DecodePage(p));
  }
  limits.max_frames = 2;
  pages = ingest::ListPages(box.path(), limits);
  REQUIRE(pages);
  REQUIRE(pages->size() == 2);
  CHECK((*pages)[0].listing_error == "a TIFF of more than 2 pages, the most a file may have; not decoded");
  CHECK((*pages)[1].listing_error == "a PDF of more than 2 pages, the most a file may have; not decoded");
  // A worker given a page past the limit (its ingest had a higher one) refuses it too.
  ingest::PageSource third{"0002.pdf#3", box / "0002.pdf", 2, "", limits};
  auto pix = ingest::DecodePage(third);
  REQUIRE_FALSE(pix);
  CHECK(pix.error().message == "0002.pdf#3: a PDF of 3 pages, more than the 2 a file may have; not decoded");
  ingest::PageSource frame{"0001.tif#3", box / "0001.tif", 2, "", limits};
  pix = ingest::DecodePage(frame);
  REQUIRE_FALSE(pix);
  CHECK(pix.error().message == "0001.tif#3: frame 3 is past the 2 frames a file may have; not decoded");
}

TEST_CASE("a PDF of a 10^5-page tree is one unreadable page, refused from its count", "[ingest][limits][pdf]") {
  TempDir box;
  testing::WriteFile(box / "0001.pdf", testing::ManyPagePdf(100'000));
  std::vector<ingest::PageSource> pages;
  const double seconds = Seconds([&] {
    auto listed = ingest::ListPages(box.path());
    REQUIRE(listed);
    pages = *listed;
  });
  WARN("10^5-page PDF (" << fs::file_size(box / "0001.pdf") / 1000 << " KB) refused in " << seconds << " s");
  CHECK(seconds < 2.0);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].listing_error == "a PDF of more than 1000 pages, the most a file may have; not decoded");
  // Its first page handed to a worker directly is refused as well, without walking the tree.
  ingest::PageSource first{"0001.pdf#1", box / "0001.pdf", 0, ""};
  auto pix = ingest::DecodePage(first);
  REQUIRE_FALSE(pix);
  CHECK(pix.error().message == "0001.pdf#1: a PDF of 100000 pages, more than the 1000 a file may have; not decoded");
}

TEST_CASE("a PDF page or image claiming more pixels than a page may have is refused unrendered",
          "[ingest][limits][pdf]") {
  TempDir box;
  // An image of 200000 x 200000 pixels in a stream of a few KB (10 MB of zeros deflated).
  testing::WriteFile(box / "0001.pdf", testing::ImageBombPdf(200'000, 200'000, 10'000'000));
  // A page of 200 x 200 inches: 60000 x 60000 pixels at 300 dpi.
  testing::WriteFile(box / "0002.pdf", testing::GiantPagePdf(14400, 14400));
  auto pages = ingest::ListPages(box.path());
  REQUIRE(pages);
  REQUIRE(pages->size() == 2);
  auto bomb = ingest::DecodePage((*pages)[0]);
  REQUIRE_FALSE(bomb);
  CHECK(bomb.error().message ==
        "0001.pdf: page 1 draws an image that claims 200000 x 200000 pixels, more than the 69605736 pixels a page "
        "may have; not decoded");
  auto giant = ingest::DecodePage((*pages)[1]);
  REQUIRE_FALSE(giant);
  CHECK(giant.error().message ==
        "0002.pdf: page 1: 14400 x 14400 pt at 300 dpi would be 3600 megapixels, more than 70; not rendered");
}

TEST_CASE("the pixel limit (--max-page-pixels) refuses what the default takes, naming the setting",
          "[ingest][limits]") {
  TempDir box;
  testing::WritePage(box / "0001.png", IFF_PNG);  // 400 x 500
  ingest::PageLimits limits;
  limits.max_page_pixels = 400 * 500 - 1;
  auto pages = ingest::ListPages(box.path());
  REQUIRE(pages);
  CHECK(ingest::DecodePage((*pages)[0]));
  pages = ingest::ListPages(box.path(), limits);
  REQUIRE(pages);
  auto pix = ingest::DecodePage((*pages)[0]);
  REQUIRE_FALSE(pix);
  CHECK(pix.error().message ==
        "0001.png: the image claims 400 x 500 pixels, more than a page can have (--max-page-pixels 199999 pixels); "
        "not decoded");
}

TEST_CASE("a zip bomb within the claim decodes within the claim", "[ingest][limits][pdf]") {
  TempDir box;
  // An A4 300 dpi image (2480 x 3508, 8.7 MB) whose stream inflates to 256 MB: only the claimed
  // rows are read.
  testing::WriteFile(box / "0001.pdf", testing::ImageBombPdf(2480, 3508, 256u << 20));
  auto pages = ingest::ListPages(box.path());
  REQUIRE(pages);
  auto pix = ingest::DecodePage((*pages)[0]);
  REQUIRE(pix);
  CHECK(std::abs(pixGetWidth(pix->get()) - 2480) <= 1);
}

TEST_CASE("decoding one page stays under the stated memory bound, hostile or at the limit", "[ingest][limits]") {
  const std::int64_t bound = kBytesPerPixel * ingest::kMaxPagePixels + kDecoderSlack;
  const fs::path corpus = fs::path(MAILROOM_SOURCE_DIR) / "fuzz" / "corpus" / "page_decoder";
  struct Case {
    std::string what;
    std::function<void(const fs::path&)> write;
    int decoded;  // pages decoded; none: refused unread, then it stays under the slack alone
  };
  const std::vector<Case> cases = {
      {"a PNG header claiming 200000 x 200000",
       [&](const fs::path& box) { fs::copy_file(corpus / "claims_200000x200000.png", box / "0001.png"); }, 0},
      {"a JPEG of 438 bytes claiming 60000 x 30000",
       [&](const fs::path& box) { fs::copy_file(corpus / "claims_60000x30000.jpg", box / "0001.jpg"); }, 0},
      {"a TIFF whose tiny second strip claims 100000 x 100000",
       [&](const fs::path& box) { fs::copy_file(corpus / "second_frame_claims_100000x100000.tif", box / "0001.tif"); },
       1},
      {"a TIFF of 10^6 frames", [](const fs::path& box) { WriteTiffFrames(box / "0001.tif", 1'000'000); }, 0},
      {"a PDF of a 10^5-page tree",
       [](const fs::path& box) { testing::WriteFile(box / "0001.pdf", testing::ManyPagePdf(100'000)); }, 0},
      {"a PDF image claiming 200000 x 200000",
       [](const fs::path& box) {
         testing::WriteFile(box / "0001.pdf", testing::ImageBombPdf(200'000, 200'000, 10'000'000));
       },
       0},
      {"a PDF image of A4 at 300 dpi inflating to 256 MB",
       [](const fs::path& box) { testing::WriteFile(box / "0001.pdf", testing::ImageBombPdf(2480, 3508, 256u << 20)); },
       1},
      {"a grey PNG of A3 at 600 dpi (the limit), 70 KB inflating to 70 MB",
       [](const fs::path& box) { testing::WriteFile(box / "0001.png", BlackPng(7016, 9921, 1)); }, 1},
      {"an RGB PNG of A3 at 600 dpi (the limit), inflating to 209 MB",
       [](const fs::path& box) { testing::WriteFile(box / "0001.png", BlackPng(7016, 9921, 3)); }, 1},
  };
  for (const Case& c : cases) {
    TempDir box;
    c.write(box.path());
    Decoding result;
    const double seconds = Seconds([&] { result = PeakOfDecoding(box.path()); });
    WARN(c.what << ": peak " << result.peak / (1 << 20) << " MiB in " << seconds << " s (bound " << bound / (1 << 20)
                << " MiB)");
    INFO(c.what);
    REQUIRE(result.peak >= 0);
    CHECK(result.decoded == c.decoded);
    CHECK(result.peak < (c.decoded == 0 ? kDecoderSlack : bound));
  }
}
