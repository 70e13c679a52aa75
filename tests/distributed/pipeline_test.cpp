// The whole distributed pipeline on a real broker — ingest, two OCR workers, the classifier, the
// router, the jobcenters' Postkorb consumers and the review intake — gives the same documents as
// `mailroom process` on the same box, the originals of its unreadable pages included.
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include "distributed_test_util.h"

#include "mailroom/app/process_box.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/distributed/ingest.h"
#include "mailroom/distributed/ocr_worker.h"
#include "mailroom/distributed/postkorb.h"
#include "mailroom/distributed/review_intake.h"
#include "mailroom/distributed/stage_workers.h"
#include "mailroom/proto/messages.h"
#include "mailroom/samplegen/samplegen.h"
#include "temp_dir.h"
#include "test_broker.h"

using namespace mailroom;
using namespace mailroom::distributed;
using mailroom::testing::OpenTestConnection;
using mailroom::testing::Slurp;
using mailroom::testing::TempDir;
using mailroom::testing::TestBrokerUrl;
using mailroom::testing::UniqueName;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// Relative path -> bytes of every file under OUT/<folder> whose name ends in `extension` (any: "").
std::map<std::string, std::string> FilesUnder(const fs::path& out, const std::string& folder,
                                              const std::string& extension = "") {
  std::map<std::string, std::string> docs;
  if (!fs::exists(out / folder)) return docs;
  for (const auto& entry : fs::recursive_directory_iterator(out / folder)) {
    if (entry.is_regular_file() && entry.path().string().ends_with(extension)) {
      docs[fs::relative(entry.path(), out).string()] = Slurp(entry.path());
    }
  }
  return docs;
}

std::map<std::string, std::string> PostkorbFiles(const fs::path& out, const std::string& extension) {
  return FilesUnder(out, "postkorb", extension);
}

std::map<std::string, std::string> PostkorbJson(const fs::path& out) {
  return PostkorbFiles(out, ".json");
}

}  // namespace

TEST_CASE("distributed: ingest, two OCR workers, classifier, router and Postkorb give what process gives",
          "[distributed][broker][pipeline]") {
  TempDir dir;
  samplegen::SampleOptions sample_options;
  sample_options.out_dir = dir / "sample";
  sample_options.seed = 21;
  sample_options.envelopes = 6;
  sample_options.classification_mix = true;
  auto sample = samplegen::GenerateSampleBox(sample_options);
  REQUIRE(sample);
  // One arrival time for both runs (without it, each says the box arrived when it was handed over).
  auto box_json = nlohmann::json::parse(ReadWholeFile(sample->box_dir / "box.json").value());
  box_json["arrived_at"] = "2026-11-24T06:30:00Z";
  REQUIRE(WriteFileAtomically(sample->box_dir / "box.json", box_json.dump()));
  // Two pages that cannot be read, each a review document with its original beside it: an image
  // that does not decode, and a file of no page type at all (ingest stores it all the same).
  REQUIRE(WriteFileAtomically(sample->box_dir / "9998.jpg", "\xff\xd8 not a JPEG after all"));
  REQUIRE(WriteFileAtomically(sample->box_dir / "9999.docx", "a letter as a file, not a page"));

  // The embedded run: the reference.
  app::ProcessOptions process;
  process.box_dir = sample->box_dir;
  process.registry_dir = sample->registry_dir;
  process.out_dir = dir / "embedded";
  process.jobs = 2;
  process.progress = false;
  auto embedded = app::ProcessBox(process);
  REQUIRE(embedded);
  const auto expected = PostkorbJson(dir / "embedded");
  REQUIRE_FALSE(expected.empty());
  const int expected_documents = embedded->documents_routed + embedded->documents_review;
  const auto expected_review = FilesUnder(dir / "embedded", "review");
  int originals = 0;
  for (const auto& [path, bytes] : expected_review)
    originals += path.ends_with(".orig.jpg") || path.ends_with(".orig.docx");
  REQUIRE(originals == 2);

  auto registry = classifier::LoadRegistry(sample->registry_dir);
  REQUIRE(registry);
  auto conn = OpenTestConnection();
  const Topology topology(UniqueName("pipe"));
  REQUIRE(DeclareTopology(conn, *registry, {.prefix = topology.Exchange()}));
  auto store = store::ContentStore::Open(dir / "store");
  REQUIRE(store);
  REQUIRE(IngestBox(sample->box_dir, *store, conn, topology));

  transport::StopFlag stop{false};
  const transport::ConnectOptions broker{.url = TestBrokerUrl()};
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i) {
    workers.emplace_back([&, i] {
      OcrWorkerOptions ocr;
      ocr.connect = broker;
      ocr.topology = topology;
      ocr.store_dir = dir / "store";
      ocr.jobs = 1;
      ocr.scratch_dir = dir / ("ocr-scratch-" + std::to_string(i));
      ocr.log = [](const std::string&) {};
      CHECK(RunOcrWorker(ocr, stop));
    });
  }
  StageWorkerOptions stage;
  stage.connect = broker;
  stage.topology = topology;
  stage.store_dir = dir / "store";
  const classifier::Classifier classifier(*registry);
  workers.emplace_back([&, stage]() mutable {
    stage.state_dir = dir / "journal";
    CHECK(RunClassifyWorker(stage, classifier, stop));
  });
  int routed = 0;
  std::thread router([&, stage]() mutable {
    stage.state_dir = dir / "router-scratch";
    stage.max_items = expected_documents;
    auto result = RunRouteWorker(stage, stop);
    REQUIRE(result);
    routed = *result;
  });
  // A watchdog: the router ends by itself after the expected documents.
  std::thread watchdog([&] {
    for (int i = 0; i < 1200 && routed == 0; ++i) std::this_thread::sleep_for(100ms);
  });
  router.join();
  watchdog.join();

  // Every jobcenter fetches its own documents.
  std::map<std::string, int> per_jobcenter;
  for (const auto& [path, json] : expected) per_jobcenter[fs::path(path).parent_path().parent_path().filename()]++;
  for (const auto& [jobcenter, count] : per_jobcenter) {
    PostkorbOptions postkorb{jobcenter, dir / "distributed", topology, count};
    transport::StopFlag postkorb_stop{false};
    auto written = RunPostkorb(broker, postkorb, postkorb_stop);
    REQUIRE(written);
    CHECK(*written == count);
  }
  // The review desk's in-tray fetches the rest.
  ReviewIntakeOptions intake;
  intake.connect = broker;
  intake.topology = topology;
  intake.out_dir = dir / "distributed";
  intake.max_documents = embedded->documents_review;
  transport::StopFlag intake_stop{false};
  auto taken_in = RunReviewIntake(intake, intake_stop);
  REQUIRE(taken_in);
  CHECK(*taken_in == embedded->documents_review);
  stop = true;
  for (auto& worker : workers) worker.join();

  CHECK(routed == expected_documents);
  CHECK(PostkorbJson(dir / "distributed") == expected);
  // The PDFs too, byte for byte: their dates are the box's arrival, never the clock of either run.
  const auto expected_pdfs = PostkorbFiles(dir / "embedded", ".pdf");
  CHECK(expected_pdfs.size() == expected.size());
  CHECK(PostkorbFiles(dir / "distributed", ".pdf") == expected_pdfs);
  // The review folder whole, byte for byte: PDFs, JSONs and the originals of unreadable pages.
  CHECK(FilesUnder(dir / "distributed", "review") == expected_review);
  // The custody record of the box: the same as the embedded run's report.json.
  CHECK(Slurp(dir / "journal" / "BOX-21" / "report.json") == Slurp(dir / "embedded" / "report.json"));
  for (const auto& queue : topology.WorkQueues(*registry)) {
    REQUIRE(conn.DeleteQueue(queue));
    REQUIRE(conn.DeleteQueue(Topology::Dead(queue)));
  }
}
