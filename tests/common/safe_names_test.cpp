// What an id and a page file name may be (common/safe_names.h): nothing that climbs out of a
// folder, hides, or forges a log line gets through, and the reason names the field.
#include <catch2/catch.hpp>

#include "mailroom/common/safe_names.h"

using namespace mailroom;

TEST_CASE("safe names: ids are letters, digits, '-', '_' and '.', not hidden, not too long") {
  for (const std::string ok : {"BOX-2026-0117", "jobcenter-kiel", "BOX-9-001", "SEAL-3C4D9D97", "a", "x.y_z"}) {
    CHECK(IdProblem("box_id", ok).empty());
  }
  CHECK(IdProblem("box_id", std::string(kMaxIdLength, 'b')).empty());
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"", "is empty"},
      {"..", "starts with '.'"},
      {"../../etc", "starts with '.'"},
      {"/etc/passwd", "characters an id cannot have"},
      {"a/b", "characters an id cannot have"},
      {std::string("a\0b", 3), "characters an id cannot have"},
      {"box 1", "characters an id cannot have"},
      {"Kündigung", "characters an id cannot have"},
      {std::string(kMaxIdLength + 1, 'b'), "more than 128"},
  };
  for (const auto& [id, reason] : refused) {
    INFO(Printable(id));
    CHECK_THAT(IdProblem("box_id", id), Catch::Contains("box_id") && Catch::Contains(reason));
    CHECK_FALSE(CheckId("box_id", id));
  }
}

TEST_CASE("safe names: a page file name is any file name in the box folder, never a path") {
  for (const std::string ok : {"0001.tif", "0007.tif#2", "Brief vom Amt.pdf", "scan_ä.png"})
    CHECK(PageNameProblem(ok).empty());
  CHECK_THAT(PageNameProblem("../0001.tif"), Catch::Contains("'/'"));
  CHECK_THAT(PageNameProblem("/etc/passwd"), Catch::Contains("'/'"));
  CHECK_THAT(PageNameProblem(".."), Catch::Contains("starts with '.'"));
  CHECK_THAT(PageNameProblem(std::string("a\0b", 3)), Catch::Contains("NUL"));
  CHECK_THAT(PageNameProblem(std::string(kMaxPageNameLength + 1, 'p')), Catch::Contains("longer than 255"));
  CHECK_THAT(PageNameProblem(""), Catch::Contains("empty"));
}

TEST_CASE("safe names: a hostile name in a message cannot forge a log line") {
  CHECK(Printable("box\n2026-01-01 info forged") == "box\\x0a2026-01-01 info forged");
  CHECK(Printable(std::string(100, 'x')).size() == 64 + 3);
  CHECK(Printable("a\\b") == "a\\x5cb");
}
