// `mailroom store gc` over a real store folder and a real ledger file: what the ledger says of each
// box decides, and a box with an open review document is kept whatever its state.
#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "mailroom/common/utc_time.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/store/content_store.h"
#include "store_gc_command.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace mailroom;
using namespace std::chrono;
using ledger::BoxState;
using ledger::Ledger;
using ledger::Stamp;
using testing::TempDir;

namespace {

const auto kLongAgo = sys_days{2024y / March / 1} + hours{8};

// Registers `id`, captures and delivers its `pages` pages: the box ends delivered at `when`.
void DeliveredBox(Ledger& ledger, const std::string& id, ledger::Timestamp when, int pages = 2) {
  const Stamp stamp{"op-1", when};
  REQUIRE(ledger.RegisterBox({id, "SEAL-1", "JC-1", when, "op-1"}));
  REQUIRE(ledger.Advance(id, BoxState::kScanning, stamp));
  REQUIRE(ledger.RecordPagesCaptured(id, pages, stamp));
  REQUIRE(ledger.Advance(id, BoxState::kScanned, stamp));
  REQUIRE(ledger.Advance(id, BoxState::kProcessing, stamp));
  for (int i = 1; i <= pages; ++i) {
    REQUIRE(ledger.RecordPageDelivered(id, {std::to_string(i) + ".tif", id + "-001", "JC-1", "12345BG0000001", when}));
  }
  REQUIRE(ledger.Advance(id, BoxState::kDelivered, stamp));
}

// Two blobs (an image and a page PDF) put for `box_id`, as ingest and the OCR worker put them.
std::vector<std::string> PutPages(const store::ContentStore& store, const std::string& box_id) {
  return {*store.Put("image of " + box_id, box_id), *store.Put("page PDF of " + box_id, box_id)};
}

// Sets the mtime of everything under `folder` 30 days back: these boxes were ingested long ago.
void AgeTree(const fs::path& folder) {
  const auto then = system_clock::to_time_t(system_clock::now() - days(30));
  const struct timespec times[2] = {{then, 0}, {then, 0}};
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    REQUIRE(::utimensat(AT_FDCWD, entry.path().c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
  }
  REQUIRE(::utimensat(AT_FDCWD, folder.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

struct Center {
  TempDir dir;
  fs::path store_dir = dir / "store";
  fs::path ledger_file = dir / "ledger.sqlite";
  fs::path out_dir = dir / "out";
  store::ContentStore store = *store::ContentStore::Open(store_dir);
  std::map<std::string, std::vector<std::string>> refs;

  Center() {
    auto ledger = Ledger::Open(ledger_file);
    REQUIRE(ledger);
    DeliveredBox(*ledger, "DESTROYED", kLongAgo);
    const auto later = kLongAgo + days(100);
    REQUIRE(ledger->DestructionDue(floor<days>(later), {"op-1", later}));
    REQUIRE(ledger->MarkDestroyed("DESTROYED", {"destruction-service", later}));
    DeliveredBox(*ledger, "PAST", kLongAgo);  // delivered in 2024: the 56 days are long past
    DeliveredBox(*ledger, "RECENT", floor<seconds>(system_clock::now()));
    REQUIRE(ledger->RegisterBox({"PROCESSING", "SEAL-2", "JC-1", kLongAgo, "op-1"}));
    DeliveredBox(*ledger, "REVIEWED", kLongAgo);  // past retention, but a document is back in review
    for (const auto* box : {"DESTROYED", "PAST", "RECENT", "PROCESSING", "REVIEWED"}) refs[box] = PutPages(store, box);
    AgeTree(store_dir / "boxes");
    refs["INGESTING"] = PutPages(store, "INGESTING");  // not in the ledger yet, and young
    refs["NO-BOX"] = {*store.Put("a blob put without a box")};
    fs::create_directories(out_dir / "review");
    std::ofstream(out_dir / "review" / "REVIEWED-002.json")
        << R"({"schema_version": 1, "document_id": "REVIEWED-002", "box_id": "REVIEWED", "pages": ["3.tif"]})";
  }

  app::StoreGcCommandOptions Options() const {
    app::StoreGcCommandOptions options;
    options.store_dir = store_dir;
    options.ledger_file = ledger_file;
    options.out_dir = out_dir;
    return options;
  }

  bool Has(const std::string& box) const {
    bool all = true, any = false;
    for (const auto& ref : refs.at(box)) {
      const bool has = *store.Has(ref);
      all = all && has;
      any = any || has;
    }
    REQUIRE(all == any);  // a box's blobs go together
    return all;
  }
};

}  // namespace

TEST_CASE("store gc removes a destroyed box and a delivered box past retention, and keeps every other") {
  Center center;
  auto done = app::StoreGc(center.Options());
  INFO((done ? *done : done.error().message));
  REQUIRE(done);
  CHECK(!center.Has("DESTROYED"));
  CHECK(!center.Has("PAST"));
  CHECK(center.Has("RECENT"));      // delivered, within the retention
  CHECK(center.Has("PROCESSING"));  // not delivered
  CHECK(center.Has("REVIEWED"));    // an open review document
  CHECK(center.Has("INGESTING"));   // unknown, young
  CHECK(center.Has("NO-BOX"));      // no owner, young
  CHECK(done->find("box DESTROYED: removed 2 blobs") != std::string::npos);
  CHECK(done->find("box PAST: removed 2 blobs") != std::string::npos);
  CHECK(done->find("(delivered, retention passed)") != std::string::npos);
  CHECK(done->find("removed 4 blobs") != std::string::npos);
  CHECK(done->find("the store holds 9 blobs") != std::string::npos);
  CHECK(metrics::Registry::Default().Value("mailroom_store_blobs", {}) == 9);
  CHECK(metrics::Registry::Default().Value("mailroom_store_bytes", {}) > 0);
}

TEST_CASE("store gc --dry-run lists the same and removes nothing") {
  Center center;
  auto options = center.Options();
  options.dry_run = true;
  auto done = app::StoreGc(options);
  REQUIRE(done);
  CHECK(done->find("box DESTROYED: would remove 2 blobs") != std::string::npos);
  CHECK(done->find("would remove 4 blobs") != std::string::npos);
  for (const auto& [box, refs] : center.refs) CHECK(center.Has(box));
}

TEST_CASE("store gc --retention-days counts from the delivery") {
  Center center;
  auto options = center.Options();
  options.retention_days = 365 * 100;  // a century: nothing delivered is past it
  auto done = app::StoreGc(options);
  REQUIRE(done);
  CHECK(!center.Has("DESTROYED"));
  CHECK(center.Has("PAST"));
}

TEST_CASE("store gc refuses, removing nothing, a review JSON it cannot read or a missing store") {
  Center center;
  std::ofstream(center.out_dir / "review" / "broken.json") << "{ not json";
  auto refused = app::StoreGc(center.Options());
  REQUIRE(!refused);
  CHECK(refused.error().kind == app::FailureKind::kBadInput);
  CHECK(refused.error().message.find("broken.json") != std::string::npos);
  CHECK(center.Has("DESTROYED"));

  auto options = center.Options();
  options.store_dir = center.dir / "nowhere";
  auto missing = app::StoreGc(options);
  REQUIRE(!missing);
  CHECK(missing.error().message.find("nowhere: no such store") != std::string::npos);

  options = center.Options();
  options.ledger_file = center.dir / "no-ledger.sqlite";
  auto no_ledger = app::StoreGc(options);
  REQUIRE(!no_ledger);
  CHECK(no_ledger.error().message.find("no-ledger.sqlite: no such file") != std::string::npos);
  CHECK(!fs::exists(options.ledger_file));
}
