// The scan stations' queues, resume requests and states in the ledger (stations.h): a box is one
// station's job at a time, taken oldest first and once, its history and audit rows kept; a resume
// only for a paused station; two processes of one station id take one job between them. On both
// backends (ctest runs the suite on PostgreSQL as well).
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <set>

#include "ledger_test_util.h"
#include "mailroom/ledger/stations.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;
using Outcome = Assignment::Outcome;

std::vector<std::string> AuditOf(Ledger& ledger, const std::string& box_id) {
  std::vector<std::string> what;
  const auto trail = ledger.AuditTrail(box_id).value();
  for (const auto& entry : trail) {
    if (entry.what.rfind("station job:", 0) == 0) what.push_back(entry.what);
  }
  return what;
}

StationState Reported(std::string station, std::string state, std::string box = "", std::string reason = "") {
  StationState s;
  s.station_id = std::move(station);
  s.state = std::move(state);
  s.box_id = std::move(box);
  s.reason = std::move(reason);
  s.running = true;
  s.updated_at = Day(1);
  return s;
}

TEST_CASE("station jobs: a registered box queued at one station, taken oldest first, ended with its history",
          "[ledger][stations]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  Stations stations(ledger);
  for (const char* id : {"B-1", "B-2", "B-3"}) REQUIRE(ledger.RegisterBox(Box(id)));
  REQUIRE(ledger.Advance("B-2", BoxState::kScanning, At(0)));

  CHECK(stations.Assign("B-9", "scan-1", At(0)).value().outcome == Outcome::kUnknownBox);
  auto first = stations.Assign("B-2", "scan-1", At(0, "op-1"));
  REQUIRE(first);
  CHECK(first->outcome == Outcome::kQueued);
  CHECK(first->jobs_waiting == 1);
  CHECK(stations.Assign("B-1", "scan-1", At(0)).value().jobs_waiting == 2);
  auto twice = stations.Assign("B-2", "scan-2", At(0));
  CHECK(twice.value().outcome == Outcome::kHeld);
  CHECK(twice.value().held_by == "scan-1");
  CHECK_FALSE(stations.Assign("", "scan-1", At(0)));
  CHECK_FALSE(stations.Assign("B-3", "", At(0)));
  CHECK(stations.Waiting("scan-1").value() == std::vector<std::string>{"B-2", "B-1"});

  CHECK_FALSE(stations.CurrentBox("scan-1").value());
  CHECK(stations.TakeNext("scan-1", Day(1)).value() == std::optional<std::string>{"B-2"});
  CHECK(stations.CurrentBox("scan-1").value() == std::optional<std::string>{"B-2"});
  auto busy = stations.TakeNext("scan-1", Day(1));
  REQUIRE_FALSE(busy);
  CHECK_THAT(busy.error().message, Catch::Contains("station scan-1: still on box B-2"));
  CHECK(stations.Assign("B-2", "scan-2", At(1)).value().outcome == Outcome::kHeld);  // current counts too

  REQUIRE(stations.Finish("scan-1", 10, "", At(2, "scan-1")));
  CHECK_FALSE(stations.CurrentBox("scan-1").value());
  CHECK(stations.TakeNext("scan-1", Day(2)).value() == std::optional<std::string>{"B-1"});
  REQUIRE(stations.Finish("scan-1", 0, "box B-1 is not in the expected state", At(2, "scan-1")));
  CHECK_FALSE(stations.Finish("scan-1", 0, "", At(2)));  // no current job
  CHECK_FALSE(stations.TakeNext("scan-1", Day(2)).value());

  const auto jobs = stations.Jobs("scan-1").value();
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0].box_id == "B-2");
  CHECK(jobs[0].state == "done");
  CHECK(jobs[0].pages == 10);
  CHECK(jobs[0].assigned.who == "op-1");
  CHECK(jobs[0].taken_at == Day(1));
  CHECK(jobs[0].finished_at == Day(2));
  CHECK(jobs[1].state == "failed");
  CHECK(jobs[1].failure == "box B-1 is not in the expected state");
  CHECK(AuditOf(ledger, "B-2") ==
        std::vector<std::string>{"station job: assigned to scan-1", "station job: done at scan-1, 10 pages"});
  CHECK(AuditOf(ledger, "B-1") ==
        std::vector<std::string>{"station job: assigned to scan-1", "station job: failed at scan-1"});

  // Once its job ended, a box may go to another station (a failed job assigned again).
  CHECK(stations.Assign("B-1", "scan-2", At(3)).value().outcome == Outcome::kQueued);
  // A box past scanning is no job.
  DeliveredBox(ledger, "B-4");
  auto delivered = stations.Assign("B-4", "scan-1", At(3)).value();
  CHECK(delivered.outcome == Outcome::kNotScannable);
  CHECK(delivered.box_state == BoxState::kDelivered);
}

TEST_CASE("station states and resume requests: the last report, the queue's length, a resume only when paused",
          "[ledger][stations]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  Stations stations(ledger);
  REQUIRE(ledger.RegisterBox(Box("B-1")));
  REQUIRE(ledger.RegisterBox(Box("B-2")));
  CHECK(stations.RequestResume("scan-1", At(1)).value().outcome == ResumeRequest::Outcome::kNeverRan);
  CHECK_FALSE(stations.StateOf("scan-1").value());
  REQUIRE(stations.Assign("B-2", "scan-2", At(0)));  // scan-2 has a job but never ran

  REQUIRE(stations.Report(Reported("scan-1", "idle")));
  auto idle = stations.RequestResume("scan-1", At(1));
  CHECK(idle.value().outcome == ResumeRequest::Outcome::kNotPaused);
  CHECK(idle.value().state.state == "idle");

  REQUIRE(stations.Assign("B-1", "scan-1", At(0)));
  REQUIRE(stations.TakeNext("scan-1", Day(1)));
  StationState paused = Reported("scan-1", "paused", "B-1", "Paper jam at sheet 3");
  paused.pages = 4;
  REQUIRE(stations.Report(paused));
  CHECK_FALSE(stations.Report(Reported("scan-1", "jammed")));
  CHECK_FALSE(stations.TakeResume("scan-1").value());

  auto resumed = stations.RequestResume("scan-1", At(1, "op-2"));
  REQUIRE(resumed);
  CHECK(resumed->outcome == ResumeRequest::Outcome::kRequested);
  CHECK(resumed->state.box_id == "B-1");
  const auto state = stations.StateOf("scan-1").value().value();
  CHECK(state.state == "paused");
  CHECK(state.reason == "Paper jam at sheet 3");
  CHECK(state.pages == 4);
  CHECK(state.running);
  CHECK(state.updated_at == Day(1));
  CHECK(state.resume_requested);
  CHECK(AuditOf(ledger, "B-1").back() == "station job: resumed at scan-1");
  CHECK(stations.TakeResume("scan-1").value());
  CHECK_FALSE(stations.TakeResume("scan-1").value());

  const auto all = stations.All().value();
  REQUIRE(all.size() == 2);
  CHECK(all[0].station_id == "scan-1");
  CHECK(all[0].jobs_waiting == 0);
  CHECK_FALSE(all[0].resume_requested);
  CHECK(all[1].station_id == "scan-2");
  CHECK(all[1].state == "idle");
  CHECK_FALSE(all[1].running);
  CHECK(all[1].jobs_waiting == 1);
}

TEST_CASE("station jobs: two processes of one station id and an assigner at once take each job once",
          "[ledger][stations][concurrency]") {
  TempDir dir;
  constexpr int kBoxes = 12, kTakers = 2;
  {
    auto ledger = OpenLedger(dir);
    for (int box = 0; box < kBoxes; ++box) REQUIRE(ledger.RegisterBox(Box("B-" + std::to_string(box))));
  }
  const std::string location = LedgerLocation(dir);
  std::array<int, 2> pipe_fds{};
  REQUIRE(::pipe(pipe_fds.data()) == 0);
  std::vector<pid_t> children;
  for (int p = 0; p <= kTakers; ++p) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid != 0) {
      children.push_back(pid);
      continue;
    }
    ::close(pipe_fds[0]);
    auto ledger = Ledger::Open(location);
    if (!ledger) ::_exit(100);
    Stations stations(*ledger);
    int failures = 0;
    if (p == kTakers) {  // the assigner: every box to scan-1, while the takers take them
      // (Assigning a box again is refused only while its job is open: a taker may have ended it
      // already, so the refusal is tested in a case of its own, not in this race.)
      for (int box = 0; box < kBoxes; ++box) {
        auto assigned = stations.Assign("B-" + std::to_string(box), "scan-1", At(0));
        if (!assigned || assigned->outcome != Outcome::kQueued) ++failures;
      }
      ::_exit(failures == 0 ? 0 : 1);
    }
    // A taker: takes whatever is next, writes its box to the pipe and ends it; a take that finds
    // the other process's job current is refused, which is what it must be.
    int finished = 0;
    for (int tries = 0; tries < 4000 && finished < kBoxes; ++tries) {
      auto taken = stations.TakeNext("scan-1", Day(1));
      if (!taken || !*taken) {
        ::usleep(1000);
        auto ended = stations.Jobs("scan-1");
        if (ended) {
          finished = static_cast<int>(
              std::count_if(ended->begin(), ended->end(), [](const StationJob& j) { return j.state == "done"; }));
        }
        continue;
      }
      const std::string line = **taken + "\n";
      if (::write(pipe_fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) ++failures;
      if (!stations.Finish("scan-1", 1, "", At(1, "taker-" + std::to_string(p)))) ++failures;
    }
    ::_exit(failures == 0 ? 0 : 1);
  }
  const auto boxes = ChildrenLines(children, pipe_fds);
  CHECK(boxes.size() == kBoxes);
  for (int box = 0; box < kBoxes; ++box) CHECK(boxes.count("B-" + std::to_string(box)) == 1);
  auto ledger = OpenLedger(dir);
  const auto jobs = Stations(ledger).Jobs("scan-1").value();
  CHECK(jobs.size() == kBoxes);
  CHECK(std::all_of(jobs.begin(), jobs.end(), [](const StationJob& j) { return j.state == "done"; }));
}

}  // namespace
}  // namespace mailroom::ledger
