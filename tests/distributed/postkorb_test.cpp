// The jobcenter side: documents from the jobcenter's queue become files, once, and nothing that is
// not for this jobcenter is ever written.
#include <sys/stat.h>

#include <chrono>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "mailroom/distributed/postkorb.h"
#include "temp_dir.h"
#include "test_broker.h"

using mailroom::distributed::DeclareTopology;
using mailroom::distributed::PostkorbOptions;
using mailroom::distributed::RunPostkorb;
using mailroom::distributed::Topology;
using mailroom::testing::OpenTestConnection;
using mailroom::testing::TempDir;
using mailroom::testing::TestBrokerUrl;
using mailroom::testing::UniqueName;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

mailroom::classifier::Registry KielAndRostock() {
  mailroom::classifier::Registry registry;
  registry.jobcenters["jc-kiel"] = {"jc-kiel", "Jobcenter Kiel", "23101"};
  registry.jobcenters["jc-rostock"] = {"jc-rostock", "Jobcenter Rostock", "13201"};
  return registry;
}

mailroom::v1::RoutedDocument Routed(const std::string& id, const std::string& jobcenter) {
  mailroom::v1::RoutedDocument routed;
  routed.set_destination("postkorb/" + jobcenter);
  routed.set_pdf("%PDF-1.7 " + id);
  auto* doc = routed.mutable_document();
  doc->set_document_id(id);
  doc->set_box_id("BOX-9");
  doc->mutable_jobcenter_id()->set_string_value(jobcenter);
  doc->mutable_bg_number()->set_string_value("23101BG0000001");
  doc->set_team("leistung");
  doc->set_doc_type("letter");
  doc->add_pages("0002.tif");
  doc->set_confidence(0.97);
  doc->add_evidence("barcode");
  doc->set_pdf(id + ".pdf");
  return routed;
}

mailroom::transport::Message AsMessage(const mailroom::v1::RoutedDocument& routed) {
  mailroom::transport::Message message;
  routed.SerializeToString(&message.body);
  message.message_id = routed.document().document_id();
  return message;
}

int Mode(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return static_cast<int>(st.st_mode & 0777);
}

}  // namespace

TEST_CASE("postkorb: each document is written once, private, and a stray one is dead-lettered",
          "[distributed][broker]") {
  TempDir dir;
  auto conn = OpenTestConnection();
  const Topology topology(UniqueName("mr"));
  REQUIRE(DeclareTopology(conn, KielAndRostock(), {.prefix = topology.Exchange()}));
  const std::string queue = topology.Postkorb("jc-kiel");
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(Routed("BOX-9-001", "jc-kiel"))));
  // The same document again (a router that crashed before its ack), and one for Rostock that went
  // into Kiel's queue by mistake.
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(Routed("BOX-9-001", "jc-kiel"))));
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(Routed("BOX-9-002", "jc-rostock"))));
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(Routed("BOX-9-003", "jc-kiel"))));

  PostkorbOptions options{"jc-kiel", dir / "out", topology, 2};
  mailroom::transport::StopFlag stop{false};
  // A safety net only: the consumer stops by itself after max_documents.
  std::thread watchdog([&stop] {
    for (int i = 0; i < 200 && !stop; ++i) std::this_thread::sleep_for(100ms);
    stop = true;
  });
  const auto written = RunPostkorb({.url = TestBrokerUrl()}, options, stop);
  stop = true;
  watchdog.join();
  REQUIRE(written);
  CHECK(*written == 2);

  const fs::path folder = dir / "out" / "postkorb" / "jc-kiel" / "leistung";
  CHECK(fs::exists(folder / "BOX-9-001.pdf"));
  CHECK(fs::exists(folder / "BOX-9-001.json"));
  CHECK(fs::exists(folder / "BOX-9-003.json"));
  CHECK(Mode(folder / "BOX-9-001.json") == 0600);
  CHECK_FALSE(fs::exists(dir / "out" / "postkorb" / "jc-rostock"));
  CHECK_FALSE(fs::exists(folder / "BOX-9-002.json"));

  auto dead = OpenTestConnection();
  REQUIRE(dead.Consume(Topology::Dead(queue), 1));
  auto poisoned = dead.Receive(5s);
  REQUIRE(poisoned);
  REQUIRE(poisoned->has_value());
  CHECK((*poisoned)->message.message_id == "BOX-9-002");
  CHECK((*poisoned)->message.headers.at("x-mailroom-error").find("not postkorb/jc-kiel") != std::string::npos);
  REQUIRE(dead.Ack((*poisoned)->delivery_tag));
  for (const auto& q : topology.WorkQueues(KielAndRostock())) {
    REQUIRE(conn.DeleteQueue(q));
    REQUIRE(conn.DeleteQueue(Topology::Dead(q)));
  }
}
