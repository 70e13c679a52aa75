// `mailroom station` as a service, with SANE's test backend: a box job from the queue to the
// Postkorb, a paper jam that waits for the operator's resume, and a SIGKILL in the middle of a box.
// Faults come from the backend's test.conf (read again at every SANE start, as a real scanner's
// state changes between two tries), so the station's own settings stay the same throughout.
#include <catch2/catch.hpp>

#include <httplib.h>
#include <stdlib.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <regex>
#include <thread>

#include "mailroom/ledger/stations.h"
#include "mailroom_child.h"
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

bool WaitFor(const std::function<bool()>& done, int seconds = 60) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

// A scan center with stations on test:0 (scan-1) and test:1 (scan-2): small white pages (blank,
// so the embedded hand-over needs no OCR), a registry, and each station's config file, boxes
// folder and log of its own (as on a host of its own); the ledger is the one they share.
class StationCenter {
 public:
  StationCenter() {
    const fs::path registry = center.Dir() / "registry";
    fs::create_directories(registry);
    std::ofstream(registry / "jobcenters.csv")
        << "jobcenter_id,name,dienststelle\njobcenter-kiel,Jobcenter Kiel,12345\n";
    std::ofstream(registry / "cases.csv")
        << "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n";
    ::setenv("SANE_CONFIG_DIR", (center.Dir() / "sane").c_str(), 1);
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
  }

  fs::path Config(const std::string& extra = "", const std::string& station = "scan-1") const {
    const fs::path file = center.Dir() / (station + ".conf");
    std::ofstream(file) << "station = " << station << "\ndevice = test:" << (station == "scan-1" ? 0 : 1)
                        << "\nresolution = 100\n"
                        << "device-option = br-x=40\ndevice-option = br-y=50\n"
                        << "device-option = test-picture=Solid white\n"
                        << "boxes = " << Boxes(station).string() << "\n"
                        << "ledger = " << Ledger().string() << "\n"
                        << "registry = " << (center.Dir() / "registry").string() << "\n"
                        << "out = " << (center.Dir() / "out").string() << "\npoll-ms = 50\nmetrics-port = 0\n"
                        << extra;
    return file;
  }
  fs::path Ledger() const { return center.Dir() / "ledger.sqlite"; }
  fs::path Log(const std::string& station = "scan-1") const { return center.Dir() / (station + ".log"); }
  // scan-1's boxes are where `mailroom scan` of the center puts them; scan-2 has a folder of its own.
  fs::path Boxes(const std::string& station) const {
    return center.Dir() / (station == "scan-1" ? "boxes" : "boxes-" + station);
  }

  std::unique_ptr<testing::MailroomChild> Start(const std::string& extra = "",
                                                const std::string& station = "scan-1") const {
    return std::make_unique<testing::MailroomChild>(
        std::vector<std::string>{"station", "--config", Config(extra, station).string()}, Log(station));
  }
  testing::CommandResult Command(const std::string& arguments) const {
    return center.Run("station " + arguments + " --ledger " + Quoted(Ledger()));
  }
  // The scanner's own state: a jam (or any SANE status) on every read until it is cleared.
  void Fault(const std::string& status) const {
    std::ofstream(center.Dir() / "sane" / "test.conf")
        << "number_of_devices 2\n"
        << (status.empty() ? "" : "read-status-code \"" + status + "\"\n");
  }

  // What the station last reported to the ledger (a default state when it never did).
  ledger::StationState State(const std::string& station = "scan-1") const {
    auto ledger = ledger::Ledger::Open(Ledger());
    REQUIRE(ledger);
    auto state = ledger::Stations(*ledger).StateOf(station);
    REQUIRE(state);
    return state->value_or(ledger::StationState{.state = "never run"});
  }
  bool StateIs(const std::string& state, const std::string& station = "scan-1") const {
    return State(station).state == state;
  }
  // The station's job of `box` in the ledger (state "none" when it has none).
  ledger::StationJob Job(const std::string& box, const std::string& station = "scan-1") const {
    auto ledger = ledger::Ledger::Open(Ledger());
    REQUIRE(ledger);
    const auto jobs = ledger::Stations(*ledger).Jobs(station);
    REQUIRE(jobs);
    for (const auto& job : *jobs) {
      if (job.box_id == box) return job;
    }
    return ledger::StationJob{.state = "none"};
  }
  bool Done(const std::string& box, const std::string& station = "scan-1") const {
    return Job(box, station).state == "done";
  }

  void Register(const std::string& box) const {
    REQUIRE(
        center
            .Run("register --box " + box + " --seal S-" + box + " --origin jobcenter-kiel --ledger " + Quoted(Ledger()))
            .exit_code == 0);
  }

  // Every sheet once: pages 1..n in the folder, n captured in the ledger, n in the box report.
  void CheckEverySheetOnce(const std::string& box, int pages, const std::string& station = "scan-1") const {
    CHECK(PageFiles(Boxes(station) / box) == Numbered(1, pages));
    const auto summary = center.Ledger(box);
    CHECK(summary.pages_captured == pages);
    CHECK(summary.state == ledger::BoxState::kDelivered);
    CHECK(testing::ReadJson(center.Dir() / "out" / box / "report.json")["pages_in"] == pages);
    CHECK(Job(box, station).pages == pages);
  }

  ScanCenter center;
};

int Count(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

int MetricsPort(const fs::path& log) {
  int port = 0;
  WaitFor([&] {
    std::smatch match;
    const std::string text = ReadText(log);
    if (!std::regex_search(text, match, std::regex(R"(metrics at http://[0-9.]+:([0-9]+)/metrics)"))) return false;
    port = std::stoi(match[1]);
    return true;
  });
  return port;
}

}  // namespace

TEST_CASE("station --help is the station's own help, exit 0", "[station]") {
  auto help = testing::RunMailroom("station --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.output, Catch::Contains("Usage: mailroom station"));
  CHECK_THAT(help.output, Catch::Contains("assign"));
  CHECK_THAT(help.output, Catch::Contains("resume"));
  auto resume_help = testing::RunMailroom("station resume --help");
  CHECK(resume_help.exit_code == 0);
  CHECK_THAT(resume_help.output, Catch::Contains("Usage: mailroom station resume"));
}

TEST_CASE("station: a box job is scanned to completion and handed over; state and metrics say so", "[station]") {
  StationCenter s;
  s.Register("B-1");
  auto station = s.Start();
  const int port = MetricsPort(s.Log());
  REQUIRE(port > 0);
  REQUIRE(WaitFor([&] { return s.StateIs("idle"); }));

  auto assigned = s.Command("assign B-1 --station scan-1");
  INFO(assigned.output << ReadText(s.Log()));
  REQUIRE(assigned.exit_code == 0);
  CHECK_THAT(assigned.output, Catch::Contains("box B-1 queued at station scan-1"));
  REQUIRE(WaitFor([&] { return s.Done("B-1"); }));
  REQUIRE(WaitFor([&] { return s.StateIs("idle"); }));
  s.CheckEverySheetOnce("B-1", 10);

  auto status = s.Command("status");
  CHECK(status.exit_code == 0);
  CHECK_THAT(status.output, Catch::Contains("scan-1  idle  0 jobs waiting"));
  httplib::Client client("127.0.0.1", port);
  auto scraped = client.Get("/metrics");
  REQUIRE(scraped);
  const auto samples = testing::ParseSamples(scraped->body);
  CHECK(testing::Sum(samples, "mailroom_station_state", {R"(station="scan-1")", R"(state="idle")"}) == 1);
  CHECK(testing::Sum(samples, "mailroom_station_state", {R"(station="scan-1")", R"(state="paused")"}) == 0);
  CHECK(testing::Sum(samples, "mailroom_pages_total", {R"(stage="scan")", R"(direction="out")"}) == 10);

  // A box is one station's job once; a delivered box is no job at all.
  s.Register("B-2");
  s.Fault("SANE_STATUS_NO_DOCS");  // the feeder is empty: the job waits at the station
  REQUIRE(s.Command("assign B-2 --station scan-1").exit_code == 0);
  REQUIRE(WaitFor([&] { return s.StateIs("paused"); }));
  auto twice = s.Command("assign B-2 --station scan-2");
  CHECK(twice.exit_code == 2);
  CHECK_THAT(twice.output, Catch::Contains("box B-2 is at station scan-1 already"));
  auto delivered = s.Command("assign B-1 --station scan-2");
  CHECK(delivered.exit_code == 2);
  CHECK_THAT(delivered.output, Catch::Contains("box B-1 is delivered"));
  auto unknown = s.Command("assign B-9 --station scan-1");
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.output, Catch::Contains("box B-9 is not registered"));
  CHECK_THAT(s.State().reason, Catch::Contains("feeder is empty"));
}

TEST_CASE("station: a paper jam pauses the job; resume finishes it with every sheet once", "[station]") {
  StationCenter s;
  s.Register("B-3");
  auto station = s.Start();
  REQUIRE(WaitFor([&] { return s.StateIs("idle"); }));
  auto not_paused = s.Command("resume --station scan-1");
  CHECK(not_paused.exit_code == 2);
  CHECK_THAT(not_paused.output, Catch::Contains("station scan-1 is idle, not paused"));

  s.Fault("SANE_STATUS_JAMMED");
  REQUIRE(s.Command("assign B-3 --station scan-1").exit_code == 0);
  REQUIRE(WaitFor([&] { return s.StateIs("paused"); }));
  const auto paused = s.State();
  INFO(paused.reason);
  CHECK(paused.box_id == "B-3");
  CHECK_THAT(paused.reason, Catch::Contains("Paper jam at sheet 1"));
  CHECK_THAT(paused.reason, Catch::Contains("mailroom station resume --station scan-1"));
  CHECK(s.center.Ledger("B-3").state == ledger::BoxState::kScanning);
  auto status = s.Command("status --json");
  CHECK(nlohmann::json::parse(status.output)[0]["state"] == "paused");

  // Still jammed: the resume tries again and pauses again, nothing captured twice.
  REQUIRE(s.Command("resume --station scan-1").exit_code == 0);
  REQUIRE(WaitFor([&] { return Count(ReadText(s.Log()), "station.paused box=B-3") == 2; }));
  CHECK(PageFiles(s.center.Box("B-3")).empty());

  s.Fault("");  // the operator cleared the feeder
  auto resumed = s.Command("resume --station scan-1");
  INFO(ReadText(s.Log()));
  CHECK(resumed.exit_code == 0);
  CHECK_THAT(resumed.output, Catch::Contains("station scan-1: box B-3 resumed"));
  REQUIRE(WaitFor([&] { return s.Done("B-3"); }));
  s.CheckEverySheetOnce("B-3", 10);
  CHECK_THAT(ReadText(s.Log()), Catch::Contains("station.paused box=B-3"));
}

TEST_CASE("station: SIGKILL in the middle of a box; after the restart the job finishes with every sheet once",
          "[station]") {
  StationCenter s;
  s.Register("B-4");
  // Larger pages, read slowly (about half a second a page), so that the kill comes mid-stack.
  const std::string slow =
      "device-option = br-x=100\ndevice-option = br-y=100\ndevice-option = read-limit=yes\n"
      "device-option = read-limit-size=1024\ndevice-option = read-delay=yes\n"
      "device-option = read-delay-duration=200000\n";
  auto station = s.Start(slow);
  REQUIRE(s.Command("assign B-4 --station scan-1").exit_code == 0);
  REQUIRE(WaitFor([&] { return PageFiles(s.center.Box("B-4")).size() >= 2; }));
  station->Kill();
  const int kept = static_cast<int>(PageFiles(s.center.Box("B-4")).size());
  REQUIRE(kept < 10);
  CHECK(s.StateIs("scanning"));

  // The restart does not feed on by itself: the sheet in the scanner at the kill went through unkept.
  station = s.Start(slow);
  REQUIRE(WaitFor([&] { return s.StateIs("paused"); }));
  const std::string reason = s.State().reason;
  INFO(reason);
  CHECK_THAT(reason, Catch::Contains("stopped while scanning box B-4"));
  CHECK_THAT(reason, Catch::Contains("Put sheet " + std::to_string(kept + 1) + " "));

  REQUIRE(s.Command("resume --station scan-1").exit_code == 0);
  REQUIRE(WaitFor([&] { return s.Done("B-4"); }, 120));
  s.CheckEverySheetOnce("B-4", kept + 10);
}

TEST_CASE("station: two stations on one ledger at once, one SIGKILLed mid-box and restarted; each box every sheet once",
          "[station]") {
  StationCenter s;
  s.Register("B-5");
  s.Register("B-6");
  const std::string slow =
      "device-option = br-x=100\ndevice-option = br-y=100\ndevice-option = read-limit=yes\n"
      "device-option = read-limit-size=1024\ndevice-option = read-delay=yes\n"
      "device-option = read-delay-duration=200000\n";
  auto scan_1 = s.Start(slow, "scan-1");
  auto scan_2 = s.Start(slow, "scan-2");
  REQUIRE(s.Command("assign B-5 --station scan-1").exit_code == 0);
  // From another host: the command with only the ledger (no boxes, no stations folder, no scanner),
  // in a folder of its own.
  const fs::path elsewhere = s.center.Dir() / "dispatcher";
  fs::create_directories(elsewhere);
  auto remote =
      testing::RunMailroomWithEnv("cd " + Quoted(elsewhere) + " && env -u MAILROOM_BOXES -u SANE_CONFIG_DIR",
                                  "station assign B-6 --station scan-2 --operator op-2 --ledger " + Quoted(s.Ledger()));
  INFO(remote.output);
  REQUIRE(remote.exit_code == 0);
  CHECK_THAT(remote.output, Catch::Contains("box B-6 queued at station scan-2 (1 jobs waiting)"));
  auto held = testing::RunMailroom("station assign B-6 --station scan-1 --ledger " + Quoted(s.Ledger()));
  CHECK(held.exit_code == 2);
  CHECK_THAT(held.output, Catch::Contains("box B-6 is at station scan-2 already"));
  CHECK(s.Job("B-6", "scan-2").assigned.who == "op-2");

  REQUIRE(WaitFor([&] { return PageFiles(s.Boxes("scan-1") / "B-5").size() >= 2; }));
  REQUIRE(WaitFor([&] { return PageFiles(s.Boxes("scan-2") / "B-6").size() >= 1; }));
  scan_1->Kill();
  const int kept = static_cast<int>(PageFiles(s.Boxes("scan-1") / "B-5").size());
  REQUIRE(kept < 10);
  CHECK(s.StateIs("scanning", "scan-1"));
  CHECK(s.StateIs("scanning", "scan-2"));  // the other station goes on
  CHECK(s.State("scan-2").box_id == "B-6");

  scan_1 = s.Start(slow, "scan-1");
  REQUIRE(WaitFor([&] { return s.StateIs("paused", "scan-1"); }));
  CHECK_THAT(s.State("scan-1").reason, Catch::Contains("Put sheet " + std::to_string(kept + 1) + " "));
  auto status = testing::RunMailroom("station status --ledger " + Quoted(s.Ledger()));
  CHECK_THAT(status.output, Catch::Contains("scan-1  paused  box B-5"));
  CHECK_THAT(status.output, Catch::Contains("scan-2  "));
  REQUIRE(testing::RunMailroom("station resume --station scan-1 --ledger " + Quoted(s.Ledger())).exit_code == 0);

  INFO(ReadText(s.Log("scan-1")) << ReadText(s.Log("scan-2")));
  REQUIRE(WaitFor([&] { return s.Done("B-6", "scan-2"); }, 120));
  REQUIRE(WaitFor([&] { return s.Done("B-5", "scan-1"); }, 120));
  s.CheckEverySheetOnce("B-5", kept + 10, "scan-1");
  s.CheckEverySheetOnce("B-6", 10, "scan-2");
  CHECK(s.Job("B-5", "scan-2").state == "none");
  CHECK(s.Job("B-6", "scan-1").state == "none");
}
