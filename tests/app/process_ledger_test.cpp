// `mailroom process --ledger`: custody of a registered box, from a folder of images to delivered,
// and the proof of receipt in each document and in the ledger.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "mailroom/common/atomic_file.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/samplegen/samplegen.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::Quoted;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

const ledger::Timestamp kArrived = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{7};

struct Sample {
  samplegen::SampleSummary summary;
  fs::path ledger_file;
};

// A small generated box, registered in a fresh ledger with the seal and origin of its box.json.
Sample RegisteredSample(const TempDir& dir, int envelopes = 2) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.envelopes = envelopes;
  options.seed = 11;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  const auto box = testing::ReadJson(sample->box_dir / "box.json");
  auto ledger = ledger::Ledger::Open(dir / "ledger.sqlite");
  REQUIRE(ledger);
  REQUIRE(ledger->RegisterBox({box["box_id"], box["seal"], box["origin"], kArrived, "op-7"}));
  return {*sample, dir / "ledger.sqlite"};
}

testing::CommandResult Process(const Sample& sample, const fs::path& out) {
  return testing::RunMailroom("process " + Quoted(sample.summary.box_dir) + " --registry " +
                              Quoted(sample.summary.registry_dir) + " --out " + Quoted(out) + " --ledger " +
                              Quoted(sample.ledger_file) + " --operator op-7 --quiet");
}

ledger::BoxSummary BoxIn(const fs::path& ledger_file, const std::string& box_id) {
  auto ledger = ledger::Ledger::Open(ledger_file);
  REQUIRE(ledger);
  auto box = ledger->FindBox(box_id);
  REQUIRE(box);
  REQUIRE(box->has_value());
  return **box;
}

std::vector<nlohmann::json> RoutedDocuments(const fs::path& out) {
  std::vector<nlohmann::json> documents;
  for (const auto& entry : fs::recursive_directory_iterator(out / "postkorb")) {
    if (entry.path().extension() == ".json") documents.push_back(testing::ReadJson(entry.path()));
  }
  return documents;
}

}  // namespace

TEST_CASE("process --ledger: a registered folder box is captured, delivered and receipted", "[process][ledger]") {
  TempDir dir;
  const auto sample = RegisteredSample(dir);
  auto result = Process(sample, dir / "out");
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.output, Catch::Contains("ledger:      box delivered"));

  const std::string box_id = "BOX-11";
  const auto box = BoxIn(sample.ledger_file, box_id);
  CHECK(box.state == ledger::BoxState::kDelivered);
  CHECK(box.pages_captured == sample.summary.pages);
  CHECK(box.pages_delivered + box.pages_accounted == box.pages_captured);

  // Every routed document says when its box arrived and how many pages it has, and the ledger
  // gives the same answer for its case.
  const auto documents = RoutedDocuments(dir / "out");
  REQUIRE_FALSE(documents.empty());
  auto ledger = ledger::Ledger::Open(sample.ledger_file);
  for (const auto& document : documents) {
    CHECK(document["box_arrived_at"] == "2026-11-23T07:00:00Z");
    CHECK(document["page_count"] == document["pages"].size());
    auto receipts = ledger->Receipts(document["bg_number"].get<std::string>());
    REQUIRE(receipts);
    const auto match = std::find_if(receipts->begin(), receipts->end(),
                                    [&](const ledger::Receipt& r) { return r.document_id == document["document_id"]; });
    REQUIRE(match != receipts->end());
    CHECK(match->pages == static_cast<int>(document["pages"].size()));
    CHECK(match->arrived_at == kArrived);
    CHECK(match->box_id == box_id);
    CHECK(match->jobcenter_id == document["jobcenter_id"]);
  }

  // Once delivered, there is nothing more to process.
  auto again = Process(sample, dir / "out2");
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.output, Catch::Contains("box BOX-11: is delivered already"));
  CHECK_FALSE(fs::exists(dir / "out2"));
}

TEST_CASE("process --ledger: a box that is not registered, or not this one, is refused before anything is written",
          "[process][ledger]") {
  TempDir dir;
  const auto sample = RegisteredSample(dir, 1);
  const fs::path other_ledger = dir / "other.sqlite";
  auto unregistered = testing::RunMailroom("process " + Quoted(sample.summary.box_dir) + " --registry " +
                                           Quoted(sample.summary.registry_dir) + " --out " + Quoted(dir / "out") +
                                           " --ledger " + Quoted(other_ledger) + " --quiet");
  CHECK(unregistered.exit_code == 2);
  CHECK_THAT(unregistered.output, Catch::Contains("box BOX-11: not registered in the ledger"));
  CHECK_THAT(unregistered.output, Catch::Contains("mailroom register --box BOX-11"));
  CHECK_FALSE(fs::exists(dir / "out"));

  auto box_json = testing::ReadJson(sample.summary.box_dir / "box.json");
  box_json["seal"] = "SEAL-OTHER";
  REQUIRE(WriteFileAtomically(sample.summary.box_dir / "box.json", box_json.dump()));
  auto swapped = Process(sample, dir / "out");
  CHECK(swapped.exit_code == 2);
  CHECK_THAT(swapped.output, Catch::Contains("this is not the registered box: seal SEAL-OTHER in box.json"));
  CHECK_FALSE(fs::exists(dir / "out"));
  CHECK(BoxIn(sample.ledger_file, "BOX-11").state == ledger::BoxState::kReceived);
}

TEST_CASE("process --ledger: an unreadable page keeps the box open, so its paper is not destroyed",
          "[process][ledger]") {
  TempDir dir;
  const auto sample = RegisteredSample(dir, 1);
  std::ofstream(sample.summary.box_dir / "0002.tif", std::ios::binary | std::ios::trunc) << "II*\0 truncated";
  auto result = Process(sample, dir / "out");
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.output, Catch::Contains("pages wait for the review desk (mailroom review list --out"));
  CHECK_THAT(result.output, Catch::Contains("1 of them unreadable: account for them there or scan them again"));
  const auto box = BoxIn(sample.ledger_file, "BOX-11");
  CHECK(box.state == ledger::BoxState::kProcessing);
  // The unreadable page has no row yet; the readable pages of its review document wait in review.
  CHECK(box.pages_captured - box.pages_delivered - box.pages_accounted == box.pages_in_review + 1);

  // Run again (after a crash, or once the page is fixed): the recorded deliveries are the same
  // facts again, nothing is counted twice.
  auto rerun = Process(sample, dir / "out");
  INFO(rerun.output);
  REQUIRE(rerun.exit_code == 0);
  const auto after = BoxIn(sample.ledger_file, "BOX-11");
  CHECK(after.pages_delivered == box.pages_delivered);
  CHECK(after.pages_accounted == box.pages_accounted);
}
