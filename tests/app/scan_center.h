// A scan center in a folder, for the tests of `mailroom scan`: a private SANE configuration with
// only the `test` backend (a virtual scanner), a box ledger and a boxes folder, handed to the
// command through the environment as an operator would set them.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mailroom/ledger/ledger.h"
#include "run_mailroom.h"
#include "temp_dir.h"

namespace mailroom::testing {

/// The scan center of one test: SANE configuration, ledger and boxes in a temporary folder.
class ScanCenter {
 public:
  ScanCenter() {
    std::filesystem::create_directories(dir_ / "sane");
    std::ofstream(dir_ / "sane" / "dll.conf") << "test\n";
    std::ofstream(dir_ / "sane" / "test.conf") << "number_of_devices 2\n";
  }

  CommandResult Scan(const std::string& arguments) const {
    return RunMailroomWithEnv(Environment(), "scan " + arguments + " </dev/null");
  }
  CommandResult Run(const std::string& arguments) const { return RunMailroomWithEnv(Environment(), arguments); }

  std::filesystem::path Box(const std::string& id) const { return dir_ / "boxes" / id; }
  std::filesystem::path Dir() const { return dir_.path(); }

  ledger::BoxSummary Ledger(const std::string& box_id) const {
    auto ledger = ledger::Ledger::Open(dir_ / "ledger.sqlite");
    REQUIRE(ledger);
    auto box = ledger->FindBox(box_id);
    REQUIRE(box);
    REQUIRE(box->has_value());
    return **box;
  }

 private:
  std::string Environment() const {
    return "SANE_CONFIG_DIR=" + Quoted(dir_ / "sane") + " MAILROOM_LEDGER=" + Quoted(dir_ / "ledger.sqlite") +
           " MAILROOM_BOXES=" + Quoted(dir_ / "boxes");
  }
  TempDir dir_;
};

/// The page files (NNNN.tif) in a box folder, sorted; none for a folder that is not there.
inline std::vector<std::string> PageFiles(const std::filesystem::path& box) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(box, ec)) {
    if (entry.path().extension() == ".tif") names.push_back(entry.path().filename());
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// "0001.tif" ... for the pages from..to.
inline std::vector<std::string> Numbered(int from, int to) {
  std::vector<std::string> names;
  for (int i = from; i <= to; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "%04d.tif", i);
    names.emplace_back(name);
  }
  return names;
}

// Small, fast pages: 40 x 50 mm at 100 dpi.
inline const std::string kSmallPages =
    "--device test:0 --resolution 100 --device-option br-x=40 --device-option br-y=50 ";

}  // namespace mailroom::testing
