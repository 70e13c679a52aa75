#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "temp_dir.h"

using mailroom::testing::TempDir;

namespace {
unsigned ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}
}  // namespace

TEST_CASE("WriteFileAtomically writes the bytes with mode 0600 and leaves no temporary file") {
  TempDir dir;
  const auto path = dir / "doc.json";
  REQUIRE(mailroom::WriteFileAtomically(path, "{\"a\": 1}"));
  CHECK(*mailroom::ReadWholeFile(path) == "{\"a\": 1}");
  CHECK(ModeOf(path) == 0600);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("WriteFileAtomically replaces an earlier file whole") {
  TempDir dir;
  const auto path = dir / "report.json";
  REQUIRE(mailroom::WriteFileAtomically(path, std::string(10000, 'x')));
  REQUIRE(mailroom::WriteFileAtomically(path, "short"));
  CHECK(*mailroom::ReadWholeFile(path) == "short");
}

TEST_CASE("WriteFileAtomically names the path when the folder does not exist") {
  TempDir dir;
  const auto path = dir / "missing" / "doc.json";
  auto result = mailroom::WriteFileAtomically(path, "x");
  REQUIRE_FALSE(result);
  CHECK_THAT(result.error().message, Catch::Contains(path.string()));
}

TEST_CASE("CreatePrivateDirectories makes owner-only folders and fails on a file in the way") {
  TempDir dir;
  REQUIRE(mailroom::CreatePrivateDirectories(dir / "a" / "b"));
  CHECK(ModeOf(dir / "a") == 0700);
  CHECK(ModeOf(dir / "a" / "b") == 0700);
  REQUIRE(mailroom::WriteFileAtomically(dir / "file", "x"));
  auto result = mailroom::CreatePrivateDirectories(dir / "file");
  REQUIRE_FALSE(result);
  CHECK_THAT(result.error().message, Catch::Contains("file"));
}

TEST_CASE("SyncFolder syncs a folder, and names one that is not there") {
  TempDir dir;
  REQUIRE(mailroom::WriteFileAtomically(dir / "doc.json", "{}"));
  CHECK(mailroom::SyncFolder(dir.path()));
  const auto missing = mailroom::SyncFolder(dir / "nowhere");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.rfind((dir / "nowhere").string() + ": cannot open folder to sync it: ", 0) == 0);
}
