// The ledger commands as an operator runs them: the real `mailroom` binary against a ledger that
// the test walks through its states with the ledger library and fixed times (2024-03-01 = day 0).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ledger_test_util.h"
#include "run_mailroom.h"
#include "temp_dir.h"

namespace mailroom::app {
namespace {

namespace fs = std::filesystem;
using ledger::BoxState;
using ledger::testing::At;
using ledger::testing::Box;
using ledger::testing::DeliveredBox;
using ledger::testing::OpenLedger;
using ledger::testing::Page;
using mailroom::testing::CommandResult;
using mailroom::testing::Quoted;
using mailroom::testing::TempDir;

// Neither the environment nor a config file of the machine running the tests may choose a ledger.
constexpr const char* kCleanEnv = "env -u MAILROOM_LEDGER -u MAILROOM_CONFIG";

CommandResult Mailroom(const TempDir& dir, const std::string& arguments) {
  return mailroom::testing::RunMailroomWithEnv(kCleanEnv, arguments + " --ledger " + Quoted(dir / "ledger.sqlite"));
}

bool Private(const fs::path& path) {
  return (fs::status(path).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write);
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string PdfText(const fs::path& pdf) {
  const fs::path txt = pdf.string() + ".txt";
  const std::string command = "pdftotext -layout " + Quoted(pdf) + " " + Quoted(txt);
  REQUIRE(std::system(command.c_str()) == 0);
  return ReadText(txt);
}

// A box in processing with `captured` pages, `delivered` of them delivered.
void ProcessingBox(ledger::Ledger& ledger, const std::string& id, int captured, int delivered) {
  REQUIRE(ledger.RegisterBox(Box(id)));
  REQUIRE(ledger.Advance(id, BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured(id, captured, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kProcessing, At(0)));
  for (int i = 1; i <= delivered; ++i) REQUIRE(ledger.RecordPageDelivered(id, Page(std::to_string(i) + ".tif")));
}

TEST_CASE("register records a box once and says so", "[app][ledger]") {
  TempDir dir;
  auto first =
      Mailroom(dir, "register --box B-1 --seal S-77 --origin JC-1 --arrived 2024-03-01T08:15:00Z --operator op-1");
  CHECK(first.exit_code == 0);
  CHECK(first.output == "box B-1 registered: seal S-77, origin JC-1, arrived 2024-03-01T08:15:00Z\n");
  CHECK(Private(dir / "ledger.sqlite"));

  auto dated = Mailroom(dir, "register --box B-2 --seal S-78 --origin JC-1 --arrived 2024-03-02");
  CHECK(dated.exit_code == 0);
  CHECK(dated.output == "box B-2 registered: seal S-78, origin JC-1, arrived 2024-03-02T00:00:00Z\n");

  auto again = Mailroom(dir, "register --box B-1 --seal S-99 --origin JC-2");
  CHECK(again.exit_code == 2);
  CHECK(again.output == "mailroom: error: box B-1 is registered already (received)\n");

  auto bad_time = Mailroom(dir, "register --box B-3 --seal S-1 --origin JC-1 --arrived 2024-02-30");
  CHECK(bad_time.exit_code == 2);
  CHECK_THAT(bad_time.output, Catch::Contains("--arrived: '2024-02-30': no such day"));
}

TEST_CASE("every ledger command needs a ledger, from the flag, the environment or the config file", "[app][ledger]") {
  TempDir dir;
  for (const std::string command :
       {"boxes", "register --box B-1 --seal S --origin JC-1", "audit", "destruction-list --date 2024-04-27",
        "destroyed B-1", "receipt --bg 35301BG0012345", "retention --origin JC-1"}) {
    auto result = mailroom::testing::RunMailroomWithEnv(kCleanEnv, command);
    CHECK(result.exit_code == 2);
    CHECK(result.output == "mailroom: error: no ledger: give --ledger FILE or set MAILROOM_LEDGER\n");
  }
  const fs::path file = dir / "ledger.sqlite";
  auto registered = Mailroom(dir, "register --box B-1 --seal S --origin JC-1");
  REQUIRE(registered.exit_code == 0);

  auto from_env =
      mailroom::testing::RunMailroomWithEnv(std::string(kCleanEnv) + " MAILROOM_LEDGER=" + Quoted(file), "boxes");
  CHECK(from_env.exit_code == 0);
  CHECK_THAT(from_env.output, Catch::Contains("B-1"));

  std::ofstream(dir / "mailroom.conf") << "# shared settings\nledger = " << file.string() << "\n";
  auto from_config =
      mailroom::testing::RunMailroomWithEnv(kCleanEnv, "boxes --config " + Quoted(dir / "mailroom.conf"));
  CHECK(from_config.exit_code == 0);
  CHECK_THAT(from_config.output, Catch::Contains("B-1"));

  auto missing_file = mailroom::testing::RunMailroomWithEnv(kCleanEnv, "boxes --ledger " + Quoted(dir / "typo.sqlite"));
  CHECK(missing_file.exit_code == 2);
  CHECK_THAT(missing_file.output, Catch::Contains("typo.sqlite: no such file"));
  CHECK_FALSE(fs::exists(dir / "typo.sqlite"));
}

TEST_CASE("boxes lists every box with its state and what is outstanding", "[app][ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    CHECK(Mailroom(dir, "boxes").output == "no boxes\n");
    DeliveredBox(ledger, "B-1", 2);
    ProcessingBox(ledger, "B-2", 5, 2);
    REQUIRE(ledger.RecordPagesAccounted("B-2", {"blank-1.tif"}, At(0)));
    auto arrival = Box("B-3", "JC-2");
    arrival.arrived_at += std::chrono::hours{1};
    REQUIRE(ledger.RegisterBox(arrival));
  }
  auto table = Mailroom(dir, "boxes");
  CHECK(table.exit_code == 0);
  CHECK(table.output ==
        "BOX  SEAL    ORIGIN  STATE       ARRIVED (UTC)     CAPTURED  DELIVERED  ACCOUNTED  OUTSTANDING\n"
        "B-1  SEAL-1  JC-1    delivered   2024-03-01 08:00         2          2          0  retention\n"
        "B-2  SEAL-1  JC-1    processing  2024-03-01 08:00         5          2          1  2 pages open\n"
        "B-3  SEAL-1  JC-2    received    2024-03-01 09:00         0          0          0  scan\n");

  auto csv = Mailroom(dir, "boxes --csv --state processing");
  CHECK(csv.exit_code == 0);
  CHECK(csv.output ==
        "box_id,seal,origin,state,arrived_at,pages_captured,pages_delivered,pages_accounted,outstanding\n"
        "B-2,SEAL-1,JC-1,processing,2024-03-01T08:00:00Z,5,2,1,2 pages open\n");

  CHECK(Mailroom(dir, "boxes --state destroyed").output == "no boxes in state destroyed\n");
  auto bad_state = Mailroom(dir, "boxes --state shredded");
  CHECK(bad_state.exit_code == 2);
  CHECK(bad_state.output == "mailroom: error: --state: unknown box state 'shredded'\n");
}

TEST_CASE("destruction-list releases boxes on their retention date, not before", "[app][ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    DeliveredBox(ledger, "B-1", 2);          // delivered 2024-03-02, 56 days: 2024-04-27
    DeliveredBox(ledger, "B-2", 3, "JC-2");  // same
    ProcessingBox(ledger, "B-3", 2, 1);      // never due
  }
  const std::string header = "box_id,seal,origin,pages,delivered_at,retention_until\n";
  auto before = Mailroom(dir, "destruction-list --date 2024-04-26 --operator op-5");
  CHECK(before.exit_code == 0);
  CHECK(before.output == header);

  auto on_the_day = Mailroom(dir, "destruction-list --date 2024-04-27 --operator op-5");
  CHECK(on_the_day.exit_code == 0);
  CHECK(on_the_day.output == header +
                                 "B-1,SEAL-1,JC-1,2,2024-03-02T08:00:00Z,2024-04-27\n"
                                 "B-2,SEAL-1,JC-2,3,2024-03-02T08:00:00Z,2024-04-27\n");
  CHECK_THAT(Mailroom(dir, "boxes --state destruction-due").output, Catch::Contains("B-1") && Catch::Contains("B-2"));
  CHECK(Mailroom(dir, "destruction-list --date 2024-04-27").output == on_the_day.output);  // the same list again

  auto bad_date = Mailroom(dir, "destruction-list --date 27.04.2024");
  CHECK(bad_date.exit_code == 2);
  CHECK_THAT(bad_date.output, Catch::Contains("expected YYYY-MM-DD"));
}

TEST_CASE("destruction-list writes the CSV and the PDF protocol as private files", "[app][ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    DeliveredBox(ledger, "B-1", 2);
    DeliveredBox(ledger, "B-2", 3, "JC-2");
  }
  const fs::path csv = dir / "due.csv", pdf = dir / "protocol.pdf";
  auto result = Mailroom(
      dir, "destruction-list --date 2024-04-30 --operator op-7 --csv " + Quoted(csv) + " --pdf " + Quoted(pdf));
  CHECK(result.exit_code == 0);
  CHECK(result.output ==
        "2 boxes (5 pages) due for destruction on 2024-04-30: " + csv.string() + "\nprotocol: " + pdf.string() + "\n");
  CHECK(ReadText(csv) ==
        "box_id,seal,origin,pages,delivered_at,retention_until\n"
        "B-1,SEAL-1,JC-1,2,2024-03-02T08:00:00Z,2024-04-27\n"
        "B-2,SEAL-1,JC-2,3,2024-03-02T08:00:00Z,2024-04-27\n");
  CHECK(Private(csv));
  CHECK(Private(pdf));
  const std::string text = PdfText(pdf);
  CHECK_THAT(text, Catch::Contains("Vernichtungsprotokoll / Destruction protocol"));
  CHECK_THAT(text, Catch::Contains("2024-04-30"));
  CHECK_THAT(text, Catch::Contains("op-7"));
  CHECK_THAT(text, Catch::Contains("B-1") && Catch::Contains("B-2") && Catch::Contains("JC-2"));
  CHECK_THAT(text, Catch::Contains("signature"));
  CHECK_THAT(text, Catch::Contains("Total: 2 boxes, 5 pages"));
  CHECK_THAT(text, Catch::Contains("page 1 of 1"));

  // With the PDF only, stdout is the CSV and nothing else.
  auto pdf_only = Mailroom(dir, "destruction-list --date 2024-04-30 --pdf " + Quoted(dir / "again.pdf"));
  CHECK(pdf_only.exit_code == 0);
  CHECK(pdf_only.output == ReadText(csv));
}

TEST_CASE("the destruction protocol of 100 boxes runs over pages, each with its page number", "[app][ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    for (int i = 1; i <= 100; ++i) DeliveredBox(ledger, fmt::format("B-{:03}", i), 1);
  }
  const fs::path pdf = dir / "protocol.pdf";
  auto result = Mailroom(dir, "destruction-list --date 2024-05-01 --pdf " + Quoted(pdf));
  REQUIRE(result.exit_code == 0);
  const std::string text = PdfText(pdf);
  for (int i = 1; i <= 100; ++i) CHECK_THAT(text, Catch::Contains(fmt::format("B-{:03}", i)));
  CHECK_THAT(text, Catch::Contains("Total: 100 boxes, 100 pages"));
  CHECK_THAT(text, Catch::Contains("page 1 of 4") && Catch::Contains("page 4 of 4"));
  CHECK_THAT(text, Catch::Contains("(continued)"));
}

TEST_CASE("a retention of 42 days for one origin releases its boxes two weeks earlier", "[app][ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    DeliveredBox(ledger, "B-1", 2, "JC-1");
    DeliveredBox(ledger, "B-2", 2, "JC-2");
  }
  CHECK(Mailroom(dir, "retention --origin JC-2").output == "retention for JC-2: 56 days\n");
  auto set = Mailroom(dir, "retention --origin JC-2 --days 42 --operator op-3");
  CHECK(set.exit_code == 0);
  CHECK(set.output == "retention for JC-2 set to 42 days\n");
  CHECK(Mailroom(dir, "retention --origin JC-2").output == "retention for JC-2: 42 days\n");
  CHECK(Mailroom(dir, "retention --origin JC-1").output == "retention for JC-1: 56 days\n");

  CHECK(Mailroom(dir, "destruction-list --date 2024-04-13").output ==
        "box_id,seal,origin,pages,delivered_at,retention_until\n"
        "B-2,SEAL-1,JC-2,2,2024-03-02T08:00:00Z,2024-04-13\n");

  auto zero = Mailroom(dir, "retention --origin JC-2 --days 0");
  CHECK(zero.exit_code == 2);
  CHECK(zero.output == "mailroom: error: retention for JC-2: must be at least 1 day\n");
  CHECK_THAT(Mailroom(dir, "audit").output, Catch::Contains("op-3") && Catch::Contains("retention for JC-2 set to 42"));
}

TEST_CASE("destroyed is refused until the box is due, and refused twice", "[app][ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    REQUIRE(ledger.RegisterBox(Box("B-1")));
    ProcessingBox(ledger, "B-2", 3, 2);
    DeliveredBox(ledger, "B-3", 2);
  }
  const auto refused = [&](const std::string& args, const std::string& message) {
    auto result = Mailroom(dir, args);
    CHECK(result.exit_code == 2);
    CHECK(result.output == "mailroom: error: " + message + "\n");
  };
  refused("destroyed B-1", "box B-1 is received, cannot move to destroyed (next is scanning)");
  refused("destroyed B-2",
          "box B-2 is processing, cannot move to destroyed: 1 of 3 captured pages neither delivered nor accounted");
  refused("destroyed B-3 --date 2024-04-26",
          "box B-3 is delivered, cannot move to destroyed before its retention date 2024-04-27");
  refused("destroyed B-3 --date 2024-04-28",
          "box B-3 is delivered, cannot move to destroyed (next is destruction-due)");
  refused("destroyed B-9", "box B-9: not in the ledger");
  refused("destroyed B-3 --date 28.04.2024",
          "--date: '28.04.2024': not a date (expected YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)");

  REQUIRE(Mailroom(dir, "destruction-list --date 2024-04-27").exit_code == 0);
  auto done = Mailroom(dir, "destroyed B-3 --date 2024-04-28T10:30:00Z --operator shredder-2");
  CHECK(done.exit_code == 0);
  CHECK(done.output == "box B-3 recorded destroyed\n");
  refused("destroyed B-3", "box B-3 is destroyed, cannot be destroyed twice");
  CHECK_THAT(Mailroom(dir, "boxes --state destroyed").output, Catch::Contains("B-3"));
}

TEST_CASE("receipt lists a case's documents in delivery order and rejects malformed BG numbers", "[app][ledger]") {
  TempDir dir;
  {
    auto ledger = OpenLedger(dir);
    REQUIRE(ledger.RegisterBox(Box("B-1", "JC-9")));
    REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0)));
    REQUIRE(ledger.RecordPagesCaptured("B-1", 4, At(0)));
    REQUIRE(ledger.Advance("B-1", BoxState::kScanned, At(0)));
    REQUIRE(ledger.Advance("B-1", BoxState::kProcessing, At(0)));
    auto later = Page("1.tif", "doc-C", "35301BG0012345");
    later.delivered_at = ledger::testing::Day(2);
    later.jobcenter_id = "JC-2";
    REQUIRE(ledger.RecordPageDelivered("B-1", later));
    REQUIRE(ledger.RecordPageDelivered("B-1", Page("2.tif", "doc-A", "35301BG0012345")));
    REQUIRE(ledger.RecordPageDelivered("B-1", Page("3.tif", "doc-A", "35301BG0012345")));
    REQUIRE(ledger.RecordPageDelivered("B-1", Page("4.tif", "doc-B", "11111BG0000001")));
  }
  auto table = Mailroom(dir, "receipt --bg 35301BG0012345");
  CHECK(table.exit_code == 0);
  CHECK(table.output ==
        "case 35301BG0012345: 2 documents, 3 pages\n"
        "DOCUMENT  PAGES  ARRIVED     BOX  ORIGIN  DELIVERED TO  DELIVERED AT (UTC)\n"
        "doc-A         2  2024-03-01  B-1  JC-9    JC-1          2024-03-02 08:00\n"
        "doc-C         1  2024-03-01  B-1  JC-9    JC-2          2024-03-03 08:00\n");

  auto json = Mailroom(dir, "receipt --bg 35301BG0012345 --json");
  CHECK(json.exit_code == 0);
  const auto receipts = nlohmann::json::parse(json.output);
  REQUIRE(receipts.size() == 2);
  CHECK(receipts[0]["document_id"] == "doc-A");
  CHECK(receipts[0]["pages"] == 2);
  CHECK(receipts[0]["arrived_at"] == "2024-03-01T08:00:00Z");
  CHECK(receipts[0]["box_id"] == "B-1");
  CHECK(receipts[0]["origin_jobcenter"] == "JC-9");
  CHECK(receipts[0]["delivered_to"] == "JC-1");
  CHECK(receipts[0]["delivered_at"] == "2024-03-02T08:00:00Z");
  CHECK(receipts[1]["document_id"] == "doc-C");
  CHECK(receipts[1]["delivered_to"] == "JC-2");

  auto none = Mailroom(dir, "receipt --bg 99999BG0000009");
  CHECK(none.exit_code == 0);
  CHECK(none.output == "nothing recorded for case 99999BG0000009\n");
  CHECK(Mailroom(dir, "receipt --bg 99999BG0000009 --json").output == "[]\n");

  for (const std::string bad : {"3530BG0012345", "35301bg0012345", "35301BG001234X", "35301BG00123456"}) {
    auto result = Mailroom(dir, "receipt --bg " + bad);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.output, Catch::Contains("'" + bad + "' is not a BG number"));
  }
}

TEST_CASE("audit shows every state change with the operator who made it", "[app][ledger]") {
  TempDir dir;
  REQUIRE(Mailroom(dir, "register --box B-1 --seal S-1 --origin JC-1 --arrived 2024-03-01 --operator op-9").exit_code ==
          0);
  REQUIRE(Mailroom(dir, "register --box B-2 --seal S-2 --origin JC-1 --operator op-9").exit_code == 0);
  {
    auto ledger = OpenLedger(dir);
    REQUIRE(ledger.Advance("B-1", BoxState::kScanning, At(0, "scanner-3")));
  }
  auto all = Mailroom(dir, "audit");
  CHECK(all.exit_code == 0);
  CHECK_THAT(all.output, Catch::StartsWith("WHEN (UTC)"));
  CHECK_THAT(all.output, Catch::Contains("2024-03-01T00:00:00Z  op-9       B-1  registered, seal S-1, origin JC-1"));
  CHECK_THAT(all.output, Catch::Contains("2024-03-01T08:00:00Z  scanner-3  B-1  state received -> scanning"));
  CHECK_THAT(all.output, Catch::Contains("B-2"));

  auto one = Mailroom(dir, "audit --box B-1");
  CHECK_THAT(one.output, Catch::Contains("B-1") && !Catch::Contains("B-2"));
  CHECK(Mailroom(dir, "audit --box B-7").output == "no audit entries for box B-7\n");
}

}  // namespace
}  // namespace mailroom::app
