// The review desk's deliveries onto the Postkorb queues: published with the broker's confirm, a
// broker that is away fails the action with the reason and loses nothing, and whatever is taken
// again ends as exactly one copy at the jobcenter.
#include <chrono>
#include <regex>
#include <thread>

#include <catch2/catch.hpp>

#include "mailroom/distributed/desk_delivery.h"
#include "mailroom/distributed/postkorb.h"
#include "mailroom/distributed/review_intake.h"
#include "mailroom/review/assignment.h"
#include "private_broker.h"
#include "review_queue_fixture.h"
#include "temp_dir.h"
#include "test_broker.h"

using namespace mailroom;
using distributed::QueuePostkorbSink;
using distributed::Topology;
using testing::FilesUnder;
using testing::TempDir;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

classifier::Registry Kiel() {
  classifier::Registry registry;
  registry.jobcenters["jc-kiel"] = {"jc-kiel", "Jobcenter Kiel", "35301"};
  return registry;
}

// What the desk leaves in OUT_DIR when a clerk assigns BOX-7-001 (taken in from the review queue)
// to a case of jc-kiel: its JSON and PDF in postkorb/jc-kiel/leistung/. Returns the JSON's path.
fs::path AssignedAtTheDesk(const TempDir& dir) {
  const fs::path out = dir / "desk";
  const auto document = testing::ReviewDocumentFor("BOX-7-001", dir / "scratch");
  REQUIRE(distributed::TakeIntoReview(document.routed, out)->intake == distributed::Intake::kWritten);
  auto in_review = review::FindReviewDocument(out, "BOX-7-001");
  REQUIRE(in_review);
  const review::ResolvedCase to_case{"35301BG0012345", "jc-kiel", "letter", "leistung", {}};
  auto json = review::AssignDocument(out, *in_review, to_case, "clerk7", *ParseUtcTime("2026-12-06T10:00:00Z"));
  REQUIRE(json);
  return out / *json;
}

fs::path PdfBeside(const fs::path& json) {
  return json.parent_path() / (json.stem().string() + ".pdf");
}

QueuePostkorbSink SinkFor(const std::string& url, const Topology& topology) {
  distributed::DeskDeliveryOptions options;
  options.connect = {.url = url};
  options.topology = topology;
  options.retry.give_up_after = 3s;  // the clerk's wait, shortened for the test
  return QueuePostkorbSink(std::move(options));
}

struct Drained {
  int written = 0;
  std::uint32_t left_in_queue = 0;
  std::uint32_t dead_lettered = 0;
};

// Runs the jobcenter's `mailroom postkorb` until its queue is empty and every delivery in hand
// was acked, then stops it and looks at what is left on the broker.
Drained DrainPostkorb(const std::string& url, const Topology& topology, const fs::path& jobcenter_out) {
  const std::string queue = topology.Postkorb("jc-kiel");
  transport::StopFlag stop{false};
  Result<int> written = 0;
  std::thread consumer([&] {
    written = distributed::RunPostkorb({.url = url}, {"jc-kiel", jobcenter_out, topology, 0}, stop);
  });
  auto conn = transport::Connection::Open({.url = url});
  REQUIRE(conn);
  for (int i = 0; i < 100 && conn->InspectQueue(queue)->messages > 0; ++i) std::this_thread::sleep_for(100ms);
  std::this_thread::sleep_for(1500ms);  // a delivery in hand is written and acked by then
  stop = true;
  consumer.join();
  REQUIRE(written);
  std::this_thread::sleep_for(500ms);  // an unacked delivery would be back in the queue by now
  return {*written, conn->InspectQueue(queue)->messages, conn->InspectQueue(Topology::Dead(queue))->messages};
}

}  // namespace

TEST_CASE("desk delivery: a stable message id from the document id and its content") {
  TempDir dir;
  const fs::path json = AssignedAtTheDesk(dir);
  auto routed = distributed::DeskRoutedDocument("jc-kiel", json, PdfBeside(json));
  REQUIRE(routed);
  CHECK(routed->destination() == "postkorb/jc-kiel");
  CHECK(routed->document().resolved_by() == "clerk7");
  const std::string id = distributed::DeskMessageId(*routed);
  CHECK(std::regex_match(id, std::regex("BOX-7-001@sha256:[0-9a-f]{64}")));
  CHECK(distributed::DeskMessageId(*distributed::DeskRoutedDocument("jc-kiel", json, PdfBeside(json))) == id);
  auto changed = *routed;
  changed.mutable_document()->set_doc_type("payslip");
  CHECK(distributed::DeskMessageId(changed) != id);

  auto other = distributed::DeskRoutedDocument("jc-rostock", json, PdfBeside(json));
  REQUIRE_FALSE(other);
  CHECK(other.error().message == json.string() + ": document BOX-7-001 is not for jobcenter jc-rostock");
  auto missing = distributed::DeskRoutedDocument("jc-kiel", json, dir / "nowhere.pdf");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.rfind((dir / "nowhere.pdf").string() + ": cannot open", 0) == 0);
}

TEST_CASE("postkorb: the same document again is a repeat, other content under a delivered id is not written") {
  TempDir dir;
  const distributed::PostkorbOptions options{"jc-kiel", dir / "jobcenter", Topology("mr"), 0};
  const fs::path json = AssignedAtTheDesk(dir);
  auto routed = distributed::DeskRoutedDocument("jc-kiel", json, PdfBeside(json));
  REQUIRE(routed);
  REQUIRE(distributed::WritePostkorbDocument(*routed, options) == distributed::Delivered::kWritten);
  const auto delivered = FilesUnder(dir / "jobcenter" / "postkorb");
  CHECK(delivered == FilesUnder(dir / "desk" / "postkorb") /* the desk's files, byte for byte */);

  // The clerk's action taken again: the same files, the same bytes.
  auto taken_again = distributed::DeskRoutedDocument("jc-kiel", json, PdfBeside(json));
  REQUIRE(taken_again);
  CHECK(distributed::WritePostkorbDocument(*taken_again, options) == distributed::Delivered::kRepeat);
  auto other_case = *routed;
  other_case.mutable_document()->mutable_bg_number()->set_string_value("35301BG0067890");
  auto other_pdf = *routed;
  other_pdf.set_pdf(routed->pdf() + "\n% made again\n");
  for (const auto& other : {other_case, other_pdf}) {
    auto refused = distributed::WritePostkorbDocument(other, options);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("document BOX-7-001 is delivered (") == 0);
    CHECK(refused.error().message.find("already, with other content: not written") != std::string::npos);
  }
  CHECK(FilesUnder(dir / "jobcenter" / "postkorb") == delivered);
}

TEST_CASE("desk delivery: the broker away fails the action with the reason, and taken again it arrives once",
          "[distributed][broker]") {
  testing::PrivateBroker broker;
  TempDir dir;
  const Topology topology("mr");
  {
    auto conn = transport::Connection::Open({.url = broker.Url()});
    REQUIRE(conn);
    REQUIRE(distributed::DeclareTopology(*conn, Kiel(), {.prefix = "mr"}));
  }
  const fs::path json = AssignedAtTheDesk(dir);
  auto sink = SinkFor(broker.Url(), topology);

  REQUIRE(broker.Halt());
  const auto start = std::chrono::steady_clock::now();
  auto failed = sink.Deliver("jc-kiel", json, PdfBeside(json));
  REQUIRE_FALSE(failed);
  CHECK(std::chrono::steady_clock::now() - start < 30s);
  INFO(failed.error().message);
  CHECK(failed.error().message.rfind("document BOX-7-001 to mr.postkorb.jc-kiel: ", 0) == 0);
  CHECK(failed.error().message.find("(not delivered to jc-kiel yet: the document waits in " +
                                    json.parent_path().string() + ", and taking the action again sends it)") !=
        std::string::npos);
  CHECK(fs::exists(json));  // nothing lost: the desk's copy stays where it was
  CHECK(fs::exists(PdfBeside(json)));

  REQUIRE(broker.Resume());
  REQUIRE(sink.Deliver("jc-kiel", json, PdfBeside(json)));
  // A confirm lost with a connection that broke right after the publish: the clerk takes the
  // action again, and a second copy is on the queue.
  REQUIRE(sink.Deliver("jc-kiel", json, PdfBeside(json)));

  const auto drained = DrainPostkorb(broker.Url(), topology, dir / "jobcenter");
  CHECK(drained.written == 1);
  CHECK(drained.left_in_queue == 0);
  CHECK(drained.dead_lettered == 0);
  CHECK(FilesUnder(dir / "jobcenter" / "postkorb") == FilesUnder(dir / "desk" / "postkorb"));
}

TEST_CASE("desk delivery: a desk killed before or after its publish, taking the action again, delivers once",
          "[distributed][broker]") {
  TempDir dir;
  const Topology topology(testing::UniqueName("desk"));
  auto conn = testing::OpenTestConnection();
  REQUIRE(distributed::DeclareTopology(conn, Kiel(), {.prefix = topology.Exchange()}));
  const std::string queue = topology.Postkorb("jc-kiel");
  // Killed after the Postkorb files were written and before the publish: nothing on the queue.
  const fs::path json = AssignedAtTheDesk(dir);
  CHECK(conn.InspectQueue(queue)->messages == 0);
  auto sink = SinkFor(testing::TestBrokerUrl(), topology);
  // Taken again: the desk finds the document in its Postkorb and delivers it.
  REQUIRE(sink.Deliver("jc-kiel", json, PdfBeside(json)));
  // Killed after that publish, before the desk said so: taken once more.
  REQUIRE(sink.Deliver("jc-kiel", json, PdfBeside(json)));
  CHECK(conn.InspectQueue(queue)->messages == 2);

  const auto drained = DrainPostkorb(testing::TestBrokerUrl(), topology, dir / "jobcenter");
  CHECK(drained.written == 1);
  CHECK(drained.left_in_queue == 0);
  CHECK(drained.dead_lettered == 0);
  CHECK(FilesUnder(dir / "jobcenter" / "postkorb") == FilesUnder(dir / "desk" / "postkorb"));
  for (const auto& q : topology.WorkQueues(Kiel())) {
    REQUIRE(conn.DeleteQueue(q));
    REQUIRE(conn.DeleteQueue(Topology::Dead(q)));
  }
}
