// The metrics after a box, read as Prometheus reads them: from `mailroom process --metrics-file`
// and scraped over HTTP from the distributed workers while they run. The counts must agree with
// what the box was: its pages, its documents, its review documents.
#include <unistd.h>

#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "mailroom/samplegen/samplegen.h"
#include "mailroom_child.h"
#include "prometheus_text.h"
#include "run_mailroom.h"
#include "temp_dir.h"

namespace mailroom {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::Quoted;
using testing::Sum;

// What the embedded run made of the sample: documents per destination, from its output folders.
struct Outcome {
  int pages = 0, postkorb_documents = 0, review_documents = 0;
};

int JsonFilesUnder(const fs::path& dir) {
  if (!fs::exists(dir)) return 0;
  int n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) n += entry.path().extension() == ".json" ? 1 : 0;
  return n;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

samplegen::SampleSummary Sample(const testing::TempDir& dir) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.seed = 5;
  options.envelopes = 3;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  // A page torn in the scanner: the first bytes of a TIFF only. It goes to review, counted as an
  // unreadable page; every other page is read.
  const std::string whole = ReadFile(sample->box_dir / "0001.tif");
  std::ofstream(sample->box_dir / "0001a.tif", std::ios::binary) << whole.substr(0, 300);
  sample->pages += 1;
  return *sample;
}

Outcome ProcessWithMetricsFile(const samplegen::SampleSummary& sample, const fs::path& out, const fs::path& file) {
  const auto run =
      testing::RunMailroom("process " + Quoted(sample.box_dir) + " --registry " + Quoted(sample.registry_dir) +
                           " --out " + Quoted(out) + " --quiet --jobs 2 --metrics-file " + Quoted(file));
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  return Outcome{sample.pages, JsonFilesUnder(out / "postkorb"), JsonFilesUnder(out / "review")};
}

// The port a command said it serves its metrics on ("mailroom: metrics at http://H:P/metrics").
int MetricsPortIn(const fs::path& log) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  const std::regex said(R"(metrics at http://[^:]+:(\d+)/metrics)");
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const std::string text = ReadFile(log);
    if (std::regex_search(text, match, said)) return std::stoi(match[1]);
    std::this_thread::sleep_for(50ms);
  }
  FAIL("no metrics port in " << log << ":\n" << ReadFile(log));
  return 0;
}

std::map<std::string, double> Scrape(int port) {
  httplib::Client client("127.0.0.1", port);
  auto response = client.Get("/metrics");
  REQUIRE(response);
  REQUIRE(response->status == 200);
  return testing::ParseSamples(response->body);
}

TEST_CASE("process --metrics-file: the counts after a box are the box", "[metrics][slow]") {
  testing::TempDir dir;
  const auto sample = Sample(dir);
  const Outcome box = ProcessWithMetricsFile(sample, dir / "out", dir / "mailroom.prom");
  REQUIRE(box.postkorb_documents > 0);
  REQUIRE(box.review_documents > 0);

  const auto mode = fs::status(dir / "mailroom.prom").permissions() & fs::perms::all;
  CHECK(mode == (fs::perms::owner_read | fs::perms::owner_write));  // 0600, like every file mailroom writes
  const auto m = testing::ParseSamples(ReadFile(dir / "mailroom.prom"));
  CHECK(Sum(m, "mailroom_pages_total", {R"(stage="ocr")", R"(direction="in")"}) == box.pages);
  CHECK(Sum(m, "mailroom_pages_total", {R"(stage="ocr")", R"(direction="out")"}) == box.pages);
  CHECK(Sum(m, "mailroom_pages_total", {R"(stage="process")", R"(direction="out")"}) == box.pages);
  CHECK(Sum(m, "mailroom_ocr_seconds_count") == box.pages - 1);  // the torn page never reached OCR
  CHECK(Sum(m, "mailroom_errors_total", {R"(stage="ocr")", R"(kind="unreadable_page")"}) == 1);
  CHECK(Sum(m, "mailroom_review_documents_total", {R"(reason="unreadable_page")"}) >= 1);
  CHECK(Sum(m, "mailroom_stage_seconds_count", {R"(stage="process")"}) == 1);
  CHECK(Sum(m, "mailroom_documents_total", {R"(destination="postkorb")"}) == box.postkorb_documents);
  CHECK(Sum(m, "mailroom_documents_total", {R"(destination="review")"}) == box.review_documents);
  CHECK(Sum(m, "mailroom_review_documents_total") == box.review_documents);
  CHECK(Sum(m, "mailroom_build_info", {R"(role="process")"}) == 1);
}

TEST_CASE("the distributed workers' metrics, scraped after a box, count its pages and documents",
          "[metrics][broker][slow]") {
  const char* broker = std::getenv("MAILROOM_TEST_BROKER");
  if (broker == nullptr || *broker == '\0') FAIL("MAILROOM_TEST_BROKER is not set: run the tests with tools/test.sh");
  testing::TempDir dir;
  const auto sample = Sample(dir);
  const Outcome box = ProcessWithMetricsFile(sample, dir / "embedded", dir / "embedded.prom");
  const std::string prefix = "metrics" + std::to_string(::getpid());
  const std::string common = " --broker '" + std::string(broker) + "' --prefix " + prefix;
  REQUIRE(testing::RunMailroom("topology --registry " + Quoted(sample.registry_dir) + common).exit_code == 0);

  auto worker = [&](const std::string& role, std::vector<std::string> extra) {
    std::vector<std::string> args = {"worker",         role,   "--broker",       broker,
                                     "--prefix",       prefix, "--store",        (dir / "store").string(),
                                     "--metrics-port", "0",    "--metrics-bind", "127.0.0.1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return std::make_unique<testing::MailroomChild>(args, dir / (role + ".log"));
  };
  auto ocr = worker("ocr", {"--jobs", "2"});
  auto classify =
      worker("classify", {"--registry", sample.registry_dir.string(), "--state", (dir / "journal").string()});
  auto route = worker("route", {"--state", (dir / "scratch").string()});
  const int ocr_port = MetricsPortIn(dir / "ocr.log");
  const int classify_port = MetricsPortIn(dir / "classify.log");
  const int route_port = MetricsPortIn(dir / "route.log");

  const auto ingested = testing::RunMailroom("ingest " + Quoted(sample.box_dir) + " --store " + Quoted(dir / "store") +
                                             common + " --metrics-file " + Quoted(dir / "ingest.prom"));
  INFO(ingested.output);
  REQUIRE(ingested.exit_code == 0);
  CHECK(Sum(testing::ParseSamples(ReadFile(dir / "ingest.prom")), "mailroom_pages_total",
            {R"(stage="ingest")", R"(direction="out")"}) == box.pages);

  // The router's count is the last to move: wait for every document of the box.
  const int documents = box.postkorb_documents + box.review_documents;
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (Sum(Scrape(route_port), "mailroom_documents_total") < documents && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(200ms);

  const auto r = Scrape(route_port);
  CHECK(Sum(r, "mailroom_documents_total", {R"(destination="postkorb")"}) == box.postkorb_documents);
  CHECK(Sum(r, "mailroom_documents_total", {R"(destination="review")"}) == box.review_documents);
  CHECK(Sum(r, "mailroom_build_info", {R"(role="route")"}) == 1);
  const auto o = Scrape(ocr_port);
  CHECK(Sum(o, "mailroom_pages_total", {R"(stage="ocr")", R"(direction="out")"}) == box.pages);
  CHECK(Sum(o, "mailroom_ocr_seconds_count") == box.pages - 1);
  CHECK(Sum(o, "mailroom_errors_total", {R"(kind="unreadable_page")"}) == 1);
  CHECK(Sum(o, "mailroom_errors_total", {R"(kind="dead_letter")"}) == 0);
  const auto c = Scrape(classify_port);
  CHECK(Sum(c, "mailroom_pages_total", {R"(stage="classify")", R"(direction="in")"}) == box.pages);
  CHECK(Sum(c, "mailroom_review_documents_total") == box.review_documents);
  CHECK(Sum(c, "mailroom_stage_seconds_count", {R"(stage="classify")"}) == 1);
}

}  // namespace
}  // namespace mailroom
