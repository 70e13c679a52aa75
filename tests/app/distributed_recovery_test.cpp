// The distributed pipeline as separate `mailroom` processes on a real broker, hit where it hurts:
// an OCR worker and the classifier killed with SIGKILL in the middle of a box and started again,
// and the broker itself restarted in the middle of a box. Afterwards every page must have been
// delivered exactly once: the same documents as `mailroom process`, none missing, none twice;
// and the box ledger, written by the classifier and the router, must end with the box delivered
// and every page counted once.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "mailroom.pb.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/samplegen/samplegen.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom_child.h"
#include "private_broker.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using namespace std::chrono_literals;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

const ledger::Timestamp kArrived = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{7};

using Child = testing::MailroomChild;

std::map<std::string, std::string> JsonUnder(const fs::path& out, const std::string& folder) {
  std::map<std::string, std::string> docs;
  if (!fs::exists(out / folder)) return docs;
  for (const auto& entry : fs::recursive_directory_iterator(out / folder)) {
    if (entry.path().extension() == ".json") {
      docs[fs::relative(entry.path(), out).string()] = testing::ReadJson(entry.path()).dump();
    }
  }
  return docs;
}

int FilesUnder(const fs::path& dir) {
  if (!fs::exists(dir)) return 0;
  int n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) n += entry.is_regular_file() ? 1 : 0;
  return n;
}

// One box through the distributed pipeline; `disturb` runs once a third of the pages are read.
class Pipeline {
 public:
  explicit Pipeline(std::string broker) : broker_(std::move(broker)), prefix_("rec" + std::to_string(::getpid())) {
    samplegen::SampleOptions options;
    options.out_dir = dir_ / "sample";
    options.seed = 31;
    options.envelopes = 6;
    options.dpi = 150;
    auto sample = samplegen::GenerateSampleBox(options);
    REQUIRE(sample);
    sample_ = *sample;
    REQUIRE(Mailroom("topology --broker '" + broker_ + "' --registry " + testing::Quoted(sample_.registry_dir)) == 0);
    // The same registered box in two ledgers: one for the embedded run, one for the workers.
    const auto box = testing::ReadJson(sample_.box_dir / "box.json");
    box_id_ = box["box_id"];
    for (const fs::path& file : {dir_ / "embedded.sqlite", Ledger()}) {
      REQUIRE(ledger::Ledger::Open(file)->RegisterBox({box_id_, box["seal"], box["origin"], kArrived, "op-1"}));
    }
    const auto embedded =
        testing::RunMailroom("process " + testing::Quoted(sample_.box_dir) + " --registry " +
                             testing::Quoted(sample_.registry_dir) + " --out " + testing::Quoted(dir_ / "embedded") +
                             " --ledger " + testing::Quoted(dir_ / "embedded.sqlite") + " --quiet --jobs 2");
    REQUIRE(embedded.exit_code == 0);
    auto ledger = ledger::Ledger::Open(Ledger());
    REQUIRE(ledger);
    REQUIRE(Mailroom("ingest " + testing::Quoted(sample_.box_dir) + " --broker '" + broker_ + "' --store " +
                     testing::Quoted(dir_ / "store") + " --ledger " + testing::Quoted(Ledger())) == 0);
    CHECK(ledger->FindBox(box_id_).value()->state == ledger::BoxState::kProcessing);
  }

  fs::path Ledger() const { return dir_ / "ledger.sqlite"; }

  int Mailroom(const std::string& args) {
    const auto result = testing::RunMailroom(args + " --prefix " + prefix_);
    INFO(result.output);
    return result.exit_code;
  }

  std::unique_ptr<Child> Worker(const std::string& role, const std::string& name) {
    std::vector<std::string> args = {"worker",   role,   "--broker", broker_, "--store", (dir_ / "store").string(),
                                     "--prefix", prefix_};
    if (role == "ocr") args.insert(args.end(), {"--jobs", "1"});
    if (role == "classify") {
      args.insert(args.end(), {"--registry", sample_.registry_dir.string(), "--state", (dir_ / "journal").string()});
    }
    if (role == "route") args.insert(args.end(), {"--state", (dir_ / "route-scratch").string()});
    if (role != "ocr") args.insert(args.end(), {"--ledger", Ledger().string()});
    return std::make_unique<Child>(args, dir_ / (name + ".log"));
  }

  // Pages the classifier has journaled so far.
  int Journaled() const { return FilesUnder(dir_ / "journal") - 1; }
  int Pages() const { return sample_.pages; }

  // Fetches every jobcenter's documents and drains the review queue; checks them against the
  // embedded run.
  void CheckExactlyOnce() {
    const auto expected = JsonUnder(dir_ / "embedded", "postkorb");
    std::map<std::string, int> per_jobcenter;
    for (const auto& [path, json] : expected) per_jobcenter[fs::path(path).parent_path().parent_path().filename()]++;
    for (const auto& [jobcenter, count] : per_jobcenter) {
      const auto fetched = testing::RunMailroomWithEnv(
          "timeout 120", "postkorb --jobcenter " + jobcenter + " --broker '" + broker_ + "' --out " +
                             testing::Quoted(dir_ / "distributed") + " --max-documents " + std::to_string(count) +
                             " --prefix " + prefix_);
      INFO(fetched.output);
      CHECK(fetched.exit_code == 0);
    }
    CHECK(JsonUnder(dir_ / "distributed", "postkorb") == expected);

    // Review: unique document ids, each page of the box in exactly one document overall.
    std::set<std::string> review_pages;
    for (const auto& [path, json] : JsonUnder(dir_ / "embedded", "review")) {
      for (const auto& page : nlohmann::json::parse(json)["pages"]) review_pages.insert(page.get<std::string>());
    }
    auto conn = transport::Connection::Open({.url = broker_});
    REQUIRE(conn);
    REQUIRE(conn->Consume(prefix_ + ".review", 50));
    std::map<std::string, std::vector<std::string>> review_docs;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    std::set<std::string> seen_pages;
    while (seen_pages != review_pages && std::chrono::steady_clock::now() < deadline) {
      auto got = conn->Receive(500ms);
      REQUIRE(got);
      if (!got->has_value()) continue;
      v1::RoutedDocument routed;
      REQUIRE(routed.ParseFromString((*got)->message.body));
      REQUIRE(conn->Ack((*got)->delivery_tag));
      auto& pages = review_docs[routed.document().document_id()];
      pages.assign(routed.document().pages().begin(), routed.document().pages().end());
      seen_pages.clear();
      for (const auto& [id, doc_pages] : review_docs) seen_pages.insert(doc_pages.begin(), doc_pages.end());
    }
    CHECK(seen_pages == review_pages);
    CheckLedger();
  }

  // The workers record pages right after each publish: the box settles shortly after its last
  // document, exactly as far as the embedded run's: every page recorded once, delivered when no
  // page waits for the review desk.
  void CheckLedger() {
    auto ledger = ledger::Ledger::Open(Ledger());
    REQUIRE(ledger);
    const auto embedded = ledger::Ledger::Open(dir_ / "embedded.sqlite")->FindBox(box_id_).value().value();
    const auto same = [&embedded](const ledger::BoxSummary& box) {
      return box.state == embedded.state && box.pages_delivered == embedded.pages_delivered &&
             box.pages_in_review == embedded.pages_in_review && box.pages_accounted == embedded.pages_accounted;
    };
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    ledger::BoxSummary box = ledger->FindBox(box_id_).value().value();
    while (!same(box) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(100ms);
      box = ledger->FindBox(box_id_).value().value();
    }
    CHECK(box.pages_captured == Pages());
    CHECK(box.state == embedded.state);
    CHECK(box.pages_delivered == embedded.pages_delivered);
    CHECK(box.pages_in_review == embedded.pages_in_review);
    CHECK(box.pages_accounted == embedded.pages_accounted);
    const bool settled = embedded.pages_delivered + embedded.pages_accounted == embedded.pages_captured;
    CHECK(embedded.state == (settled ? ledger::BoxState::kDelivered : ledger::BoxState::kProcessing));
    // Each routed document's receipt: its pages, arrived when the box was registered.
    for (const auto& [path, json] : JsonUnder(dir_ / "distributed", "postkorb")) {
      const auto document = nlohmann::json::parse(json);
      CHECK(document["box_arrived_at"] == "2026-11-23T07:00:00Z");
      const auto receipts = ledger->Receipts(document["bg_number"].get<std::string>()).value();
      CHECK(std::any_of(receipts.begin(), receipts.end(), [&](const ledger::Receipt& r) {
        return r.document_id == document["document_id"] && r.pages == static_cast<int>(document["pages"].size());
      }));
    }
  }

  const fs::path& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::string broker_, prefix_, box_id_;
  samplegen::SampleSummary sample_;
};

std::string SharedBroker() {
  const char* url = std::getenv("MAILROOM_TEST_BROKER");
  if (url == nullptr || *url == '\0') FAIL("MAILROOM_TEST_BROKER is not set: run the tests with tools/test.sh");
  return url;
}

void WaitForJournal(const Pipeline& pipeline, int pages) {
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (pipeline.Journaled() < pages && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(50ms);
  REQUIRE(pipeline.Journaled() >= pages);
}

}  // namespace

TEST_CASE("distributed: an OCR worker and the classifier killed mid-box lose and double nothing",
          "[distributed][broker][recovery]") {
  Pipeline pipeline(SharedBroker());
  auto ocr1 = pipeline.Worker("ocr", "ocr1");
  auto ocr2 = pipeline.Worker("ocr", "ocr2");
  auto classify = pipeline.Worker("classify", "classify1");
  auto route = pipeline.Worker("route", "route");
  WaitForJournal(pipeline, pipeline.Pages() / 3);
  ocr1->Kill();
  classify->Kill();
  auto ocr3 = pipeline.Worker("ocr", "ocr3");
  auto classify2 = pipeline.Worker("classify", "classify2");
  pipeline.CheckExactlyOnce();
}

TEST_CASE("distributed: a broker restart mid-box loses and doubles nothing", "[distributed][broker][recovery]") {
  testing::PrivateBroker broker;
  Pipeline pipeline(broker.Url());
  auto ocr1 = pipeline.Worker("ocr", "ocr1");
  auto ocr2 = pipeline.Worker("ocr", "ocr2");
  auto classify = pipeline.Worker("classify", "classify");
  auto route = pipeline.Worker("route", "route");
  WaitForJournal(pipeline, pipeline.Pages() / 3);
  REQUIRE(broker.Halt());
  std::this_thread::sleep_for(1s);
  REQUIRE(broker.Resume());
  pipeline.CheckExactlyOnce();
}
