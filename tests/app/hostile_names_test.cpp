// Names from outside never become paths (issue 17 item 3): a box id, seal or origin in box.json, a
// box folder's name, or a --box of `register` that would climb out of a folder ("../", absolute,
// NUL, over-long) is refused with exit 2 before anything is written, by `process`, `ingest` and
// `register` alike; a page file that is a symbolic link out of the box folder is never read (the
// page goes to review with the reason), one that leads to a file inside the box is read as that
// file. The workers refuse such names in messages: tests/distributed (names_test).
#include <catch2/catch.hpp>

#include <fstream>

#include "mailroom/common/atomic_file.h"
#include "mailroom/samplegen/samplegen.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::Quoted;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

// box.json's "\u0000" is a NUL inside the id once parsed.
const std::vector<std::string> kHostileIds = {"../../escape", "/etc/cron.d/job",     "a/b",  "x\\u0000y",
                                              ".hidden",      std::string(129, 'x'), "box 1"};

samplegen::SampleSummary OneEnvelope(const TempDir& dir) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.envelopes = 1;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  return *sample;
}

// Nothing under `dir` but the sample: no output, store or ledger was made.
std::vector<std::string> MadeBesidesTheSample(const TempDir& dir) {
  std::vector<std::string> made;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    if (entry.path().filename() != "sample") made.push_back(entry.path().filename());
  }
  return made;
}

}  // namespace

TEST_CASE("hostile names: a box id, seal or origin that is no id is refused by process and ingest, nothing written") {
  for (const std::string field : {"box_id", "seal", "origin"}) {
    for (const std::string& id : kHostileIds) {
      TempDir dir;
      const auto sample = OneEnvelope(dir);
      const std::string box_json = sample.box_dir / "box.json";
      REQUIRE(WriteFileAtomically(
          box_json, "{\"box_id\": \"BOX-1\", \"seal\": \"S-1\", \"origin\": \"jobcenter-kiel\", \"" + field + "\": \"" +
                        id + "\"}"));
      INFO(field << " = " << id);
      const auto processed = testing::RunMailroom("process " + Quoted(sample.box_dir) + " --registry " +
                                                  Quoted(sample.registry_dir) + " --out " + Quoted(dir / "out"));
      CHECK(processed.exit_code == 2);
      CHECK_THAT(processed.output, Catch::Contains("box.json") && Catch::Contains(field));
      // ingest checks the box before it opens the store or the broker (nobody listens on port 1).
      const auto ingested = testing::RunMailroom("ingest " + Quoted(sample.box_dir) +
                                                 " --broker amqp://guest:guest@127.0.0.1:1/ --store " +
                                                 Quoted(dir / "store") + " --ledger " + Quoted(dir / "ledger.sqlite"));
      CHECK(ingested.exit_code == 2);
      CHECK_THAT(ingested.output, Catch::Contains(field));
      CHECK(MadeBesidesTheSample(dir).empty());
    }
  }
}

TEST_CASE("hostile names: a box folder without box.json whose name is no id is refused") {
  TempDir dir;
  const auto sample = OneEnvelope(dir);
  const fs::path box = dir / "sample" / "Box 7 (Kiel)";
  fs::rename(sample.box_dir, box);
  fs::remove(box / "box.json");
  const auto processed = testing::RunMailroom("process " + Quoted(box) + " --registry " + Quoted(sample.registry_dir) +
                                              " --out " + Quoted(dir / "out"));
  CHECK(processed.exit_code == 2);
  CHECK_THAT(processed.output, Catch::Contains("the folder's name is the box id") && Catch::Contains("box.json"));
  CHECK(MadeBesidesTheSample(dir).empty());
}

TEST_CASE("hostile names: register refuses a box id, seal or origin that is no id before making the ledger") {
  for (const std::string flag : {"--box", "--seal", "--origin"}) {
    for (std::string id : kHostileIds) {
      if (id == "x\\u0000y") id = "x\ty";  // a control character on the command line
      TempDir dir;
      std::map<std::string, std::string> args = {{"--box", "BOX-1"}, {"--seal", "S-1"}, {"--origin", "jobcenter-kiel"}};
      args[flag] = id;
      std::string line = "register --ledger " + Quoted(dir / "ledger.sqlite");
      for (const auto& [name, value] : args) line += " " + name + " " + Quoted(value);
      INFO(line);
      const auto registered = testing::RunMailroom(line);
      CHECK(registered.exit_code == 2);
      CHECK_THAT(registered.output, Catch::Contains(flag));
      CHECK_FALSE(fs::exists(dir / "ledger.sqlite"));
    }
  }
}

TEST_CASE("hostile names: a page that links out of the box is not read but goes to review; a link inside is read") {
  TempDir dir;
  const auto sample = OneEnvelope(dir);
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(sample.box_dir)) {
    if (entry.path().extension() == ".tif") pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  REQUIRE(pages.size() >= 2);
  // A readable page outside the box: followed, it would be OCRed and routed like any other.
  fs::copy_file(pages[1], dir / "outside.tif");
  fs::create_symlink(dir / "outside.tif", sample.box_dir / "9998.tif");
  fs::create_symlink("/etc/passwd", sample.box_dir / "9999.tif");
  fs::create_symlink(pages[0].filename(), sample.box_dir / "9997.tif");  // inside: the first page again

  const auto processed =
      testing::RunMailroom("process " + Quoted(sample.box_dir) + " --registry " + Quoted(sample.registry_dir) +
                           " --out " + Quoted(dir / "out") + " --quiet");
  INFO(processed.output);
  REQUIRE(processed.exit_code == 0);
  const auto report = testing::ReadJson(dir / "out" / "report.json");
  CHECK(report["pages_in"] == static_cast<int>(pages.size()) + 3);
  std::map<std::string, std::string> unreadable;
  for (const auto& entry : fs::directory_iterator(dir / "out" / "review")) {
    if (entry.path().extension() != ".json") continue;
    const auto doc = testing::ReadJson(entry.path());
    for (const auto& page : doc["pages"]) unreadable[page] = doc["reason"];
  }
  CHECK_THAT(unreadable["9998.tif"], Catch::Contains("outside the box folder"));
  CHECK_THAT(unreadable["9999.tif"], Catch::Contains("outside the box folder"));
  CHECK_FALSE(unreadable.contains("9997.tif"));  // read as the page it leads to
}
