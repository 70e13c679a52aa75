// The OCR worker against the private broker: a generated box goes in as pages, one reading per
// page comes out, poison pages land in the dead-letter queue with their error, and a corrupt image
// is an unreadable reading for review, not a dead letter.
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "distributed_test_util.h"
#include "mailroom.pb.h"
#include "mailroom/distributed/ingest.h"
#include "mailroom/distributed/ocr_worker.h"
#include "mailroom/proto/messages.h"
#include "mailroom/proto/page_reading_codec.h"
#include "mailroom/samplegen/samplegen.h"
#include "temp_dir.h"
#include "test_broker.h"

using mailroom::distributed::DeclareTopology;
using mailroom::distributed::IngestBox;
using mailroom::distributed::kErrorHeader;
using mailroom::distributed::OcrWorkerOptions;
using mailroom::distributed::RunOcrWorker;
using mailroom::distributed::Topology;
using mailroom::testing::FreshTopology;
using mailroom::testing::GeneratedBox;
using mailroom::testing::OpenTestConnection;
using mailroom::testing::TempDir;
using mailroom::testing::TestBrokerUrl;
using mailroom::testing::UniqueName;
using mailroom::transport::Delivery;
using mailroom::transport::Message;
using namespace std::chrono_literals;

namespace {

// Consumes `queue` until `count` messages came or `deadline` passed; acks them.
std::vector<Delivery> Collect(mailroom::transport::Connection& conn, const std::string& queue, std::size_t count,
                              std::chrono::steady_clock::time_point deadline) {
  REQUIRE(conn.Consume(queue, 50));
  std::vector<Delivery> out;
  while (out.size() < count && std::chrono::steady_clock::now() < deadline) {
    auto got = conn.Receive(200ms);
    REQUIRE(got);
    if (!got->has_value()) continue;
    REQUIRE(conn.Ack((*got)->delivery_tag));
    out.push_back(std::move(**got));
  }
  return out;
}

Message PageMessage(const std::string& name, unsigned index, const std::string& ref, const std::string& listing_error) {
  mailroom::v1::Page page;
  page.set_schema_version(mailroom::proto::kSchemaVersion);
  page.set_box_id("BOX-1");
  page.set_name(name);
  page.set_index(index);
  page.set_content_ref(ref);
  page.set_listing_error(listing_error);
  Message m;
  page.SerializeToString(&m.body);
  m.message_id = mailroom::distributed::PageMessageId("BOX-1", name);
  m.headers = {{"box_id", "BOX-1"}};
  return m;
}

}  // namespace

TEST_CASE("the OCR worker reads every page once and dead-letters only poison pages", "[distributed][broker][ocr]") {
  TempDir dir;
  const auto generated = GeneratedBox(dir.path(), 3, 150);
  const auto* sample = &generated;
  auto store = mailroom::store::ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto conn = OpenTestConnection();
  const mailroom::classifier::Registry no_jobcenters;
  const Topology topology = FreshTopology(conn, no_jobcenters);
  REQUIRE(IngestBox(sample->box_dir, *store, conn, topology));

  // Poison: a blob that is not in the store, and a message that is not a Page at all.
  const std::string missing_ref = "sha256:" + std::string(64, '0');
  REQUIRE(conn.Publish(topology.Exchange(), topology.Pages(), PageMessage("lost.tif", 900, missing_ref, "")));
  Message garbage;
  garbage.body = std::string("\xff\xfe not a page", 13);
  garbage.message_id = "garbage-1";
  REQUIRE(conn.Publish(topology.Exchange(), topology.Pages(), garbage));
  // Not poison: a corrupt image, and a file ingest already knew cannot be a page.
  auto corrupt_ref = store->Put(std::string("II*\0 this is not a TIFF", 23));
  REQUIRE(corrupt_ref);
  REQUIRE(conn.Publish(topology.Exchange(), topology.Pages(), PageMessage("broken.tif", 901, *corrupt_ref, "")));
  REQUIRE(conn.Publish(topology.Exchange(), topology.Pages(),
                       PageMessage("notes.txt", 902, *corrupt_ref, "not an image file (unknown type)")));

  OcrWorkerOptions options;
  options.connect.url = TestBrokerUrl();
  options.topology = topology;
  options.store_dir = dir / "store";
  options.jobs = 2;
  options.scratch_dir = dir / "scratch";
  std::mutex log_mutex;
  std::vector<std::string> log;
  options.log = [&](const std::string& line) {
    std::lock_guard lock(log_mutex);
    log.push_back(line);
  };
  mailroom::transport::StopFlag stop{false};
  mailroom::Result<mailroom::distributed::OcrWorkerSummary> summary;
  std::thread worker([&] { summary = RunOcrWorker(options, stop); });

  const auto deadline = std::chrono::steady_clock::now() + 120s;
  auto readings_conn = OpenTestConnection();
  const auto readings =
      Collect(readings_conn, topology.Readings(), static_cast<std::size_t>(sample->pages) + 2, deadline);
  auto dead_conn = OpenTestConnection();
  const auto dead = Collect(dead_conn, Topology::Dead(topology.Pages()), 2, deadline);
  stop = true;
  worker.join();
  REQUIRE(summary);
  CHECK(summary->readings == sample->pages + 2);
  CHECK(summary->dead_lettered == 2);

  // One reading per page, under the page's id.
  REQUIRE(readings.size() == static_cast<std::size_t>(sample->pages) + 2);
  std::map<std::string, mailroom::proto::WirePageReading> by_name;
  for (const auto& delivery : readings) {
    auto reading = mailroom::proto::ParsePageReading(delivery.message.body);
    REQUIRE(reading);
    CHECK(reading->box_id == "BOX-1");
    CHECK(delivery.message.message_id == "BOX-1/" + reading->reading.name);
    CHECK(delivery.message.headers.at("box_id") == "BOX-1");
    CHECK(delivery.persistent);
    CHECK(by_name.emplace(reading->reading.name, *reading).second);
  }

  nlohmann::json truth;
  std::ifstream(sample->truth_file) >> truth;
  REQUIRE(truth["pages"].size() == static_cast<std::size_t>(sample->pages));
  int index = 0;
  for (const auto& page : truth["pages"]) {
    const std::string name = page["file"];
    const std::string kind = page["kind"];
    INFO(name << " is " << kind);
    REQUIRE(by_name.contains(name));
    const auto& wire = by_name.at(name);
    CHECK(wire.reading.index == index++);
    if (kind == "separator") {
      CHECK(wire.reading.kind == mailroom::PageKind::kSeparator);
    } else if (kind == "blank") {
      CHECK(wire.reading.kind == mailroom::PageKind::kBlank);
    } else {
      REQUIRE(wire.reading.kind == mailroom::PageKind::kContent);
      CHECK_FALSE(wire.reading.text.empty());
      CHECK_FALSE(wire.reading.words.empty());
      auto has_pdf = store->Has(wire.pdf_ref);
      REQUIRE(has_pdf);
      CHECK(*has_pdf);
    }
  }

  // A corrupt image goes to review as an unreadable reading, like in `mailroom process`.
  for (const std::string name : {"broken.tif", "notes.txt"}) {
    INFO(name);
    REQUIRE(by_name.contains(name));
    CHECK(by_name.at(name).reading.kind == mailroom::PageKind::kUnreadable);
    CHECK(by_name.at(name).reading.error.find(name) != std::string::npos);
    CHECK(by_name.at(name).pdf_ref.empty());
  }

  // The poison pages travel to the dead-letter queue untouched, with the reason attached.
  REQUIRE(dead.size() == 2);
  std::map<std::string, Delivery> dead_by_id;
  for (const auto& delivery : dead) dead_by_id.emplace(delivery.message.message_id, delivery);
  REQUIRE(dead_by_id.contains("BOX-1/lost.tif"));
  const auto& lost = dead_by_id.at("BOX-1/lost.tif").message;
  CHECK(lost.body == PageMessage("lost.tif", 900, missing_ref, "").body);
  CHECK(lost.headers.at(kErrorHeader).find("BOX-1/lost.tif") != std::string::npos);
  CHECK(lost.headers.at(kErrorHeader).find(missing_ref) != std::string::npos);
  REQUIRE(dead_by_id.contains("garbage-1"));
  CHECK(dead_by_id.at("garbage-1").message.headers.at(kErrorHeader).find("not a mailroom.v1.Page") !=
        std::string::npos);

  // Nothing is left behind: the queue is empty and the scratch PDFs were moved into the store.
  auto left = OpenTestConnection();
  CHECK(Collect(left, topology.Pages(), 1, std::chrono::steady_clock::now() + 1s).empty());
  CHECK_FALSE(std::filesystem::exists(dir / "scratch" / "mailroom-ocr-0"));

  for (const auto& queue : topology.WorkQueues(no_jobcenters)) {
    REQUIRE(conn.DeleteQueue(queue));
    REQUIRE(conn.DeleteQueue(Topology::Dead(queue)));
  }
}

TEST_CASE("the OCR worker fails at once when the pages queue does not exist", "[distributed][broker][ocr]") {
  TempDir dir;
  OcrWorkerOptions options;
  options.connect.url = TestBrokerUrl();
  options.topology = Topology(UniqueName("mr"));  // never declared
  options.store_dir = dir / "store";
  options.jobs = 1;
  options.log = [](const std::string&) {};
  mailroom::transport::StopFlag stop{false};
  const auto summary = RunOcrWorker(options, stop);
  REQUIRE_FALSE(summary);
  CHECK(summary.error().message.find(options.topology.Pages()) != std::string::npos);
}
