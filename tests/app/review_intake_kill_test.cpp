// `mailroom worker review-intake` as a process on the test run's broker, SIGKILLed again and again
// while it takes a batch of review documents in, with repeats on the queue (a router that crashed
// before its acks) and a document a clerk settled in between. Afterwards every document is in
// review/ exactly once, complete, and the settled one did not come back; at no moment was a JSON in
// view without its whole PDF beside it.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "mailroom/distributed/topology.h"
#include "mailroom/proto/messages.h"
#include "mailroom_child.h"
#include "review_queue_fixture.h"
#include "run_mailroom.h"
#include "temp_dir.h"
#include "test_broker.h"

using namespace mailroom;
using namespace std::chrono_literals;
using testing::FilesUnder;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr int kDocuments = 40;

struct Expected {
  std::map<std::string, std::string> files;  // review/<name> -> bytes
  std::vector<v1::RoutedDocument> routed;
};

// kDocuments review documents, each PDF padded to about 1 MB so that a kill lands inside a write
// now and then.
Expected MakeDocuments(const fs::path& scratch) {
  Expected expected;
  for (int i = 0; i < kDocuments; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "BOX-7-%03d", i + 1);
    auto document = testing::ReviewDocumentFor(id, scratch).routed;
    document.set_pdf(document.pdf() + "\n%" + std::string(1 << 20, static_cast<char>('a' + i % 26)) + "\n");
    expected.files[std::string(id) + ".pdf"] = document.pdf();
    expected.files[std::string(id) + ".json"] = proto::ToJson(document.document()).value();
    expected.routed.push_back(std::move(document));
  }
  return expected;
}

int JsonsIn(const fs::path& folder) {
  int n = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) n += entry.path().extension() == ".json" ? 1 : 0;
  return n;
}

// What the desk may see at any moment: each JSON with its complete PDF, each file the expected bytes.
void CheckNothingHalfInView(const fs::path& review, const Expected& expected) {
  for (const auto& [name, bytes] : FilesUnder(review)) {
    INFO(name);
    REQUIRE(expected.files.count(name) == 1);
    CHECK(bytes == expected.files.at(name));
    if (fs::path(name).extension() == ".json") {
      const std::string pdf = fs::path(name).stem().string() + ".pdf";
      CHECK(ReadWholeFile(review / pdf).value_or("") == expected.files.at(pdf));
    }
  }
}

}  // namespace

TEST_CASE("review intake killed with SIGKILL mid-batch: every document once in review/, none half, none back",
          "[distributed][broker]") {
  TempDir dir;
  const std::string broker = testing::TestBrokerUrl();
  const distributed::Topology topology(testing::UniqueName("rik"));
  auto conn = testing::OpenTestConnection();
  REQUIRE(distributed::DeclareTopology(conn, {}, {.prefix = topology.Exchange()}));
  const Expected expected = MakeDocuments(dir / "scratch");
  for (const auto& routed : expected.routed) {
    REQUIRE(conn.Publish(topology.Exchange(), topology.Review(), testing::AsReviewMessage(routed)));
  }

  const fs::path out = dir / "out";
  const fs::path review = out / "review";
  const std::vector<std::string> args = {"worker", "review-intake", "--broker", broker,
                                         "--out",  out.string(),    "--prefix", topology.Exchange()};
  int runs = 0;
  const auto start = [&] {
    ++runs;
    return std::make_unique<testing::MailroomChild>(args, dir / ("intake-" + std::to_string(runs) + ".log"));
  };
  const auto wait_for = [&](const std::function<bool()>& done) {
    for (int i = 0; i < 1200 && !done(); ++i) std::this_thread::sleep_for(50ms);
    return done();
  };

  // Three kills, each once a few more documents are in view.
  int seen = 0;
  for (int kill = 0; kill < 3; ++kill) {
    auto worker = start();
    const int target = seen + 4;
    REQUIRE(wait_for([&] { return JsonsIn(review) >= target; }));
    worker->Kill();
    seen = JsonsIn(review);
    CheckNothingHalfInView(review, expected);
    if (kill == 0) {
      // A clerk assigns the first document (its files move into the Postkorb), and the router,
      // restarted after a crash, publishes the first five documents again.
      const fs::path postkorb = out / "postkorb" / "jobcenter-kiel" / "leistung";
      REQUIRE(CreatePrivateDirectories(postkorb));
      fs::rename(review / "BOX-7-001.pdf", postkorb / "BOX-7-001.pdf");
      fs::rename(review / "BOX-7-001.json", postkorb / "BOX-7-001.json");
      --seen;
      for (int i = 0; i < 5; ++i) {
        REQUIRE(conn.Publish(topology.Exchange(), topology.Review(), testing::AsReviewMessage(expected.routed[i])));
      }
    }
  }

  {
    auto worker = start();
    // Every document but the assigned one, and every message handled (acked) by the end.
    REQUIRE(wait_for(
        [&] { return JsonsIn(review) == kDocuments - 1 && conn.InspectQueue(topology.Review())->messages == 0; }));
    std::this_thread::sleep_for(1s);  // the repeats still in hand are acked by then
  }                                   // SIGTERM: the worker finishes the delivery in hand and stops

  auto in_review = expected.files;
  in_review.erase("BOX-7-001.json");
  in_review.erase("BOX-7-001.pdf");
  CHECK(FilesUnder(review) == in_review);
  CHECK_FALSE(fs::exists(review / "BOX-7-001.json"));
  CHECK(FilesUnder(out / "postkorb").size() == 2);
  // Only the markers are left of the intake's own work: one per document, nothing staged.
  const auto intake = FilesUnder(out / ".mailroom-review-intake");
  std::string names;
  for (const auto& [name, hash] : intake) names += name + " ";
  INFO(names);
  CHECK(intake.size() == static_cast<std::size_t>(kDocuments));
  for (const auto& [name, hash] : intake) CHECK((name.find('/') == std::string::npos && name.front() != '.'));
  std::this_thread::sleep_for(500ms);
  CHECK(conn.InspectQueue(topology.Review())->messages == 0);
  CHECK(conn.InspectQueue(distributed::Topology::Dead(topology.Review()))->messages == 0);
  for (const auto& q : topology.WorkQueues({})) {
    REQUIRE(conn.DeleteQueue(q));
    REQUIRE(conn.DeleteQueue(distributed::Topology::Dead(q)));
  }
}

TEST_CASE("worker review-intake: needs --out (the other roles --store), and never creates a ledger") {
  TempDir dir;
  // Checked before the broker is asked: nothing listens on this port.
  const std::string broker = " --broker amqp://guest:guest@127.0.0.1:1/";
  const auto no_out = testing::RunMailroom("worker review-intake" + broker);
  CHECK(no_out.exit_code == 2);
  CHECK(no_out.output.find("worker review-intake needs --out") != std::string::npos);
  const auto no_store = testing::RunMailroom("worker route" + broker);
  CHECK(no_store.exit_code == 2);
  CHECK(no_store.output.find("worker route needs --store") != std::string::npos);
  const auto no_ledger =
      testing::RunMailroom("worker review-intake" + broker + " --out " + testing::Quoted(dir / "out") + " --ledger " +
                           testing::Quoted(dir / "typo.sqlite"));
  CHECK(no_ledger.exit_code == 2);
  CHECK(no_ledger.output.find("typo.sqlite: no such file (the review intake never creates one)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "typo.sqlite"));
}
