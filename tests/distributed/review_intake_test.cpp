// The review queue into the desk's in-tray: each document once, exactly as `mailroom process`
// writes it; never again once the desk has settled it; never half in view.
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "mailroom/distributed/review_intake.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/proto/messages.h"
#include "review_queue_fixture.h"
#include "temp_dir.h"
#include "test_broker.h"

using namespace mailroom;
using distributed::Intake;
using distributed::TakeIntoReview;
using testing::FilesUnder;
using testing::ReviewDocumentFor;
using testing::TempDir;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

int Mode(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return static_cast<int>(st.st_mode & 0777);
}

// The review/ folder `mailroom process` writes for these documents.
std::map<std::string, std::string> EmbeddedReview(const TempDir& dir,
                                                  const std::vector<testing::QueuedReviewDocument>& documents) {
  auto out = routing::OutputFolder::Open(dir / "embedded");
  REQUIRE(out);
  for (const auto& document : documents) REQUIRE(out->Put(document.embedded));
  REQUIRE(out->Commit());
  return FilesUnder(dir / "embedded" / "review");
}

// What is left in the intake's own folder besides the markers: nothing, once a document is in view.
std::vector<std::string> IntakeLeftovers(const fs::path& out) {
  std::vector<std::string> left;
  for (const auto& [path, bytes] : FilesUnder(out / ".mailroom-review-intake")) {
    if (path.find('/') != std::string::npos || path.front() == '.') left.push_back(path);
  }
  return left;
}

}  // namespace

TEST_CASE("review intake: a review document lands in review/ with the bytes mailroom process writes, 0600, once") {
  TempDir dir;
  const auto a = ReviewDocumentFor("BOX-7-001", dir / "scratch");
  const auto b = ReviewDocumentFor("BOX-7-002.1", dir / "scratch", "sender matches several cases");
  const fs::path out = dir / "out";
  auto first = TakeIntoReview(a.routed, out);
  REQUIRE(first);
  CHECK(first->intake == Intake::kWritten);
  auto second = TakeIntoReview(b.routed, out);
  REQUIRE(second);
  CHECK(second->intake == Intake::kWritten);
  CHECK(FilesUnder(out / "review") == EmbeddedReview(dir, {a, b}));
  CHECK(Mode(out / "review" / "BOX-7-001.json") == 0600);
  CHECK(Mode(out / "review" / "BOX-7-001.pdf") == 0600);
  CHECK(IntakeLeftovers(out).empty());

  // The same message again (an ack lost with the connection): acked, nothing written.
  const auto before = fs::last_write_time(out / "review" / "BOX-7-001.json");
  auto again = TakeIntoReview(a.routed, out);
  REQUIRE(again);
  CHECK(again->intake == Intake::kAlreadyThere);
  CHECK(fs::last_write_time(out / "review" / "BOX-7-001.json") == before);
  // The router assembled it again after a crash: the PDF's creation time differs, the JSON not.
  auto reassembled = a.routed;
  reassembled.set_pdf(a.routed.pdf() + "\n% made again\n");
  auto repeat = TakeIntoReview(reassembled, out);
  REQUIRE(repeat);
  CHECK(repeat->intake == Intake::kAlreadyThere);
  CHECK(ReadWholeFile(out / "review" / "BOX-7-001.pdf").value() == a.routed.pdf());
}

TEST_CASE("review intake: a document the desk has settled never comes back into review/") {
  TempDir dir;
  const fs::path out = dir / "out";
  const auto split = ReviewDocumentFor("BOX-7-001", dir / "scratch");
  REQUIRE(TakeIntoReview(split.routed, out)->intake == Intake::kWritten);
  // The clerk split it: the original left review/ for two parts of other ids.
  fs::remove(out / "review" / "BOX-7-001.json");
  fs::remove(out / "review" / "BOX-7-001.pdf");
  auto after_split = TakeIntoReview(split.routed, out);
  REQUIRE(after_split);
  CHECK(after_split->intake == Intake::kAlreadyThere);
  CHECK_FALSE(fs::exists(out / "review" / "BOX-7-001.json"));

  // Settled without this intake having taken it in (an output folder filled by `process`).
  const auto assigned = ReviewDocumentFor("BOX-7-002", dir / "scratch");
  REQUIRE(CreatePrivateDirectories(out / "postkorb" / "jobcenter-kiel" / "leistung"));
  REQUIRE(WriteFileAtomically(out / "postkorb" / "jobcenter-kiel" / "leistung" / "BOX-7-002.json", "{}"));
  auto in_postkorb = TakeIntoReview(assigned.routed, out);
  REQUIRE(in_postkorb);
  CHECK(in_postkorb->intake == Intake::kSettled);
  CHECK(in_postkorb->reason == "postkorb/jobcenter-kiel/leistung/BOX-7-002.json");
  const auto accounted = ReviewDocumentFor("BOX-7-003", dir / "scratch");
  REQUIRE(CreatePrivateDirectories(out / "accounted"));
  REQUIRE(WriteFileAtomically(out / "accounted" / "BOX-7-003.json", "{}"));
  CHECK(TakeIntoReview(accounted.routed, out)->intake == Intake::kSettled);
  const auto resolved = ReviewDocumentFor("BOX-7-004", dir / "scratch");
  auto in_ledger = TakeIntoReview(resolved.routed, out, [](const std::string& box, const std::string& id) {
    return Result<bool>(box == "BOX-7" && id == "BOX-7-004");
  });
  REQUIRE(in_ledger);
  CHECK(in_ledger->intake == Intake::kSettled);
  // A ledger that cannot be read is the system's failure: the message stays, nothing is written.
  const auto unsure = ReviewDocumentFor("BOX-7-005", dir / "scratch");
  auto broken = TakeIntoReview(unsure.routed, out, [](const std::string&, const std::string&) -> Result<bool> {
    return Fail("ledger.sqlite: database is locked");
  });
  REQUIRE_FALSE(broken);
  CHECK(broken.error().message == "ledger.sqlite: database is locked");
  for (const char* id : {"BOX-7-001", "BOX-7-002", "BOX-7-003", "BOX-7-004", "BOX-7-005"}) {
    CHECK_FALSE(fs::exists(out / "review" / (std::string(id) + ".json")));
  }
  // Once settled, always settled: the markers answer, even if the Postkorb copy moves on.
  fs::remove_all(out / "postkorb");
  CHECK(TakeIntoReview(assigned.routed, out)->intake == Intake::kAlreadyThere);
}

TEST_CASE("review intake: a worker killed half-way leaves nothing half in view, and the redelivery finishes") {
  TempDir dir;
  const fs::path out = dir / "out";
  const fs::path intake = out / ".mailroom-review-intake";
  const auto document = ReviewDocumentFor("BOX-7-001", dir / "scratch");

  SECTION("killed while writing, before its marker: written anew") {
    REQUIRE(CreatePrivateDirectories(intake / "BOX-7-001.staged" / "review"));
    REQUIRE(WriteFileAtomically(intake / "BOX-7-001.staged" / "review" / "BOX-7-001.pdf", "%PDF-1.7 trunc"));
    REQUIRE(WriteFileAtomically(intake / "BOX-7-001.staged" / "review" / ".BOX-7-001.json.tmp99", "{"));
  }
  SECTION("killed while moving into review/, the PDF moved, the JSON not yet: the move is finished") {
    REQUIRE(TakeIntoReview(document.routed, out)->intake == Intake::kWritten);
    REQUIRE(CreatePrivateDirectories(intake / "BOX-7-001.staged" / "review"));
    fs::rename(out / "review" / "BOX-7-001.json", intake / "BOX-7-001.staged" / "review" / "BOX-7-001.json");
  }
  auto redelivered = TakeIntoReview(document.routed, out);
  REQUIRE(redelivered);
  CHECK(redelivered->intake == Intake::kWritten);
  CHECK(FilesUnder(out / "review") == EmbeddedReview(dir, {document}));
  CHECK(IntakeLeftovers(out).empty());
}

TEST_CASE("review intake: the originals of unreadable pages lie beside the PDF as mailroom process puts them") {
  TempDir dir;
  const fs::path scan = dir / "box" / "0003.tif";
  fs::create_directories(scan.parent_path());
  REQUIRE(WriteFileAtomically(scan, std::string("II*\0 a scan whose rest was lost", 32)));
  const auto document = ReviewDocumentFor("BOX-7-001", dir / "scratch", "0003.tif: cannot decode", scan);
  REQUIRE(document.routed.originals_size() == 1);
  const fs::path out = dir / "out";
  REQUIRE(TakeIntoReview(document.routed, out)->intake == Intake::kWritten);

  const auto expected = EmbeddedReview(dir, {document});
  CHECK(expected.count("BOX-7-001.1.orig.tif") == 1);
  CHECK(FilesUnder(out / "review") == expected);
  CHECK(ReadWholeFile(out / "review" / "BOX-7-001.1.orig.tif").value() == ReadWholeFile(scan).value());
  CHECK(Mode(out / "review" / "BOX-7-001.1.orig.tif") == 0600);
  CHECK(IntakeLeftovers(out).empty());
}

TEST_CASE("review intake: what is no review document for the desk is refused with the reason") {
  TempDir dir;
  const fs::path out = dir / "out";
  const auto document = ReviewDocumentFor("BOX-7-001", dir / "scratch");
  REQUIRE(TakeIntoReview(document.routed, out)->intake == Intake::kWritten);

  auto other_json = document.routed;
  other_json.mutable_document()->set_reason("low confidence");
  auto for_postkorb = document.routed;
  for_postkorb.set_destination("postkorb/jobcenter-kiel");
  auto unsafe_id = ReviewDocumentFor("../BOX-7-002", dir / "scratch").routed;
  auto with_jobcenter = ReviewDocumentFor("BOX-7-003", dir / "scratch").routed;
  with_jobcenter.mutable_document()->mutable_jobcenter_id()->set_string_value("jobcenter-kiel");
  auto no_pdf = ReviewDocumentFor("BOX-7-004", dir / "scratch").routed;
  no_pdf.clear_pdf();
  auto original_elsewhere = ReviewDocumentFor("BOX-7-005", dir / "scratch").routed;
  original_elsewhere.add_originals()->set_file_name("../BOX-7-005.1.orig.tif");
  auto original_of_another = ReviewDocumentFor("BOX-7-006", dir / "scratch").routed;
  original_of_another.add_originals()->set_file_name("BOX-7-001.1.orig.tif");
  const std::vector<std::pair<v1::RoutedDocument, std::string>> refused = {
      {other_json, "document BOX-7-001 was taken into review before with another JSON"},
      {for_postkorb, "document 'BOX-7-001' is for postkorb/jobcenter-kiel, not review"},
      {unsafe_id, "document '../BOX-7-002': the id is not a safe file name"},
      {with_jobcenter, "document BOX-7-003 names a jobcenter: a review document has none"},
      {no_pdf, "document BOX-7-004: no PDF in the message"},
      {original_elsewhere, "document BOX-7-005: '../BOX-7-005.1.orig.tif' is no name for an original of its pages"},
      {original_of_another, "document BOX-7-006: 'BOX-7-001.1.orig.tif' is no name for an original of its pages"},
  };
  for (const auto& [routed, reason] : refused) {
    auto outcome = TakeIntoReview(routed, out);
    REQUIRE(outcome);
    CHECK(outcome->intake == Intake::kRefused);
    CHECK(outcome->reason.rfind(reason, 0) == 0);
  }
  CHECK(FilesUnder(out / "review") == EmbeddedReview(dir, {document}));
}

TEST_CASE("review intake worker: acks what it took in or recognised, dead-letters the rest, respects the ledger",
          "[distributed][broker]") {
  TempDir dir;
  const fs::path out = dir / "out";
  auto conn = testing::OpenTestConnection();
  const distributed::Topology topology(testing::UniqueName("ri"));
  REQUIRE(distributed::DeclareTopology(conn, {}, {.prefix = topology.Exchange()}));

  // BOX-7-009 is in review at the ledger, and a clerk decided it there already.
  const fs::path ledger_file = dir / "ledger.sqlite";
  {
    auto ledger = ledger::Ledger::Open(ledger_file);
    REQUIRE(ledger);
    const ledger::Timestamp at = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1};
    REQUIRE(ledger->RegisterBox({"BOX-7", "S-1", "jobcenter-kiel", at, "op-1"}));
    REQUIRE(ledger->Advance("BOX-7", ledger::BoxState::kScanning, {"op-1", at}));
    REQUIRE(ledger->RecordPagesCaptured("BOX-7", 20, {"op-1", at}));
    REQUIRE(ledger->Advance("BOX-7", ledger::BoxState::kScanned, {"op-1", at}));
    REQUIRE(ledger->Advance("BOX-7", ledger::BoxState::kProcessing, {"op-1", at}));
    REQUIRE(ledger->RecordPageDelivered("BOX-7", {"BOX-7-009-0001.tif", "BOX-7-009", "review", "", at}));
    REQUIRE(ledger->RecordReviewResolved("BOX-7", "BOX-7-009", "jobcenter-kiel", "35301BG0012345", {"clerk7", at}));
  }

  const auto a = ReviewDocumentFor("BOX-7-001", dir / "scratch");
  const auto decided = ReviewDocumentFor("BOX-7-009", dir / "scratch");
  const auto z = ReviewDocumentFor("BOX-7-010", dir / "scratch");
  auto for_postkorb = a.routed;
  for_postkorb.set_destination("postkorb/jobcenter-kiel");
  transport::Message garbage{.body = "not a protobuf \xff\xff", .message_id = "garbage-1"};
  const std::string queue = topology.Review();
  for (const auto& message : {testing::AsReviewMessage(a.routed), garbage, testing::AsReviewMessage(a.routed),
                              testing::AsReviewMessage(decided.routed), testing::AsReviewMessage(for_postkorb),
                              testing::AsReviewMessage(z.routed)}) {
    REQUIRE(conn.Publish(topology.Exchange(), queue, message));
  }

  distributed::ReviewIntakeOptions options;
  options.connect = {.url = testing::TestBrokerUrl()};
  options.topology = topology;
  options.out_dir = out;
  options.ledger_file = ledger_file;
  options.max_documents = 2;  // A and Z: every message before Z has been handled by then
  transport::StopFlag stop{false};
  std::thread watchdog([&stop] {
    for (int i = 0; i < 300 && !stop; ++i) std::this_thread::sleep_for(100ms);
    stop = true;
  });
  const auto written = distributed::RunReviewIntake(options, stop);
  stop = true;
  watchdog.join();
  REQUIRE(written);
  CHECK(*written == 2);
  CHECK(FilesUnder(out / "review") == EmbeddedReview(dir, {a, z}));
  CHECK(conn.InspectQueue(queue)->messages == 0);

  REQUIRE(conn.Consume(distributed::Topology::Dead(queue), 10));
  std::map<std::string, std::string> dead;
  while (dead.size() < 2) {
    auto got = conn.Receive(5s);
    REQUIRE(got);
    REQUIRE(got->has_value());
    dead[(*got)->message.message_id] = (*got)->message.headers.at(distributed::kErrorHeader);
    REQUIRE(conn.Ack((*got)->delivery_tag));
  }
  CHECK(dead.at("garbage-1") == "message garbage-1 is not a routed document");
  CHECK(dead.at("BOX-7-001") == "document 'BOX-7-001' is for postkorb/jobcenter-kiel, not review");

  // A ledger that is not there is refused before anything is consumed: no empty ledger from a typo.
  options.ledger_file = dir / "no-such-ledger.sqlite";
  const auto refused = distributed::RunReviewIntake(options, stop);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("no-such-ledger.sqlite: no such file") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "no-such-ledger.sqlite"));
  for (const auto& q : topology.WorkQueues({})) {
    REQUIRE(conn.DeleteQueue(q));
    REQUIRE(conn.DeleteQueue(distributed::Topology::Dead(q)));
  }
}
