// A private SANE configuration with only the `test` backend (devices test:0 and test:1), and a
// SaneSession on it. One session per test case: the test backend keeps option values (even
// read-return-value) until sane_exit, so a fresh session keeps test cases independent.
#pragma once

#include <stdlib.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <leptonica/allheaders.h>

#include "mailroom/image/pix.h"
#include "mailroom/scanner/scanner.h"
#include "temp_dir.h"

namespace mailroom::scanner::testing {

/// The private SANE configuration, one per process: libsane's dll backend reads SANE_CONFIG_DIR
/// at the first sane_init only (its search path is cached for the life of the process), so every
/// session of the test run must use the same folder, and it must stay until the process ends.
inline const std::filesystem::path& SaneConfigDir() {
  static mailroom::testing::TempDir dir;
  static const bool written = [] {
    std::ofstream(dir / "dll.conf") << "test\n";
    std::error_code ec;
    std::filesystem::copy_file("/etc/sane.d/test.conf", dir / "test.conf", ec);
    if (ec) std::ofstream(dir / "test.conf") << "number_of_devices 2\n";  // the backend's defaults
    // Without a trailing ':' SANE looks in no other folder, so no real scanner is probed.
    ::setenv("SANE_CONFIG_DIR", dir.path().c_str(), 1);
    return true;
  }();
  (void)written;
  return dir.path();
}

class SaneTestEnv {
 public:
  SaneTestEnv() {
    SaneConfigDir();
    auto session = SaneSession::Open();
    REQUIRE(session);
    session_.emplace(std::move(*session));
  }

  SaneSession& session() { return *session_; }
  std::filesystem::path box() const { return work_ / "box"; }

 private:
  mailroom::testing::TempDir work_;
  std::optional<SaneSession> session_;
};

/// test:0 with a small scan area (20 x 30 mm) at 75 dpi, so that a 10-sheet batch takes milliseconds.
inline ScanSettings SmallScan(std::vector<std::string> extra_options = {}) {
  ScanSettings settings;
  settings.device = "test:0";
  settings.resolution_dpi = 75;
  settings.options = {"br-x=20", "br-y=30"};
  settings.options.insert(settings.options.end(), extra_options.begin(), extra_options.end());
  return settings;
}

/// Page names "0001.tif" ... in `dir`, sorted.
inline std::vector<std::string> PageNames(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(dir)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

inline std::vector<std::string> NumberedPages(int first, int last) {
  std::vector<std::string> names;
  for (int n = first; n <= last; ++n) {
    char name[16];
    std::snprintf(name, sizeof name, "%04d.tif", n);
    names.push_back(name);
  }
  return names;
}

inline unsigned FileMode(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

/// The page decoded back with Leptonica.
inline PixPtr ReadPage(const std::filesystem::path& path) {
  PixPtr pix(pixRead(path.c_str()));
  REQUIRE(pix != nullptr);
  return pix;
}

/// Leptonica's idea of the file's format (IFF_TIFF_G4, IFF_TIFF_LZW, ...).
inline int FileFormat(const std::filesystem::path& path) {
  l_int32 format = IFF_UNKNOWN;
  REQUIRE(findFileFormat(path.c_str(), &format) == 0);
  return format;
}

}  // namespace mailroom::scanner::testing
