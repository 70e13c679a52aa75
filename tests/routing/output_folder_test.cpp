#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/routing/output.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("Commit replaces an earlier run's output instead of mixing with it") {
  TempDir root;
  const auto out_dir = root / "out";
  {
    auto first = routing::OutputFolder::Open(out_dir);
    REQUIRE(first);
    REQUIRE(CreatePrivateDirectories(first->staging() / "review"));
    REQUIRE(WriteFileAtomically(first->staging() / "review" / "old.json", "{}"));
    REQUIRE(WriteFileAtomically(first->staging() / "report.json", "first"));
    REQUIRE(first->Commit());
  }
  CHECK(fs::exists(out_dir / "review" / "old.json"));

  auto second = routing::OutputFolder::Open(out_dir);
  REQUIRE(second);
  REQUIRE(CreatePrivateDirectories(second->staging() / "postkorb" / "jc"));
  REQUIRE(WriteFileAtomically(second->staging() / "postkorb" / "jc" / "new.json", "{}"));
  REQUIRE(WriteFileAtomically(second->staging() / "report.json", "second"));
  // Until the commit, the earlier output is what a reader sees.
  CHECK(*ReadWholeFile(out_dir / "report.json") == "first");
  REQUIRE(second->Commit());

  CHECK_FALSE(fs::exists(out_dir / "review"));
  CHECK(fs::exists(out_dir / "postkorb" / "jc" / "new.json"));
  CHECK(*ReadWholeFile(out_dir / "report.json") == "second");
  CHECK_FALSE(fs::exists(second->staging()));
}

TEST_CASE("Open clears what a killed run left in its staging folder") {
  TempDir root;
  {
    auto killed = routing::OutputFolder::Open(root / "out");
    REQUIRE(killed);
    REQUIRE(WriteFileAtomically(killed->staging() / "half.pdf", "%PDF-"));
    // no Commit(): the run was killed
  }
  auto rerun = routing::OutputFolder::Open(root / "out");
  REQUIRE(rerun);
  CHECK_FALSE(fs::exists(rerun->staging() / "half.pdf"));
  CHECK_FALSE(fs::exists(root / "out" / "report.json"));
}

TEST_CASE("Open fails with the folder's name when the output folder cannot be created") {
  TempDir root;
  REQUIRE(WriteFileAtomically(root / "a-file", "x"));
  auto out = routing::OutputFolder::Open(root / "a-file" / "out");
  REQUIRE_FALSE(out);
  CHECK_THAT(out.error().message, Catch::Contains((root / "a-file" / "out").string()));
}
