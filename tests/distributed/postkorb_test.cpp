// The jobcenter side: documents from the jobcenter's queue become files, once, and nothing that is
// not for this jobcenter is ever written.
#include <sys/stat.h>

#include <chrono>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/distributed/postkorb.h"
#include "mailroom/routing/document_message.h"
#include "mailroom/routing/output.h"
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

// A document for Kiel as the route worker makes it: assembled by routing's own step (its page PDF
// made once, as OCR does; an unreadable page's notice page drawn by each assembly).
mailroom::v1::RoutedDocument Assembled(const fs::path& dir, const std::string& id) {
  mailroom::routing::DocumentInput input;
  input.box_id = "BOX-9";
  input.document_id = id;
  input.box_arrived_at = "2026-11-24T06:30:00Z";
  auto& c = input.classification;
  c.routed = true;
  c.jobcenter_id = "jc-kiel";
  c.bg_number = "23101BG0000001";
  c.doc_type = "letter";
  c.team = "leistung";
  c.confidence = 0.9;
  c.evidence = {"barcode"};
  input.page_names = {"0002.tif", "0003.tif"};
  if (!fs::exists(dir / "0002.pdf")) REQUIRE(mailroom::routing::WriteNoticePdf(dir / "0002.pdf", "Seite 1"));
  input.page_pdfs = {dir / "0002.pdf", ""};
  auto assembled = mailroom::routing::AssembleDocument(input, dir / "scratch");
  REQUIRE(assembled);
  mailroom::v1::RoutedDocument routed;
  *routed.mutable_document() = mailroom::routing::MakeDocument(input, assembled->pdf_name());
  routed.set_destination("postkorb/jc-kiel");
  routed.set_pdf(assembled->pdf);
  return routed;
}

// Runs Kiel's consumer on OUT until it has written `documents`; returns how many it wrote.
int ConsumeKiel(const fs::path& out, const Topology& topology, int documents) {
  PostkorbOptions options{"jc-kiel", out, topology, documents};
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
  return *written;
}

// The one message in `queue`'s dead-letter queue (taken off it), which must be `message_id`;
// returns its reason.
std::string OnlyDeadLetter(const std::string& queue, const std::string& message_id) {
  auto dead = OpenTestConnection();
  REQUIRE(dead.Consume(Topology::Dead(queue), 1));
  auto poisoned = dead.Receive(5s);
  REQUIRE(poisoned);
  REQUIRE(poisoned->has_value());
  CHECK((*poisoned)->message.message_id == message_id);
  REQUIRE(dead.Ack((*poisoned)->delivery_tag));
  auto nothing_more = dead.Receive(500ms);
  REQUIRE(nothing_more);
  CHECK_FALSE(nothing_more->has_value());
  return (*poisoned)->message.headers.at("x-mailroom-error");
}

void DeleteQueues(mailroom::transport::Connection& conn, const Topology& topology) {
  for (const auto& q : topology.WorkQueues(KielAndRostock())) {
    REQUIRE(conn.DeleteQueue(q));
    REQUIRE(conn.DeleteQueue(Topology::Dead(q)));
  }
}

// What the jobcenter's import does: takes every file of the Postkorb away.
void ImportTakesEverything(const fs::path& out) {
  fs::remove_all(out / "postkorb");
  REQUIRE_FALSE(fs::exists(out / "postkorb"));
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

  CHECK(ConsumeKiel(dir / "out", topology, 2) == 2);

  const fs::path folder = dir / "out" / "postkorb" / "jc-kiel" / "leistung";
  CHECK(fs::exists(folder / "BOX-9-001.pdf"));
  CHECK(fs::exists(folder / "BOX-9-001.json"));
  CHECK(fs::exists(folder / "BOX-9-003.json"));
  CHECK(Mode(folder / "BOX-9-001.json") == 0600);
  CHECK_FALSE(fs::exists(dir / "out" / "postkorb" / "jc-rostock"));
  CHECK_FALSE(fs::exists(folder / "BOX-9-002.json"));

  CHECK_THAT(OnlyDeadLetter(queue, "BOX-9-002"), Catch::Contains("not postkorb/jc-kiel"));
  DeleteQueues(conn, topology);
}

TEST_CASE("postkorb: a document whose id, team or page names would climb out of the Postkorb is dead-lettered",
          "[distributed][broker]") {
  TempDir dir;
  auto conn = OpenTestConnection();
  const Topology topology(UniqueName("mr"));
  REQUIRE(DeclareTopology(conn, KielAndRostock(), {.prefix = topology.Exchange()}));
  const std::string queue = topology.Postkorb("jc-kiel");
  auto climbing_id = Routed("BOX-9-001", "jc-kiel");
  climbing_id.mutable_document()->set_document_id("../../../escaped");
  auto climbing_team = Routed("BOX-9-002", "jc-kiel");
  climbing_team.mutable_document()->set_team("../../escaped");
  auto climbing_page = Routed("BOX-9-003", "jc-kiel");
  climbing_page.mutable_document()->set_pages(0, "../escaped.tif");
  int n = 0;
  for (const auto& hostile : {climbing_id, climbing_team, climbing_page}) {
    auto message = AsMessage(hostile);
    message.message_id = "hostile-" + std::to_string(++n);
    REQUIRE(conn.Publish(topology.Exchange(), queue, message));
  }
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(Routed("BOX-9-004", "jc-kiel"))));

  CHECK(ConsumeKiel(dir / "out" / "jobcenter", topology, 1) == 1);
  // Only the good one, and nothing outside the Postkorb folder.
  CHECK(fs::exists(dir / "out" / "jobcenter" / "postkorb" / "jc-kiel" / "leistung" / "BOX-9-004.json"));
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find("escaped") == std::string::npos);
  }
  auto dead = OpenTestConnection();
  REQUIRE(dead.Consume(Topology::Dead(queue), 3));
  std::vector<std::string> reasons;
  for (int i = 0; i < 3; ++i) {
    auto poisoned = dead.Receive(5s);
    REQUIRE(poisoned);
    REQUIRE(poisoned->has_value());
    reasons.push_back((*poisoned)->message.headers.at("x-mailroom-error"));
    REQUIRE(dead.Ack((*poisoned)->delivery_tag));
  }
  CHECK_THAT(reasons[0], Catch::Contains("document_id '../../../escaped'"));
  CHECK_THAT(reasons[1], Catch::Contains("team '../../escaped'"));
  CHECK_THAT(reasons[2], Catch::Contains("page file name '../escaped.tif'"));
  DeleteQueues(conn, topology);
}

TEST_CASE("postkorb: a delivered document is known by its receipt after the import took its files") {
  TempDir dir;
  const PostkorbOptions options{"jc-kiel", dir / "out", Topology("mr"), 0};
  const auto first = Routed("BOX-9-001", "jc-kiel");
  using mailroom::distributed::Delivered;
  using mailroom::distributed::WritePostkorbDocument;
  REQUIRE(WritePostkorbDocument(first, options) == Delivered::kWritten);
  const fs::path receipt = dir / "out" / ".mailroom-postkorb" / "jc-kiel" / "BOX-9-001.json";
  REQUIRE(fs::exists(receipt));
  CHECK(Mode(receipt) == 0600);
  CHECK(Mode(receipt.parent_path()) == 0700);
  CHECK_THAT(*mailroom::ReadWholeFile(receipt), Catch::Contains("\"content\":\"sha256:"));

  ImportTakesEverything(dir / "out");
  CHECK(WritePostkorbDocument(first, options) == Delivered::kRepeat);
  CHECK_FALSE(fs::exists(dir / "out" / "postkorb" / "jc-kiel" / "leistung" / "BOX-9-001.json"));
  auto other_pdf = first;
  other_pdf.set_pdf(first.pdf() + " changed");
  auto refused = WritePostkorbDocument(other_pdf, options);
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().message, Catch::StartsWith("document BOX-9-001 is delivered ("));
  CHECK_THAT(refused.error().message, Catch::Contains("with other content: not written"));
  CHECK_FALSE(fs::exists(dir / "out" / "postkorb"));
}

TEST_CASE("postkorb: files there without a receipt are that delivery when the bytes are the same") {
  TempDir dir;
  const PostkorbOptions options{"jc-kiel", dir / "out", Topology("mr"), 0};
  const auto document = Routed("BOX-9-001", "jc-kiel");
  using mailroom::distributed::Delivered;
  using mailroom::distributed::WritePostkorbDocument;
  REQUIRE(WritePostkorbDocument(document, options) == Delivered::kWritten);
  // A consumer stopped between the files and the receipt (or one from before receipts).
  const fs::path receipts = dir / "out" / ".mailroom-postkorb";
  fs::remove_all(receipts);
  auto other_pdf = document;
  other_pdf.set_pdf(document.pdf() + " changed");
  auto refused = WritePostkorbDocument(other_pdf, options);
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().message, Catch::StartsWith("document BOX-9-001 is in "));
  CHECK_FALSE(fs::exists(receipts / "jc-kiel" / "BOX-9-001.json"));
  CHECK(WritePostkorbDocument(document, options) == Delivered::kRepeat);
  CHECK(fs::exists(receipts / "jc-kiel" / "BOX-9-001.json"));
  ImportTakesEverything(dir / "out");
  CHECK(WritePostkorbDocument(document, options) == Delivered::kRepeat);
}

TEST_CASE("postkorb: redelivered and rebuilt after the import took the files, nothing appears again",
          "[distributed][broker]") {
  TempDir dir;
  auto conn = OpenTestConnection();
  const Topology topology(UniqueName("mr"));
  REQUIRE(DeclareTopology(conn, KielAndRostock(), {.prefix = topology.Exchange()}));
  const std::string queue = topology.Postkorb("jc-kiel");
  const auto assembled = Assembled(dir.path(), "BOX-9-001");
  const auto plain = Routed("BOX-9-002", "jc-kiel");
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(assembled)));
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(plain)));
  CHECK(ConsumeKiel(dir / "out", topology, 2) == 2);
  const fs::path folder = dir / "out" / "postkorb" / "jc-kiel" / "leistung";
  REQUIRE(fs::exists(folder / "BOX-9-001.pdf"));
  CHECK(*mailroom::ReadWholeFile(folder / "BOX-9-001.pdf") == assembled.pdf());
  ImportTakesEverything(dir / "out");

  // The same messages again (acks lost), the document assembled again a second later (a router
  // that restarted: the same bytes), and another content under a delivered id; then a new one.
  std::this_thread::sleep_for(1100ms);
  const auto rebuilt = Assembled(dir.path(), "BOX-9-001");
  CHECK(rebuilt.pdf() == assembled.pdf());
  auto changed = plain;
  changed.mutable_document()->set_doc_type("payslip");
  for (const auto& message : {assembled, plain, rebuilt, changed}) {
    REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(message)));
  }
  REQUIRE(conn.Publish(topology.Exchange(), queue, AsMessage(Routed("BOX-9-003", "jc-kiel"))));
  CHECK(ConsumeKiel(dir / "out", topology, 1) == 1);
  CHECK(fs::exists(folder / "BOX-9-003.json"));
  CHECK_FALSE(fs::exists(folder / "BOX-9-001.json"));
  CHECK_FALSE(fs::exists(folder / "BOX-9-001.pdf"));
  CHECK_FALSE(fs::exists(folder / "BOX-9-002.json"));
  CHECK_FALSE(fs::exists(folder / "BOX-9-002.pdf"));

  CHECK_THAT(OnlyDeadLetter(queue, "BOX-9-002"),
             Catch::Contains("document BOX-9-002 is delivered (") && Catch::Contains("with other content"));
  DeleteQueues(conn, topology);
}
