// The box-level step of ingest that `mailroom process`, `mailroom ingest` and `mailroom scan` share.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/ingest/box.h"
#include "temp_dir.h"
#include "test_images.h"

using namespace mailroom;
using testing::TempDir;

TEST_CASE("WriteBoxInfo writes a private box.json that ReadBoxInfo reads back field by field") {
  TempDir root;
  const auto box_dir = root / "BOX-7";  // not there yet: WriteBoxInfo makes it
  const ingest::BoxInfo written{"BOX-2026-0117", "S-991", "jobcenter-kiel", "2026-11-25T08:15:00Z"};
  REQUIRE(ingest::WriteBoxInfo(box_dir, written));
  struct stat st {};
  REQUIRE(stat((box_dir / "box.json").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto read = ingest::ReadBoxInfo(box_dir);
  REQUIRE(read);
  CHECK(read->box_id == written.box_id);
  CHECK(read->seal == written.seal);
  CHECK(read->origin == written.origin);
  CHECK(read->arrived_at == written.arrived_at);
}

TEST_CASE("OpenBox gives box.json and the pages in scan order, or the reason it cannot") {
  TempDir box;
  testing::WritePage(box / "0002.png", IFF_PNG);
  testing::WritePage(box / "0001.tif", IFF_TIFF_G4);
  REQUIRE(WriteFileAtomically(box / "box.json", R"({"box_id": "BOX-9", "origin": "jobcenter-kiel"})"));
  auto opened = ingest::OpenBox(box.path());
  REQUIRE(opened);
  CHECK(opened->info.box_id == "BOX-9");
  REQUIRE(opened->pages.size() == 2);
  CHECK(opened->pages[0].name == "0001.tif");

  REQUIRE(WriteFileAtomically(box / "box.json", "{not json"));
  auto broken = ingest::OpenBox(box.path());
  REQUIRE_FALSE(broken);
  CHECK_THAT(broken.error().message, Catch::Contains("box.json"));
}

TEST_CASE("the arrival time comes from the ledger, then box.json, else the hand-over") {
  ingest::BoxInfo info;
  CHECK(ingest::ArrivalTime(info, "", "2026-12-06T10:00:00Z") == "2026-12-06T10:00:00Z");
  info.arrived_at = "2026-12-01T07:30:00Z";
  CHECK(ingest::ArrivalTime(info, "", "2026-12-06T10:00:00Z") == "2026-12-01T07:30:00Z");
  CHECK(ingest::ArrivalTime(info, "2026-11-30T09:00:00Z", "2026-12-06T10:00:00Z") == "2026-11-30T09:00:00Z");
}
