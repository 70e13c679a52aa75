#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mailroom/store/content_store.h"
#include "temp_dir.h"

using mailroom::store::ContentStore;
using mailroom::testing::TempDir;

namespace {
const std::string kGoodHex(64, 'a');
}

TEST_CASE("ValidateRef accepts sha256 and 64 lowercase hex digits only") {
  CHECK(mailroom::store::ValidateRef("sha256:" + kGoodHex));
  for (const std::string& bad :
       std::vector<std::string>{"../x", "sha256:zz", "sha256:" + kGoodHex.substr(1), "sha256:" + kGoodHex + "a",
                                "sha256:" + std::string(64, 'A'), "sha1:" + kGoodHex, "",
                                "sha256:", "sha256:../../../../../../etc/passwd" + std::string(30, 'a'),
                                "sha256:" + std::string(62, 'a') + "/a", kGoodHex}) {
    INFO(bad);
    auto result = mailroom::store::ValidateRef(bad);
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error().message, Catch::Contains("content ref"));
  }
}

TEST_CASE("Every ContentStore call rejects a crafted ref before touching the disk") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  // A file where "../x" would lead if the ref were used as a path.
  REQUIRE(store->Put("secret"));
  for (const std::string& bad :
       std::vector<std::string>{"../x", "sha256:zz", "sha256:" + std::string(63, '0'), "sha256:../../../tmp"}) {
    INFO(bad);
    auto got = store->Get(bad);
    REQUIRE_FALSE(got);
    CHECK_THAT(got.error().message, Catch::Contains(bad));
    CHECK_FALSE(store->PathOf(bad));
    CHECK_FALSE(store->Has(bad));
  }
}
