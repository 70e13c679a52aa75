#include <catch2/catch.hpp>
#include <string>

#include "mailroom/common/atomic_file.h"
#include "mailroom/store/content_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using mailroom::store::ContentStore;
using mailroom::store::testing::CountFiles;
using mailroom::store::testing::ModeOf;
using mailroom::store::testing::PseudoRandomBytes;
using mailroom::testing::TempDir;

TEST_CASE("Put then Get gives the same bytes under a sha256 ref") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  const std::string page = PseudoRandomBytes(200000, 1) + std::string("\0binary\0", 8);
  auto ref = store->Put(page);
  REQUIRE(ref);
  // The well-known digest of "abc" pins the hash and the ref's spelling.
  CHECK(*store->Put("abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(mailroom::store::ValidateRef(*ref));
  CHECK(*store->Get(*ref) == page);
  CHECK(*store->Has(*ref));
  auto path = store->PathOf(*ref);
  REQUIRE(path);
  CHECK(*mailroom::ReadWholeFile(*path) == page);
  const std::string hex = ref->substr(7);
  CHECK(*path == dir / "store" / "sha256" / hex.substr(0, 2) / hex.substr(2, 2) / hex);
}

TEST_CASE("The empty blob is a blob like any other") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  auto ref = store->Put("");
  REQUIRE(ref);
  CHECK(*ref == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(store->Get(*ref)->empty());
}

TEST_CASE("The same bytes give the same ref and one file; Put and PutFile agree") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  const std::string page = PseudoRandomBytes(3 << 20, 2);  // more than one PutFile chunk
  auto first = store->Put(page);
  auto second = store->Put(page);
  REQUIRE(mailroom::WriteFileAtomically(dir / "page.tif", page));
  auto from_file = store->PutFile(dir / "page.tif");
  REQUIRE(first);
  REQUIRE(second);
  REQUIRE(from_file);
  CHECK(*first == *second);
  CHECK(*first == *from_file);
  CHECK(CountFiles(dir / "store") == 1);
  CHECK(*store->Put("other") != *first);
  CHECK(CountFiles(dir / "store") == 2);
}

TEST_CASE("Has is false for a blob never stored, and Get says it is missing") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  const std::string ref = "sha256:" + std::string(64, '0');
  CHECK_FALSE(*store->Has(ref));
  auto got = store->Get(ref);
  REQUIRE_FALSE(got);
  CHECK_THAT(got.error().message, Catch::Contains(ref) && Catch::Contains("not in the content store"));
}

TEST_CASE("Blobs are 0600 and every folder the store creates is 0700") {
  TempDir dir;
  const auto root = dir / "shared" / "store";
  auto store = ContentStore::Open(root);
  REQUIRE(store);
  auto ref = store->Put("a page of social data");
  REQUIRE(ref);
  auto path = *store->PathOf(*ref);
  CHECK(ModeOf(path) == 0600);
  for (auto folder = path.parent_path(); folder != dir.path(); folder = folder.parent_path()) {
    INFO(folder);
    CHECK(ModeOf(folder) == 0700);
  }
  CHECK(ModeOf(root / "tmp") == 0700);
}

TEST_CASE("A reopened store finds what was put before") {
  TempDir dir;
  std::string ref;
  {
    auto store = ContentStore::Open(dir / "store");
    REQUIRE(store);
    ref = *store->Put("kept");
  }
  auto again = ContentStore::Open(dir / "store");
  REQUIRE(again);
  CHECK(*again->Get(ref) == "kept");
}

TEST_CASE("ContentRef names bytes as Put would, without storing them") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  CHECK(mailroom::store::ContentRef("abc") ==
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string page = PseudoRandomBytes(5000, 3);
  const std::string ref = mailroom::store::ContentRef(page);
  CHECK_FALSE(*store->Has(ref));
  CHECK(*store->Put(page) == ref);
}
