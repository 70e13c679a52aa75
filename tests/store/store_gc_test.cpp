// The store's own side of the lifecycle: owner records written on Put, and a gc that removes only
// what every owner lets go, with a crash simulated half-way (a child process killed at a step).
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>

#include "mailroom/store/content_store.h"
#include "mailroom/store/store_gc.h"
#include "store_test_util.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using mailroom::store::BoxFate;
using mailroom::store::BoxVerdict;
using mailroom::store::CollectGarbage;
using mailroom::store::ContentStore;
using mailroom::store::GcOptions;
using mailroom::store::MeasureStore;
using mailroom::store::testing::PseudoRandomBytes;
using mailroom::testing::TempDir;

namespace {

fs::path BlobFile(const fs::path& root, const std::string& ref) {
  const std::string hex = ref.substr(7);
  return root / "sha256" / hex.substr(0, 2) / hex.substr(2, 2) / hex;
}

// Sets the file's (or folder's) mtime `days` into the past.
void Age(const fs::path& path, int days) {
  const auto then = std::chrono::system_clock::now() - std::chrono::hours(24 * days);
  const struct timespec times[2] = {{std::chrono::system_clock::to_time_t(then), 0},
                                    {std::chrono::system_clock::to_time_t(then), 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

void AgeTree(const fs::path& folder, int days) {
  for (const auto& entry : fs::recursive_directory_iterator(folder)) Age(entry.path(), days);
  Age(folder, days);
}

GcOptions Verdicts(std::map<std::string, BoxFate> fates) {
  GcOptions options;
  options.verdict = [fates](const std::string& box_id) {
    auto found = fates.find(box_id);
    if (found == fates.end()) return BoxVerdict{BoxFate::kUnknown, "not in the ledger"};
    return BoxVerdict{found->second, found->second == BoxFate::kRemove ? "destroyed" : "processing"};
  };
  return options;
}

}  // namespace

TEST_CASE("A blob put for a box is recorded under boxes/ before it is stored") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto ref = store->Put("a page", "BOX/1 ..");
  REQUIRE(ref);
  const fs::path record = dir / "store" / "boxes" / "BOX%2F1%20%2E%2E" / ref->substr(7);
  CHECK(fs::is_regular_file(record));
  CHECK(fs::file_size(record) == 0);
  // The same page again, and for a second box: one blob, two owners.
  REQUIRE(*store->Put("a page", "BOX/1 ..") == *ref);
  REQUIRE(*store->Put("a page", "B-2") == *ref);
  CHECK(fs::is_regular_file(dir / "store" / "boxes" / "B-2" / ref->substr(7)));
  CHECK(MeasureStore(*store)->blobs == 1);
  CHECK(MeasureStore(*store)->bytes == 6);
}

TEST_CASE("gc removes only blobs every owner lets go, and keeps unknown young blobs") {
  TempDir dir;
  const fs::path root = dir / "store";
  auto store = ContentStore::Open(root);
  REQUIRE(store);
  const auto gone = *store->Put(PseudoRandomBytes(1000, 1), "DONE");
  const auto shared = *store->Put(PseudoRandomBytes(500, 2), "DONE");
  REQUIRE(*store->Put(PseudoRandomBytes(500, 2), "OPEN") == shared);
  const auto open = *store->Put(PseudoRandomBytes(700, 3), "OPEN");
  const auto young_orphan = *store->Put(PseudoRandomBytes(300, 4));
  const auto old_orphan = *store->Put(PseudoRandomBytes(200, 5));
  const auto young_unknown_box = *store->Put(PseudoRandomBytes(100, 6), "INGESTING");
  Age(BlobFile(root, old_orphan), 30);
  // A folder written in the last seconds counts as being written to (see PutBackLateClaims).
  AgeTree(root / "boxes" / "DONE", 60);
  AgeTree(root / "boxes" / "OPEN", 1);

  GcOptions options = Verdicts({{"DONE", BoxFate::kRemove}, {"OPEN", BoxFate::kKeep}});
  auto report = CollectGarbage(*store, options);
  REQUIRE(report);
  CHECK(report->blobs_removed == 1);
  CHECK(report->bytes_freed == 1000);
  REQUIRE(report->boxes.size() == 1);
  CHECK(report->boxes[0].box_id == "DONE");
  CHECK(report->boxes[0].reason == "destroyed");
  CHECK(report->kept_young_unknown == 2);
  CHECK(report->kept_old_unknown == 1);
  CHECK(!*store->Has(gone));
  for (const auto& kept : {shared, open, young_orphan, old_orphan, young_unknown_box}) CHECK(*store->Get(kept) != "");
  CHECK(!fs::exists(root / "boxes" / "DONE"));
  CHECK(report->after.blobs == 5);

  SECTION("an old orphan goes only with remove_orphans; a young one never") {
    options.remove_orphans = true;
    auto again = CollectGarbage(*store, options);
    REQUIRE(again);
    CHECK(again->orphans_removed == 1);
    CHECK(!*store->Has(old_orphan));
    CHECK(*store->Has(young_orphan));
    CHECK(*store->Has(young_unknown_box));
  }
}

TEST_CASE("gc dry run lists what would go and removes nothing") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  const auto ref = *store->Put(PseudoRandomBytes(1000, 1), "DONE");
  GcOptions options = Verdicts({{"DONE", BoxFate::kRemove}});
  options.dry_run = true;
  auto report = CollectGarbage(*store, options);
  REQUIRE(report);
  CHECK(report->blobs_removed == 1);
  CHECK(report->bytes_freed == 1000);
  CHECK(report->after.blobs == 0);
  CHECK(*store->Get(ref) == PseudoRandomBytes(1000, 1));
  CHECK(fs::exists(dir / "store" / "boxes" / "DONE" / ref.substr(7)));
}

TEST_CASE("gc killed half-way leaves a consistent store, and the next run finishes") {
  const char* step = GENERATE("trashed", "deleted");
  TempDir dir;
  const fs::path root = dir / "store";
  auto store = ContentStore::Open(root);
  REQUIRE(store);
  std::vector<std::string> gone, kept;
  for (unsigned i = 0; i < 20; ++i) gone.push_back(*store->Put(PseudoRandomBytes(4000, 10 + i), "DONE"));
  for (unsigned i = 0; i < 5; ++i) kept.push_back(*store->Put(PseudoRandomBytes(4000, 50 + i), "OPEN"));
  AgeTree(root / "boxes", 60);
  GcOptions options = Verdicts({{"DONE", BoxFate::kRemove}, {"OPEN", BoxFate::kKeep}});

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    GcOptions dying = options;
    dying.on_step = [step](std::string_view at) {
      if (at == step) ::_exit(9);  // as a SIGKILL would leave it: nothing after this step runs
    };
    (void)CollectGarbage(*store, dying);
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 9);

  // What a reader sees now: every blob of the kept box whole, no blob file half there.
  for (const auto& ref : kept) CHECK(*store->Get(ref) == PseudoRandomBytes(4000, 50 + (&ref - kept.data())));
  for (const auto& ref : gone) {
    if (*store->Has(ref)) CHECK(store->Get(ref));
  }
  CHECK(fs::exists(root / "boxes" / "DONE"));  // the records go last

  auto finished = CollectGarbage(*store, options);
  REQUIRE(finished);
  for (const auto& ref : gone) CHECK(!*store->Has(ref));
  for (const auto& ref : kept) CHECK(store->Get(ref));
  CHECK(!fs::exists(root / "boxes" / "DONE"));
  CHECK(fs::is_empty(root / "trash"));
  CHECK(MeasureStore(*store)->blobs == 5);
  if (std::string(step) == "trashed") CHECK(finished->restored_from_trash == 20);
}

TEST_CASE("A box that records a blob while gc runs gets it back") {
  TempDir dir;
  const fs::path root = dir / "store";
  auto store = ContentStore::Open(root);
  REQUIRE(store);
  const std::string page = PseudoRandomBytes(2000, 7);
  const auto ref = *store->Put(page, "DONE");
  AgeTree(root / "boxes", 10);
  GcOptions options = Verdicts({{"DONE", BoxFate::kRemove}, {"NEW", BoxFate::kKeep}});
  options.on_step = [&](std::string_view at) {
    if (at == "trashed") REQUIRE(store->Put(page, "NEW"));  // a new box stores the same bytes now
  };
  auto report = CollectGarbage(*store, options);
  REQUIRE(report);
  CHECK(*store->Get(ref) == page);
  CHECK(report->blobs_removed == 0);
  CHECK(fs::exists(root / "boxes" / "NEW" / ref.substr(7)));
}

TEST_CASE("A second gc on the same store at once is refused, naming the lock") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  std::string refused;
  GcOptions options = Verdicts({});
  options.on_step = [&](std::string_view) {};
  options.verdict = [&](const std::string&) {
    auto second = CollectGarbage(*store, Verdicts({}));
    if (!second) refused = second.error().message;
    return BoxVerdict{BoxFate::kKeep, "processing"};
  };
  REQUIRE(store->Put("x", "B"));
  REQUIRE(CollectGarbage(*store, options));
  CHECK(refused.find("gc.lock: another store gc is running") != std::string::npos);
}
