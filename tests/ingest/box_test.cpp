#include <catch2/catch.hpp>
#include <fstream>

#include "mailroom/common/atomic_file.h"
#include "mailroom/ingest/box.h"
#include "temp_dir.h"
#include "test_images.h"

using namespace mailroom;
using testing::TempDir;

TEST_CASE("ListPages lists pages in file-name order and skips box.json and hidden files") {
  TempDir box;
  testing::WritePage(box / "0002.png", IFF_PNG);
  testing::WritePage(box / "0001.tif", IFF_TIFF_G4);
  testing::WritePage(box / "0003.jpg", IFF_JFIF_JPEG);
  REQUIRE(WriteFileAtomically(box / "box.json", "{}"));
  REQUIRE(WriteFileAtomically(box / ".DS_Store", "x"));
  auto pages = ingest::ListPages(box.path());
  REQUIRE(pages);
  REQUIRE(pages->size() == 3);
  CHECK((*pages)[0].name == "0001.tif");
  CHECK((*pages)[1].name == "0002.png");
  CHECK((*pages)[2].name == "0003.jpg");
  for (const auto& page : *pages) CHECK(page.listing_error.empty());
}

TEST_CASE("ListPages keeps unknown and empty files as pages with a reason, so nothing is silently dropped") {
  TempDir box;
  REQUIRE(WriteFileAtomically(box / "notes.txt", "hello"));
  std::ofstream(box / "0001.tif").close();
  auto pages = ingest::ListPages(box.path());
  REQUIRE(pages);
  REQUIRE(pages->size() == 2);
  CHECK_THAT((*pages)[0].listing_error, Catch::Contains("empty file"));
  CHECK_THAT((*pages)[1].listing_error, Catch::Contains("unknown file type '.txt'"));
  auto decoded = ingest::DecodePage((*pages)[1]);
  REQUIRE_FALSE(decoded);
  CHECK_THAT(decoded.error().message, Catch::StartsWith("notes.txt: unknown file type"));
}

TEST_CASE("ListPages splits a multi-page TIFF into one page each") {
  TempDir box;
  PixPtr page = testing::MakeGreyPage();
  PixPtr bilevel(pixThresholdToBinary(page.get(), 128));
  const auto path = box / "0001.tif";
  REQUIRE(pixWriteTiff(path.c_str(), bilevel.get(), IFF_TIFF_G4, "w") == 0);
  REQUIRE(pixWriteTiff(path.c_str(), bilevel.get(), IFF_TIFF_G4, "a") == 0);
  REQUIRE(pixWriteTiff(path.c_str(), bilevel.get(), IFF_TIFF_G4, "a") == 0);
  auto pages = ingest::ListPages(box.path());
  REQUIRE(pages);
  REQUIRE(pages->size() == 3);
  CHECK((*pages)[0].name == "0001.tif#1");
  CHECK((*pages)[2].name == "0001.tif#3");
  auto third = ingest::DecodePage((*pages)[2]);
  REQUIRE(third);
  CHECK(pixGetDepth(third->get()) == 1);
}

TEST_CASE("ListPages names the folder when it cannot be read") {
  auto pages = ingest::ListPages("/nonexistent/box-17");
  REQUIRE_FALSE(pages);
  CHECK_THAT(pages.error().message, Catch::Contains("/nonexistent/box-17"));
}

TEST_CASE("ReadBoxInfo reads box.json and defaults box_id to the folder name") {
  TempDir root;
  const auto box = root / "BOX-42";
  std::filesystem::create_directories(box);
  auto info = ingest::ReadBoxInfo(box);
  REQUIRE(info);
  CHECK(info->box_id == "BOX-42");

  REQUIRE(WriteFileAtomically(box / "box.json",
                              R"({"box_id": "B-7", "seal": "S-123", "origin": "jobcenter-kiel", "extra": 1})"));
  info = ingest::ReadBoxInfo(box);
  REQUIRE(info);
  CHECK(info->box_id == "B-7");
  CHECK(info->seal == "S-123");
  CHECK(info->origin == "jobcenter-kiel");
}

TEST_CASE("ReadBoxInfo rejects a box.json that is not JSON, naming the file") {
  TempDir box;
  REQUIRE(WriteFileAtomically(box / "box.json", "{\"box_id\": \"B-7\",,"));
  auto info = ingest::ReadBoxInfo(box.path());
  REQUIRE_FALSE(info);
  CHECK_THAT(info.error().message, Catch::Contains((box / "box.json").string()));
  CHECK_THAT(info.error().message, Catch::Contains("not a valid box.json"));
}
