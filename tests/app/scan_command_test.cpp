// `mailroom scan` with SANE's test backend: the operator's side of a sealed box, from the feeder
// into the ledger and the pipeline, through paper jams and the other faults a scanner reports.
#include <catch2/catch.hpp>

#include <leptonica/allheaders.h>
#include <fstream>

#include "prometheus_text.h"
#include "scan_center.h"

using namespace mailroom;
using testing::Numbered;
using testing::PageFiles;
using testing::Quoted;
using testing::ScanCenter;
namespace fs = std::filesystem;

namespace {

std::string ReadText(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int Depth(const fs::path& page) {
  PIX* pix = pixRead(page.c_str());
  REQUIRE(pix != nullptr);
  const int depth = pixGetDepth(pix);
  pixDestroy(&pix);
  return depth;
}

}  // namespace

TEST_CASE("scan --list shows the scanners SANE finds", "[scan]") {
  ScanCenter center;
  auto listed = center.Scan("--list");
  INFO(listed.output);
  CHECK(listed.exit_code == 0);
  CHECK_THAT(listed.output, Catch::Contains("test:0  Noname frontend-tester"));
  CHECK_THAT(listed.output, Catch::Contains("test:1"));
}

TEST_CASE("scan: a new box is registered, its ADF stack captured in gray, box.json written", "[scan]") {
  ScanCenter center;
  auto scanned =
      center.Scan(testing::kSmallPages + "--box B-1 --seal S-1 --origin jobcenter-kiel --operator op-3 --no-process");
  INFO(scanned.output);
  REQUIRE(scanned.exit_code == 0);
  CHECK_THAT(scanned.output, Catch::Contains("box B-1 scanned: 10 pages"));
  CHECK(PageFiles(center.Box("B-1")) == Numbered(1, 10));
  CHECK(Depth(center.Box("B-1") / "0001.tif") == 8);
  CHECK((fs::status(center.Box("B-1") / "0007.tif").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));

  const auto box = center.Ledger("B-1");
  CHECK(box.state == ledger::BoxState::kScanned);
  CHECK(box.pages_captured == 10);
  CHECK(box.seal == "S-1");
  const auto box_json = testing::ReadJson(center.Box("B-1") / "box.json");
  CHECK(box_json["box_id"] == "B-1");
  CHECK(box_json["seal"] == "S-1");
  CHECK(box_json["origin"] == "jobcenter-kiel");
  CHECK(box_json["arrived_at"].get<std::string>().size() == 20);

  auto audit = center.Run("audit --box B-1");
  CHECK_THAT(audit.output, Catch::Contains("op-3"));
  CHECK_THAT(audit.output, Catch::Contains("state scanning -> scanned"));
}

TEST_CASE("scan: lineart pages are 1 bit (CCITT G4)", "[scan]") {
  ScanCenter center;
  auto scanned =
      center.Scan(testing::kSmallPages + "--mode lineart --box B-2 --seal S-2 --origin jobcenter-kiel --no-process");
  INFO(scanned.output);
  REQUIRE(scanned.exit_code == 0);
  CHECK(Depth(center.Box("B-2") / "0010.tif") == 1);
}

TEST_CASE("scan: a paper jam keeps every page, names the sheet, and --resume loses and doubles nothing", "[scan]") {
  ScanCenter center;
  // The first stack of the box; more follow.
  auto first =
      center.Scan(testing::kSmallPages + "--box B-3 --seal S-3 --origin jobcenter-kiel --no-process --keep-open");
  INFO(first.output);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.output, Catch::Contains("open for the next stack: mailroom scan --box B-3 --resume"));
  CHECK(center.Ledger("B-3").state == ledger::BoxState::kScanning);

  const fs::path metrics = center.Dir() / "jam.prom";
  auto jammed = center.Scan(testing::kSmallPages +
                            "--box B-3 --resume --no-process --device-option "
                            "read-return-value=SANE_STATUS_JAMMED --metrics-file " +
                            Quoted(metrics));
  INFO(jammed.output);
  CHECK(jammed.exit_code == 3);
  CHECK_THAT(jammed.output, Catch::Contains("Paper jam at sheet 11"));
  CHECK_THAT(jammed.output, Catch::Contains("pages up to 0010.tif are kept"));
  CHECK_THAT(jammed.output, Catch::Contains("mailroom scan --box B-3 --resume"));
  CHECK(PageFiles(center.Box("B-3")) == Numbered(1, 10));
  CHECK(center.Ledger("B-3").state == ledger::BoxState::kScanning);
  CHECK(center.Ledger("B-3").pages_captured == 10);
  // Operations see the jam: the stopped run still writes its metrics.
  const auto jam = testing::ParseSamples(ReadText(metrics));
  CHECK(testing::Sum(jam, "mailroom_errors_total", {R"(stage="scan")", R"(kind="scanner_fault")"}) == 1);

  auto resumed =
      center.Scan(testing::kSmallPages + "--box B-3 --resume --no-process --metrics-file " + Quoted(metrics));
  INFO(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  const auto scanned = testing::ParseSamples(ReadText(metrics));
  CHECK(testing::Sum(scanned, "mailroom_pages_total", {R"(stage="scan")", R"(direction="out")"}) == 10);
  CHECK(PageFiles(center.Box("B-3")) == Numbered(1, 20));
  CHECK(center.Ledger("B-3").state == ledger::BoxState::kScanned);
  CHECK(center.Ledger("B-3").pages_captured == 20);
}

TEST_CASE("scan: cover open, device busy and I/O error stop with their own advice, the box resumable", "[scan]") {
  const std::vector<std::pair<std::string, std::string>> faults = {{"SANE_STATUS_COVER_OPEN", "cover"},
                                                                   {"SANE_STATUS_DEVICE_BUSY", "busy"},
                                                                   {"SANE_STATUS_IO_ERROR", "cable and power"}};
  for (const auto& [status, advice] : faults) {
    ScanCenter center;
    auto stopped = center.Scan(testing::kSmallPages +
                               "--box B-4 --seal S-4 --origin jobcenter-kiel --no-process "
                               "--device-option read-return-value=" +
                               status);
    INFO(status << ": " << stopped.output);
    CHECK(stopped.exit_code == 3);
    CHECK_THAT(stopped.output, Catch::Contains(advice, Catch::CaseSensitive::No));
    CHECK_THAT(stopped.output, Catch::Contains("sheet 1"));
    CHECK(center.Ledger("B-4").state == ledger::BoxState::kScanning);
    auto resumed = center.Scan(testing::kSmallPages + "--box B-4 --resume --no-process");
    CHECK(resumed.exit_code == 0);
    CHECK(PageFiles(center.Box("B-4")) == Numbered(1, 10));
  }
}

TEST_CASE("scan: an empty feeder is no box; the operator is told to load it", "[scan]") {
  ScanCenter center;
  auto empty = center.Scan(testing::kSmallPages +
                           "--box B-5 --seal S-5 --origin jobcenter-kiel --no-process "
                           "--device-option read-return-value=SANE_STATUS_NO_DOCS");
  INFO(empty.output);
  CHECK(empty.exit_code == 3);
  CHECK_THAT(empty.output, Catch::Contains("the feeder is empty"));
  CHECK(center.Ledger("B-5").state == ledger::BoxState::kScanning);
  CHECK(center.Ledger("B-5").pages_captured == 0);
}

TEST_CASE("scan: refusals name the box and say what to do", "[scan]") {
  ScanCenter center;
  auto unregistered = center.Scan(testing::kSmallPages + "--box B-6 --no-process");
  CHECK(unregistered.exit_code == 2);
  CHECK_THAT(unregistered.output, Catch::Contains("box B-6 is not registered: give --seal and --origin"));

  auto resume_unknown = center.Scan(testing::kSmallPages + "--box B-6 --resume --no-process");
  CHECK(resume_unknown.exit_code == 2);
  CHECK_THAT(resume_unknown.output, Catch::Contains("box B-6 is not in the ledger"));

  auto nowhere = center.Scan(testing::kSmallPages + "--box B-6 --seal S-6 --origin jobcenter-kiel");
  CHECK(nowhere.exit_code == 2);
  CHECK_THAT(nowhere.output, Catch::Contains("--registry and --out"));

  auto bad_id = center.Scan(testing::kSmallPages + "--box ../B-6 --seal S-6 --origin jobcenter-kiel --no-process");
  CHECK(bad_id.exit_code == 2);

  REQUIRE(center.Scan(testing::kSmallPages + "--box B-6 --seal S-6 --origin jobcenter-kiel --no-process").exit_code ==
          0);
  auto again = center.Scan(testing::kSmallPages + "--box B-6 --seal S-6 --origin jobcenter-kiel --no-process");
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.output, Catch::Contains("box B-6 is scanned already"));
  auto resume_done = center.Scan(testing::kSmallPages + "--box B-6 --resume --no-process");
  CHECK(resume_done.exit_code == 2);
  CHECK(PageFiles(center.Box("B-6")) == Numbered(1, 10));

  auto no_device = center.Scan("--device test:7 --box B-7 --seal S-7 --origin jobcenter-kiel --no-process");
  CHECK(no_device.exit_code == 1);
  CHECK_THAT(no_device.output, Catch::Contains("test:7"));
  CHECK(center.Ledger("B-7").state == ledger::BoxState::kScanning);  // registered, nothing captured, resumable
}

TEST_CASE("scan: a registered box is scanned and processed into the Postkorb in one go", "[scan]") {
  ScanCenter center;
  const fs::path registry = center.Dir() / "registry";
  fs::create_directories(registry);
  std::ofstream(registry / "jobcenters.csv") << "jobcenter_id,name,dienststelle\njobcenter-kiel,Jobcenter Kiel,12345\n";
  std::ofstream(registry / "cases.csv")
      << "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n";
  REQUIRE(center.Run("register --box B-8 --seal S-8 --origin jobcenter-kiel").exit_code == 0);
  // White sheets: blank pages, accounted for without OCR, so the test stays fast.
  auto scanned = center.Scan(testing::kSmallPages + "--box B-8 --device-option 'test-picture=Solid white' --registry " +
                             Quoted(registry) + " --out " + Quoted(center.Dir() / "out"));
  INFO(scanned.output);
  REQUIRE(scanned.exit_code == 0);
  CHECK_THAT(scanned.output, Catch::Contains("blank:         10 pages"));
  CHECK_THAT(scanned.output, Catch::Contains("ledger:      box delivered"));
  const auto report = testing::ReadJson(center.Dir() / "out" / "report.json");
  CHECK(report["pages_in"] == 10);
  CHECK(center.Ledger("B-8").state == ledger::BoxState::kDelivered);
}
