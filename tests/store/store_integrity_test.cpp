#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "mailroom/common/atomic_file.h"
#include "mailroom/store/content_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using mailroom::store::ContentStore;
using mailroom::store::testing::PseudoRandomBytes;
using mailroom::testing::TempDir;

namespace {

// Overwrites a blob behind the store's back, as a failing disk or a careless admin would.
void Damage(const std::filesystem::path& blob, const std::string& bytes) {
  std::ofstream out(blob, std::ios::binary | std::ios::trunc);
  out << bytes;
  REQUIRE(out.good());
}

}  // namespace

TEST_CASE("A corrupted blob is an error naming the ref, never wrong bytes") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  std::string page = PseudoRandomBytes(100000, 3);
  const auto ref = *store->Put(page);
  const auto path = *store->PathOf(ref);
  page[5000] ^= 0x01;  // one flipped bit, same length
  Damage(path, page);
  auto got = store->Get(ref);
  REQUIRE_FALSE(got);
  CHECK_THAT(got.error().message, Catch::Contains(ref) && Catch::Contains("corrupt"));
  auto as_file = store->PathOf(ref);
  REQUIRE_FALSE(as_file);
  CHECK_THAT(as_file.error().message, Catch::Contains(ref) && Catch::Contains("corrupt"));
}

TEST_CASE("A truncated blob is detected, and putting the bytes again repairs it") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  const std::string page = PseudoRandomBytes(100000, 4);
  const auto ref = *store->Put(page);
  Damage(*store->PathOf(ref), page.substr(0, 4096));
  auto got = store->Get(ref);
  REQUIRE_FALSE(got);
  CHECK_THAT(got.error().message, Catch::Contains(ref) && Catch::Contains("truncated") && Catch::Contains("4096"));
  REQUIRE(*store->Put(page) == ref);
  CHECK(*store->Get(ref) == page);
}

TEST_CASE("A store that cannot be created is an error naming the folder") {
  TempDir dir;
  REQUIRE(mailroom::WriteFileAtomically(dir / "not-a-folder", "x"));
  const auto root = dir / "not-a-folder" / "store";
  auto store = ContentStore::Open(root);
  REQUIRE_FALSE(store);
  CHECK_THAT(store.error().message, Catch::Contains(root.string()));
}

TEST_CASE("An unwritable store is an error naming the folder") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  // The folder for new blobs is replaced by a file: fails for root too, which ignores modes.
  std::filesystem::remove(dir / "store" / "tmp");
  REQUIRE(mailroom::WriteFileAtomically(dir / "store" / "tmp", "in the way"));
  auto ref = store->Put("a new page");
  REQUIRE_FALSE(ref);
  CHECK_THAT(ref.error().message, Catch::Contains((dir / "store" / "tmp").string()));

  if (::geteuid() != 0) {  // root may write into a 0500 folder, so this half only means something
    TempDir other;
    ::chmod(other.path().c_str(), 0500);
    auto opened = ContentStore::Open(other / "store");
    ::chmod(other.path().c_str(), 0700);
    REQUIRE_FALSE(opened);
    CHECK_THAT(opened.error().message, Catch::Contains((other / "store").string()));
  }
}

TEST_CASE("PutFile names a source file it cannot read") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto ref = store->PutFile(dir / "missing.pdf");
  REQUIRE_FALSE(ref);
  CHECK_THAT(ref.error().message, Catch::Contains((dir / "missing.pdf").string()));
  CHECK(std::filesystem::is_empty(dir / "store" / "tmp"));
}

TEST_CASE("A 50 MB file goes in by PutFile and comes back whole") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  const std::string big = PseudoRandomBytes(50u << 20, 5);
  REQUIRE(mailroom::WriteFileAtomically(dir / "box.pdf", big));
  auto ref = store->PutFile(dir / "box.pdf");
  REQUIRE(ref);
  CHECK(std::filesystem::file_size(*store->PathOf(*ref)) == big.size());
  CHECK(*store->Get(*ref) == big);
  CHECK(*store->Put(big) == *ref);
  CHECK(std::filesystem::is_empty(dir / "store" / "tmp"));
}
