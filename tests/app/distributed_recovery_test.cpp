// The distributed pipeline as separate `mailroom` processes on a real broker, hit where it hurts:
// an OCR worker and the classifier killed with SIGKILL in the middle of a box and started again,
// and the broker itself restarted in the middle of a box. Afterwards every page must have been
// delivered exactly once: the same documents as `mailroom process`, none missing, none twice;
// and the box ledger, written by the classifier and the router, must end with the box delivered
// and every page counted once.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "mailroom.pb.h"
#include "mailroom/ledger/classify_work.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/samplegen/samplegen.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom_child.h"
#include "private_broker.h"
#include "private_postgres.h"
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

// Boxes through the distributed pipeline as separate processes. The boxes are the same sample
// under different ids (one registry serves them all), each also processed embedded for comparison.
class Pipeline {
 public:
  // `ledger`: where the workers' ledger is (a PostgreSQL URL), empty: a SQLite file in the test folder.
  Pipeline(std::string broker, std::string ledger = "", int boxes = 1)
      : broker_(std::move(broker)), prefix_("rec" + std::to_string(::getpid())), ledger_(std::move(ledger)) {
    if (ledger_.empty()) ledger_ = (dir_ / "ledger.sqlite").string();
    for (int b = 0; b < boxes; ++b) {
      samplegen::SampleOptions options;
      options.out_dir = dir_ / ("sample-" + std::to_string(b));
      options.seed = 31;
      options.envelopes = 6;
      options.dpi = 150;
      options.box_id = b == 0 ? "BOX-31" : "BOX-31-" + std::to_string(b);
      auto sample = samplegen::GenerateSampleBox(options);
      REQUIRE(sample);
      samples_.push_back(*sample);
    }
    REQUIRE(Mailroom("topology --broker '" + broker_ + "' --registry " + testing::Quoted(Registry())) == 0);
    for (std::size_t b = 0; b < samples_.size(); ++b) {
      // The same registered box in two ledgers: one for the embedded run, one for the workers.
      const auto box = testing::ReadJson(samples_[b].box_dir / "box.json");
      box_ids_.push_back(box["box_id"]);
      for (const std::string& location : {(dir_ / "embedded.sqlite").string(), ledger_}) {
        REQUIRE(
            ledger::Ledger::Open(location)->RegisterBox({box_ids_[b], box["seal"], box["origin"], kArrived, "op-1"}));
      }
      const auto embedded =
          testing::RunMailroom("process " + testing::Quoted(samples_[b].box_dir) + " --registry " +
                               testing::Quoted(Registry()) + " --out " + testing::Quoted(Embedded(b)) + " --ledger " +
                               testing::Quoted(dir_ / "embedded.sqlite") + " --quiet --jobs 2");
      REQUIRE(embedded.exit_code == 0);
    }
  }

  const std::string& Ledger() const { return ledger_; }
  fs::path Registry() const { return samples_.front().registry_dir; }
  fs::path Embedded(std::size_t box) const { return dir_ / ("embedded-" + std::to_string(box)); }
  int Boxes() const { return static_cast<int>(samples_.size()); }

  int Mailroom(const std::string& args) {
    const auto result = testing::RunMailroom(args + " --prefix " + prefix_);
    INFO(result.output);
    return result.exit_code;
  }

  std::vector<std::string> IngestArgs(int box) const {
    return {"ingest",   samples_[box].box_dir.string(),
            "--broker", broker_,
            "--store",  (dir_ / "store").string(),
            "--ledger", ledger_,
            "--prefix", prefix_};
  }

  // Ingests every box, one after the other; each ends in processing.
  void Ingest() {
    auto ledger = ledger::Ledger::Open(ledger_);
    REQUIRE(ledger);
    for (int b = 0; b < Boxes(); ++b) {
      std::string args;
      for (const auto& arg : IngestArgs(b)) args += testing::Quoted(arg) + " ";
      const auto result = testing::RunMailroom(args);
      INFO(result.output);
      REQUIRE(result.exit_code == 0);
      CHECK(ledger->FindBox(box_ids_[b]).value()->state == ledger::BoxState::kProcessing);
    }
  }

  std::unique_ptr<Child> Ingester(int box, const std::string& name) {
    return std::make_unique<Child>(IngestArgs(box), dir_ / (name + ".log"));
  }

  // A worker with a state folder of its own, as on a host of its own.
  std::unique_ptr<Child> Worker(const std::string& role, const std::string& name) {
    std::vector<std::string> args = {"worker",   role,   "--broker", broker_, "--store", (dir_ / "store").string(),
                                     "--prefix", prefix_};
    if (role == "ocr") args.insert(args.end(), {"--jobs", "1"});
    if (role == "classify") args.insert(args.end(), {"--registry", Registry().string()});
    if (role != "ocr") args.insert(args.end(), {"--state", (dir_ / (name + "-state")).string(), "--ledger", ledger_});
    return std::make_unique<Child>(args, dir_ / (name + ".log"));
  }

  // Pages the classify workers have journaled so far, in the ledger they share (all of a box once
  // it is classified).
  int Journaled() const {
    auto ledger = ledger::Ledger::Open(ledger_);
    REQUIRE(ledger);
    ledger::ClassifyWork work(*ledger);
    int pages = 0;
    for (const auto& box_id : box_ids_) {
      const auto journal = work.JournalOf(box_id).value();
      pages += journal.classified
                   ? journal.pages
                   : static_cast<int>(std::count_if(journal.reading_refs.begin(), journal.reading_refs.end(),
                                                    [](const std::string& ref) { return !ref.empty(); }));
    }
    return pages;
  }
  int Pages() const {
    int pages = 0;
    for (const auto& sample : samples_) pages += sample.pages;
    return pages;
  }
  // Pages of any box the router recorded as delivered.
  int Delivered() const {
    auto ledger = ledger::Ledger::Open(ledger_);
    REQUIRE(ledger);
    int pages = 0;
    for (const auto& box_id : box_ids_) pages += ledger->FindBox(box_id).value()->pages_delivered;
    return pages;
  }

  // Fetches every jobcenter's documents and drains the review queue; checks them against the
  // embedded runs.
  void CheckExactlyOnce() {
    std::map<std::string, std::string> expected;
    for (int b = 0; b < Boxes(); ++b) expected.merge(JsonUnder(Embedded(b), "postkorb"));
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

    // Review: unique document ids, each page of each box in exactly one document overall.
    std::set<std::string> review_pages;
    for (int b = 0; b < Boxes(); ++b) {
      for (const auto& [path, json] : JsonUnder(Embedded(b), "review")) {
        for (const auto& page : nlohmann::json::parse(json)["pages"]) {
          review_pages.insert(box_ids_[b] + "/" + page.get<std::string>());
        }
      }
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
      pages.clear();
      for (const auto& page : routed.document().pages()) pages.push_back(routed.document().box_id() + "/" + page);
      seen_pages.clear();
      for (const auto& [id, doc_pages] : review_docs) seen_pages.insert(doc_pages.begin(), doc_pages.end());
    }
    CHECK(seen_pages == review_pages);
    for (int b = 0; b < Boxes(); ++b) CheckLedger(b);
  }

  // The workers record pages right after each publish: the box settles shortly after its last
  // document, exactly as far as the embedded run's: every page recorded once, delivered when no
  // page waits for the review desk.
  void CheckLedger(int b) {
    const std::string& box_id = box_ids_[b];
    auto ledger = ledger::Ledger::Open(ledger_);
    REQUIRE(ledger);
    const auto embedded = ledger::Ledger::Open(dir_ / "embedded.sqlite")->FindBox(box_id).value().value();
    const auto same = [&embedded](const ledger::BoxSummary& box) {
      return box.state == embedded.state && box.pages_delivered == embedded.pages_delivered &&
             box.pages_in_review == embedded.pages_in_review && box.pages_accounted == embedded.pages_accounted;
    };
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    ledger::BoxSummary box = ledger->FindBox(box_id).value().value();
    while (!same(box) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(100ms);
      box = ledger->FindBox(box_id).value().value();
    }
    INFO("box " << box_id);
    CHECK(box.pages_captured == samples_[b].pages);
    CHECK(box.state == embedded.state);
    CHECK(box.pages_delivered == embedded.pages_delivered);
    CHECK(box.pages_in_review == embedded.pages_in_review);
    CHECK(box.pages_accounted == embedded.pages_accounted);
    const bool settled = embedded.pages_delivered + embedded.pages_accounted == embedded.pages_captured;
    CHECK(embedded.state == (settled ? ledger::BoxState::kDelivered : ledger::BoxState::kProcessing));
    // Each routed document's receipt: its pages, arrived when the box was registered.
    for (const auto& [path, json] : JsonUnder(dir_ / "distributed", "postkorb")) {
      const auto document = nlohmann::json::parse(json);
      if (document["box_id"] != box_id) continue;
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
  std::string broker_, prefix_, ledger_;
  std::vector<samplegen::SampleSummary> samples_;
  std::vector<std::string> box_ids_;
};

std::string SharedBroker() {
  const char* url = std::getenv("MAILROOM_TEST_BROKER");
  if (url == nullptr || *url == '\0') FAIL("MAILROOM_TEST_BROKER is not set: run the tests with tools/test.sh");
  return url;
}

// Waits until `reached()`, at most 120 s.
template <typename Condition>
void WaitFor(Condition reached, const std::string& what) {
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (!reached() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(50ms);
  INFO("waiting for " << what);
  REQUIRE(reached());
}

void WaitForJournal(const Pipeline& pipeline, int pages) {
  WaitFor([&] { return pipeline.Journaled() >= pages; }, std::to_string(pages) + " pages journaled");
}

}  // namespace

TEST_CASE("distributed: an OCR worker and the classifier killed mid-box lose and double nothing",
          "[distributed][broker][recovery]") {
  Pipeline pipeline(SharedBroker());
  pipeline.Ingest();
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
  pipeline.Ingest();
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

TEST_CASE("distributed: two of each role on a PostgreSQL ledger, one of each killed mid-box, deliver every page once",
          "[distributed][broker][postgresql][recovery]") {
  // Each process as on a host of its own: its own state folder; what they share is the broker,
  // the ledger on PostgreSQL and the content store.
  Pipeline pipeline(SharedBroker(), testing::NewPostgresSchema(), 2);
  auto ocr1 = pipeline.Worker("ocr", "ocr1");
  auto ocr2 = pipeline.Worker("ocr", "ocr2");
  auto classify1 = pipeline.Worker("classify", "classify1");
  auto classify2 = pipeline.Worker("classify", "classify2");
  auto route1 = pipeline.Worker("route", "route1");
  auto route2 = pipeline.Worker("route", "route2");

  // Two ingests at once; the first is killed once it began storing its box, and run again, as an
  // operator (or systemd) would.
  auto ingest1 = pipeline.Ingester(0, "ingest1");
  auto ingest2 = pipeline.Ingester(1, "ingest2");
  WaitFor([&] { return FilesUnder(pipeline.dir() / "store" / "sha256") > 0 || !ingest1->Running(); },
          "the first ingest to store a page");
  CHECK(ingest1->Running());  // stored a page, not published everything: killed mid-box
  ingest1->Kill();
  WaitFor([&] { return !ingest2->Running(); }, "the second ingest to end");
  CHECK(ingest2->exit_code() == 0);
  auto ingest1_again = pipeline.Ingester(0, "ingest1-again");
  WaitFor([&] { return !ingest1_again->Running(); }, "the first ingest, run again, to end");
  CHECK(ingest1_again->exit_code() == 0);

  // An OCR worker and a classify worker killed with a third of the pages journaled: the other
  // classify worker finishes both boxes from the journal they share, with the readings the killed
  // one took. A router killed once the first pages were delivered.
  WaitForJournal(pipeline, pipeline.Pages() / 3);
  ocr1->Kill();
  classify1->Kill();
  WaitFor([&] { return pipeline.Delivered() > 0; }, "the first delivered pages");
  route1->Kill();
  pipeline.CheckExactlyOnce();
  // The surviving classify worker finished both boxes.
  for (const std::string box : {"BOX-31", "BOX-31-1"}) {
    CHECK(fs::exists(pipeline.dir() / "classify2-state" / box / "report.json"));
  }
}
