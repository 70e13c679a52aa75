// The classify journals (distributed/src/box_journal.h) without a broker: the shared one lets two
// workers, each with some of a box's messages, see it complete; one claims it, the other leaves
// it, and takes it over once the first worker's claim ran out (it was killed while finishing); a
// box marked done is done for both. The folder journal keeps the one-worker behaviour.
#include <catch2/catch.hpp>

#include <thread>

#include "box_journal.h"
#include "mailroom/proto/messages.h"
#include "temp_dir.h"

using namespace mailroom;
using namespace std::chrono_literals;
using testing::TempDir;

namespace {

v1::BoxManifest Manifest(const std::string& box_id, int pages) {
  v1::BoxManifest manifest;
  manifest.set_schema_version(proto::kSchemaVersion);
  manifest.mutable_box()->set_box_id(box_id);
  for (int i = 0; i < pages; ++i) manifest.add_pages(std::to_string(i) + ".tif");
  return manifest;
}

std::unique_ptr<distributed::BoxJournal> Shared(const TempDir& dir, const store::ContentStore& store,
                                                const std::string& worker) {
  auto journal = distributed::OpenSharedJournal({.ledger = dir / "ledger.sqlite",
                                                 .report_root = dir / (worker + "-state"),
                                                 .worker = worker,
                                                 .claim = std::chrono::seconds(1)},
                                                store);
  INFO((journal ? "" : journal.error().message));
  REQUIRE(journal);
  return std::move(*journal);
}

}  // namespace

TEST_CASE("shared classify journal: two workers' messages make one box, claimed by one, taken over after its claim",
          "[distributed][classify]") {
  TempDir dir;
  auto store = store::ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto a = Shared(dir, *store, "host-a:1");
  auto b = Shared(dir, *store, "host-b:2");

  REQUIRE(a->SaveReading("B-1", 0, "reading 0"));
  REQUIRE(b->SaveManifest(Manifest("B-1", 3)));
  REQUIRE(b->SaveReading("B-1", 2, "reading 2"));
  CHECK_FALSE(a->Complete("B-1").value().has_value());
  CHECK(a->Pending().empty());
  REQUIRE(a->SaveReading("B-1", 1, "reading 1"));

  // Both see it complete, with every reading's bytes in page order, whoever journaled them.
  for (auto* journal : {a.get(), b.get()}) {
    const auto complete = journal->Complete("B-1").value();
    REQUIRE(complete.has_value());
    CHECK(complete->manifest.box().box_id() == "B-1");
    CHECK(complete->readings == std::vector<std::string>{"reading 0", "reading 1", "reading 2"});
  }
  // The bytes are the box's in the store: its gc keeps them while the box needs them.
  CHECK(std::filesystem::exists(dir / "store" / "boxes" / "B-1"));

  CHECK(a->Claim("B-1").value());
  CHECK_FALSE(b->Claim("B-1").value());
  CHECK(b->Pending().empty());
  // a is killed here, holding the claim. Once it ran out, b finds the box among its pending ones.
  std::this_thread::sleep_for(2100ms);
  CHECK(b->Pending() == std::vector<std::string>{"B-1"});
  CHECK(b->Claim("B-1").value());
  REQUIRE(b->MarkDone("B-1"));
  CHECK(a->IsDone("B-1"));
  CHECK(b->IsDone("B-1"));
  CHECK(a->Pending().empty());
  CHECK_FALSE(a->Claim("B-1").value());
}

TEST_CASE("folder classify journal: one worker's box, pending until done", "[distributed][classify]") {
  TempDir dir;
  auto opened = distributed::OpenFolderJournal(dir / "journal");
  REQUIRE(opened);
  auto& journal = **opened;
  REQUIRE(journal.SaveManifest(Manifest("B-1", 2)));
  REQUIRE(journal.SaveReading("B-1", 1, "reading 1"));
  CHECK_FALSE(journal.Complete("B-1").value().has_value());
  REQUIRE(journal.SaveReading("B-1", 0, "reading 0"));
  CHECK(journal.Complete("B-1").value()->readings == std::vector<std::string>{"reading 0", "reading 1"});
  CHECK(journal.Claim("B-1").value());
  CHECK(journal.Pending() == std::vector<std::string>{"B-1"});
  REQUIRE(journal.MarkDone("B-1"));
  CHECK(journal.IsDone("B-1"));
  CHECK(journal.Pending().empty());
}
