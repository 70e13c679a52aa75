// `IngestBox` against the private broker: the pages go into the content store, the manifest and
// one small message per page to the broker; a second ingest of the same box is recognisable.
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "distributed_test_util.h"
#include "mailroom.pb.h"
#include "mailroom/distributed/ingest.h"
#include "mailroom/samplegen/samplegen.h"
#include "temp_dir.h"
#include "test_broker.h"
#include "tiff_frames.h"

using mailroom::distributed::DeclareTopology;
using mailroom::distributed::IngestBox;
using mailroom::distributed::Topology;
using mailroom::testing::FreshTopology;
using mailroom::testing::GeneratedBox;
using mailroom::testing::OpenTestConnection;
using mailroom::testing::Slurp;
using mailroom::testing::TempDir;
using mailroom::testing::UniqueName;
using mailroom::testing::WriteTiffFrames;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// Every message waiting in `queue`, acked.
std::vector<mailroom::transport::Delivery> Drain(mailroom::transport::Connection& conn, const std::string& queue) {
  REQUIRE(conn.Consume(queue, 100));
  std::vector<mailroom::transport::Delivery> out;
  for (;;) {
    auto got = conn.Receive(500ms);
    REQUIRE(got);
    if (!got->has_value()) return out;
    REQUIRE(conn.Ack((*got)->delivery_tag));
    out.push_back(std::move(**got));
  }
}

}  // namespace

TEST_CASE("ingest stores every page and publishes the manifest and one message per page", "[distributed][broker]") {
  TempDir dir;
  const auto sample = GeneratedBox(dir.path(), 3, 100);
  auto store = mailroom::store::ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto conn = OpenTestConnection();
  const mailroom::classifier::Registry no_jobcenters;
  const Topology topology = FreshTopology(conn, no_jobcenters);

  auto first = IngestBox(sample.box_dir, *store, conn, topology);
  REQUIRE(first);
  CHECK(first->box_id == "BOX-1");
  CHECK(first->pages == sample.pages);

  const auto boxes = Drain(conn, topology.Boxes());
  REQUIRE(boxes.size() == 1);
  mailroom::v1::BoxManifest manifest;
  REQUIRE(manifest.ParseFromString(boxes[0].message.body));
  CHECK(manifest.box().box_id() == "BOX-1");
  CHECK(manifest.pages_size() == sample.pages);
  CHECK_FALSE(manifest.received_at().empty());

  auto reader = OpenTestConnection();
  const auto pages = Drain(reader, topology.Pages());
  REQUIRE(pages.size() == static_cast<std::size_t>(sample.pages));
  std::map<std::string, std::string> refs;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    mailroom::v1::Page page;
    REQUIRE(page.ParseFromString(pages[i].message.body));
    CHECK(page.index() == i);
    CHECK(page.name() == manifest.pages(static_cast<int>(i)));
    CHECK(pages[i].message.message_id == "BOX-1/" + page.name());
    CHECK(pages[i].message.body.size() < 200);  // a reference, not an image
    auto bytes = store->Get(page.content_ref());
    REQUIRE(bytes);
    CHECK(*bytes == Slurp(sample.box_dir / page.name()));
    refs[page.name()] = page.content_ref();
  }

  SECTION("a second ingest of the same box publishes the same ids and references") {
    REQUIRE(IngestBox(sample.box_dir, *store, conn, topology));
    const auto again = Drain(reader, topology.Pages());
    REQUIRE(again.size() == pages.size());
    for (const auto& delivery : again) {
      mailroom::v1::Page page;
      REQUIRE(page.ParseFromString(delivery.message.body));
      CHECK(refs[page.name()] == page.content_ref());
    }
  }
  for (const auto& queue : topology.WorkQueues(no_jobcenters)) {
    REQUIRE(conn.DeleteQueue(queue));
    REQUIRE(conn.DeleteQueue(Topology::Dead(queue)));
  }
}

TEST_CASE("ingest of a box with a broken box.json publishes nothing and names the file", "[distributed][broker]") {
  TempDir dir;
  fs::create_directories(dir / "box");
  std::ofstream(dir / "box" / "box.json") << "{not json";
  std::ofstream(dir / "box" / "0001.tif") << "x";
  auto store = mailroom::store::ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto conn = OpenTestConnection();
  const Topology topology(UniqueName("mr"));
  const auto result = IngestBox(dir / "box", *store, conn, topology);
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("box.json") != std::string::npos);
}

TEST_CASE("ingest lists a file of more frames than --max-frames as one page refused unread", "[distributed][broker]") {
  TempDir dir;
  const auto sample = GeneratedBox(dir.path(), 1, 100);
  WriteTiffFrames(sample.box_dir / "9999.tif", 3);
  auto store = mailroom::store::ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto conn = OpenTestConnection();
  const mailroom::classifier::Registry no_jobcenters;
  const Topology topology = FreshTopology(conn, no_jobcenters);

  mailroom::ingest::PageLimits limits;
  limits.max_frames = 3;
  auto taken = IngestBox(sample.box_dir, *store, conn, topology, "", limits);
  REQUIRE(taken);
  CHECK(taken->pages == sample.pages + 3);  // 9999.tif#1 .. #3
  Drain(conn, topology.Pages());

  limits.max_frames = 2;
  auto refused = IngestBox(sample.box_dir, *store, conn, topology, "", limits);
  REQUIRE(refused);
  REQUIRE(refused->pages == sample.pages + 1);
  const auto pages = Drain(conn, topology.Pages());
  REQUIRE(pages.size() == static_cast<std::size_t>(sample.pages + 1));
  mailroom::v1::Page last;
  REQUIRE(last.ParseFromString(pages.back().message.body));
  CHECK(last.name() == "9999.tif");
  CHECK(last.listing_error() == "a TIFF of more than 2 pages, the most a file may have; not decoded");
}
