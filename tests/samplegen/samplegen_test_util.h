// Helpers shared by the sample generator's tests: temp folders, reading files and JSON, small boxes,
// grey statistics of page regions.
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/image/pix.h"
#include "mailroom/samplegen/samplegen.h"

namespace samplegen_test {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed at scope exit.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("mailroom_samplegen_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string Slurp(const fs::path& path) {
  auto bytes = mailroom::ReadWholeFile(path);
  REQUIRE(bytes.has_value());
  return *bytes;
}

inline nlohmann::json ReadJson(const fs::path& path) {
  return nlohmann::json::parse(Slurp(path));
}

// Tests that do not look at pixels render at 100 dpi: nine times fewer pixels than 300 dpi.
inline mailroom::samplegen::SampleOptions SmallBox(const fs::path& out, unsigned seed, int envelopes, int dpi = 100) {
  mailroom::samplegen::SampleOptions options;
  options.out_dir = out;
  options.seed = seed;
  options.envelopes = envelopes;
  options.dpi = dpi;
  return options;
}

// --- Pixels -----------------------------------------------------------------------------------

struct Stats {
  double mean = 0;
  int min = 255;
  long dark = 0;  ///< pixels below 100
  long ink = 0;   ///< pixels below 160
};

// Grey statistics of a rectangle (pixels; clipped to the image); 1 bpp images read as 0 / 255.
inline Stats Region(Pix* pix, int x0, int y0, int w, int h) {
  mailroom::PixPtr grey(pixConvertTo8(pix, 0));
  REQUIRE(grey);
  int pw = static_cast<int>(pixGetWidth(grey.get()));
  int ph = static_cast<int>(pixGetHeight(grey.get()));
  Stats stats;
  long sum = 0;
  long n = 0;
  for (int y = std::max(0, y0); y < std::min(ph, y0 + h); ++y) {
    const l_uint32* line = pixGetData(grey.get()) + static_cast<std::ptrdiff_t>(y) * pixGetWpl(grey.get());
    for (int x = std::max(0, x0); x < std::min(pw, x0 + w); ++x, ++n) {
      int v = static_cast<int>(GET_DATA_BYTE(line, x));
      sum += v;
      stats.min = std::min(stats.min, v);
      stats.dark += v < 100 ? 1 : 0;
      stats.ink += v < 160 ? 1 : 0;
    }
  }
  stats.mean = n > 0 ? static_cast<double>(sum) / n : 0;
  return stats;
}

inline Stats Whole(Pix* pix) {
  return Region(pix, 0, 0, static_cast<int>(pixGetWidth(pix)), static_cast<int>(pixGetHeight(pix)));
}

inline int Mm(double mm, int dpi) {
  return static_cast<int>(std::lround(mm * dpi / 25.4));
}

inline mailroom::PixPtr ReadPage(const fs::path& box, const nlohmann::json& page) {
  mailroom::PixPtr pix(pixRead((box / page["file"].get<std::string>()).c_str()));
  REQUIRE(pix);
  return pix;
}

inline bool HasDefect(const nlohmann::json& page, const std::string& name) {
  if (!page.contains("defects")) return false;
  const nlohmann::json& list = page["defects"];
  return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace samplegen_test
