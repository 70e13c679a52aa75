// Bad input: a clear error naming the file and the reason; a bad page goes to review and the rest
// goes through; a bad registry or box.json stops the run before anything is written.
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

// A one-envelope sample: its registry is valid, its box small.
samplegen::SampleSummary SmallSample(const TempDir& dir) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.envelopes = 1;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  return *sample;
}

std::string ProcessArgs(const fs::path& box, const fs::path& registry, const fs::path& out) {
  return "process " + Quoted(box) + " --registry " + Quoted(registry) + " --out " + Quoted(out) + " --quiet";
}

void WritePix(const fs::path& path, Result<PixPtr> pix, int format) {
  REQUIRE(pix);
  REQUIRE(pixWrite(path.c_str(), pix->get(), format) == 0);
}

}  // namespace

TEST_CASE("bad input: a registry with a missing column stops the run before anything is written") {
  TempDir dir;
  auto sample = SmallSample(dir);
  REQUIRE(WriteFileAtomically(sample.registry_dir / "cases.csv",
                              "bg_number,customer_number,surname\n35301BG0012345,123D456789,Muster\n"));
  auto result = testing::RunMailroom(ProcessArgs(sample.box_dir, sample.registry_dir, dir / "out"));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.output, Catch::Contains("cases.csv"));
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("bad input: a broken registry line names file and line") {
  TempDir dir;
  auto sample = SmallSample(dir);
  std::ofstream(sample.registry_dir / "jobcenters.csv", std::ios::app) << "jobcenter-broken,only two fields\n";
  auto result = testing::RunMailroom(ProcessArgs(sample.box_dir, sample.registry_dir, dir / "out"));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.output, Catch::Contains("jobcenters.csv"));
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("bad input: a box.json that is not JSON stops the run and names the file") {
  TempDir dir;
  auto sample = SmallSample(dir);
  REQUIRE(WriteFileAtomically(sample.box_dir / "box.json", "box_id=BOX-1\n"));
  auto result = testing::RunMailroom(ProcessArgs(sample.box_dir, sample.registry_dir, dir / "out"));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.output, Catch::Contains("box.json"));
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("bad input: an unwritable output folder is named in the error") {
  TempDir dir;
  auto sample = SmallSample(dir);
  REQUIRE(WriteFileAtomically(dir / "not-a-folder", "x"));
  auto result = testing::RunMailroom(ProcessArgs(sample.box_dir, sample.registry_dir, dir / "not-a-folder" / "out"));
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.output, Catch::Contains("not-a-folder"));
}

TEST_CASE("bad input: corrupt or truncated or empty or unknown files go to review and the rest goes through") {
  TempDir dir;
  auto sample = SmallSample(dir);
  const fs::path box = dir / "box";
  fs::create_directories(box);
  WritePix(box / "0001.png", samplegen::RenderSeparatorSheet(), IFF_PNG);
  WritePix(box / "0002.jpg", samplegen::RenderBlankPage(300, 2, false), IFF_JFIF_JPEG);
  fs::resize_file(box / "0002.jpg", fs::file_size(box / "0002.jpg") / 2);  // truncated in transfer
  std::ofstream(box / "0003.tif").close();                                 // zero bytes
  REQUIRE(WriteFileAtomically(box / "0004.txt", "scanner log"));           // unknown type
  WritePix(box / "0005.png", samplegen::RenderSeparatorSheet(), IFF_PNG);
  WritePix(box / "0006.png", samplegen::RenderBlankPage(300, 3, true), IFF_PNG);

  auto result = testing::RunMailroom(ProcessArgs(box, sample.registry_dir, dir / "out"));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  auto report = testing::ReadJson(dir / "out" / "report.json");
  CHECK(report["pages_in"] == 6);
  CHECK(report["pages_review"] == 3);
  CHECK(report["pages_routed"] == 0);
  CHECK(report["separator_pages"] == nlohmann::json({"0001.png", "0005.png"}));
  CHECK(report["blank_pages"] == nlohmann::json({"0006.png"}));

  std::map<std::string, std::string> reasons;
  for (const auto& entry : fs::directory_iterator(dir / "out" / "review")) {
    if (entry.path().extension() != ".json") continue;
    auto doc = testing::ReadJson(entry.path());
    REQUIRE(doc["pages"].size() == 1);
    reasons[doc["pages"][0]] = doc["reason"];
    CHECK(fs::exists(entry.path().parent_path() / doc["pdf"].get<std::string>()));
  }
  REQUIRE(reasons.size() == 3);
  CHECK_THAT(reasons["0002.jpg"], Catch::Contains("0002.jpg") && Catch::Contains("JPEG"));
  CHECK_THAT(reasons["0003.tif"], Catch::Contains("0003.tif") && Catch::Contains("empty file"));
  CHECK_THAT(reasons["0004.txt"], Catch::Contains("0004.txt") && Catch::Contains("unknown file type"));
}

TEST_CASE("the mailroom command turns Tesseract's OpenMP threads off by itself") {
  // A user runs mailroom plainly: without the variable, the program re-executes itself with it.
  auto result = testing::RunMailroomWithEnv("env -u OMP_THREAD_LIMIT", "version");
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.output, Catch::Contains("OMP_THREAD_LIMIT=1"));
  CHECK_THAT(result.output, Catch::Contains("tesseract 5."));
  // An operator's own value is kept.
  result = testing::RunMailroomWithEnv("env OMP_THREAD_LIMIT=2", "version");
  CHECK_THAT(result.output, Catch::Contains("OMP_THREAD_LIMIT=2"));
}

TEST_CASE("bad usage: an unknown command is refused, even with --help after it") {
  for (const char* line : {"stationn --help", "stationn", "--log-level info stationn --config /dev/null"}) {
    auto result = testing::RunMailroom(line);
    INFO(line);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.output, Catch::Contains("unknown command 'stationn'"));
  }
  SECTION("the help of a known command and the top help still answer") {
    CHECK(testing::RunMailroom("--help").exit_code == 0);
    CHECK(testing::RunMailroom("--log-format json process --help").exit_code == 0);
    // station exists now: its --help is its own, not the top help.
    auto station = testing::RunMailroom("station --help");
    CHECK(station.exit_code == 0);
    CHECK_THAT(station.output, Catch::Contains("Usage: mailroom station"));
  }
}

TEST_CASE("bad usage: every command that classifies takes and checks the same classifier options") {
  // process, scan and worker classify: --threshold, --team and --doctype-model, checked by one rule.
  for (const char* command : {"process BOX --registry R --out O", "worker classify --broker amqp://h --store S",
                              "scan --box B --registry R --out O"}) {
    INFO(command);
    const std::string base = command;
    auto team = testing::RunMailroom(base + " --team invoice=buchhaltung");
    CHECK(team.exit_code == 2);
    CHECK_THAT(team.output, Catch::Contains("unknown document type 'invoice'"));
    auto threshold = testing::RunMailroom(base + " --threshold 1.5");
    CHECK(threshold.exit_code == 2);
    CHECK_THAT(threshold.output, Catch::Contains("threshold 1.5 is outside 0..1"));
  }
  SECTION("a model file that cannot be read stops process and the classify worker before they start") {
    TempDir dir;
    const auto sample = SmallSample(dir);
    const std::string model = " --doctype-model " + Quoted(dir / "no-such-model.nb");
    auto worker = testing::RunMailroom("worker classify --broker amqp://127.0.0.1:1 --store " + Quoted(dir / "store") +
                                       " --registry " + Quoted(sample.registry_dir) + model);
    CHECK(worker.exit_code == 2);
    CHECK_THAT(worker.output, Catch::Contains("no-such-model.nb"));
    auto process = testing::RunMailroom(ProcessArgs(sample.box_dir, sample.registry_dir, dir / "out") + model);
    CHECK(process.exit_code == 2);
    CHECK_THAT(process.output, Catch::Contains("no-such-model.nb"));
    CHECK_FALSE(fs::exists(dir / "out" / "report.json"));
  }
}
