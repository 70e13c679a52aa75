// The station's loop: take a job, scan it, pause on a fault until the operator says resume.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>

#include <fmt/format.h>

#include "mailroom/common/event_log.h"
#include "mailroom/common/utc_time.h"
#include "mailroom/ingest/box.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/stations.h"
#include "mailroom/metrics/registry.h"
#include "station.h"

namespace mailroom::app {
namespace {

namespace fs = std::filesystem;
using ledger::BoxState;

volatile std::sig_atomic_t g_stop = 0;

extern "C" void OnStopSignal(int /*signal*/) {
  g_stop = 1;
}

void CatchStopSignals() {
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a read from the scanner goes on; the loop looks at the flag between steps
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

void Sleep(int ms) {
  const timespec wait{ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&wait, nullptr);  // a stop signal ends it early
}

int PagesInFolder(const fs::path& box_dir) {
  auto pages = ingest::ListPages(box_dir);
  return pages ? static_cast<int>(pages->size()) : 0;
}

// The first line of the scan's advice, without its `mailroom scan --resume` (the station resumes).
std::string Advice(const std::string& error) {
  std::string line = error.substr(0, error.find('\n'));
  if (line.rfind("scan stopped: ", 0) == 0) line = line.substr(14);
  for (const char* tail : {", then run: ", "; the box stays open for --resume"}) {
    if (const auto at = line.find(tail); at != std::string::npos) line = line.substr(0, at);
  }
  return line;
}

// The operator's advice with the station's own resume command at its end.
std::string WithResumeCommand(std::string advice, const std::string& station_id) {
  while (!advice.empty() && (advice.back() == '.' || advice.back() == ' ')) advice.pop_back();
  const std::string command = "mailroom station resume --station " + station_id;
  const bool says_resume = advice.size() >= 6 && advice.compare(advice.size() - 6, 6, "resume") == 0;
  return advice + (says_resume ? ": " : "; then: ") + command;
}

enum class JobEnd { kDone, kPaused, kFailed };

struct JobResult {
  JobEnd end = JobEnd::kDone;
  std::string reason;  ///< why it paused or failed
};

class Station {
 public:
  Station(StationOptions options, ledger::Ledger ledger)
      : o_(std::move(options)), ledger_(std::move(ledger)), stations_(ledger_) {
    state_.station_id = o_.station_id;
    state_.running = true;
  }

  Result<void> Run() {
    if (auto recovered = Recover(); !recovered) return recovered;
    while (g_stop == 0) {
      auto current = stations_.CurrentBox(o_.station_id);
      if (!current) return tl::unexpected(current.error());
      if (!*current) {
        auto taken = stations_.TakeNext(o_.station_id, UtcNow());
        if (!taken) return tl::unexpected(taken.error());
        if (!*taken) {
          if (auto shown = Show("idle", "", ""); !shown) return shown;
          Sleep(o_.poll_ms);
          continue;
        }
        current = *taken;
        eventlog::Log(eventlog::Level::kInfo, "station.job_taken", Ids(**current), "box taken from the queue");
      }
      if (auto worked = Work(**current); !worked) return worked;
    }
    state_.running = false;
    state_.updated_at = UtcNow();
    return stations_.Report(state_);
  }

 private:
  eventlog::Fields Ids(const std::string& box_id) const {
    return {.box_id = box_id, .more = {{"station", o_.station_id}}};
  }

  fs::path BoxDir(const std::string& box_id) const { return o_.scan.boxes_dir / box_id; }

  // Reports the state to the ledger (and the metrics) when something in it changed, and at least
  // every kHeartbeat, so the dashboard sees a station that stopped reporting.
  Result<void> Show(const std::string& state, const std::string& box_id, const std::string& reason, int pages = -1) {
    static constexpr auto kHeartbeat = std::chrono::seconds(30);
    ledger::StationState next = state_;
    next.state = state;
    next.box_id = box_id;
    next.reason = reason;
    next.pages = pages >= 0 ? pages : (box_id.empty() ? 0 : PagesInFolder(BoxDir(box_id)));
    next.updated_at = UtcNow();
    auto waiting = stations_.Waiting(o_.station_id);
    if (!waiting) return tl::unexpected(waiting.error());
    auto& registry = metrics::Registry::Default();
    for (const auto& s : ledger::kStationStates) {
      registry.Set("mailroom_station_state", {o_.station_id, s}, s == state ? 1 : 0);
    }
    registry.Set("mailroom_station_jobs", {o_.station_id}, static_cast<double>(waiting->size()));
    if (written_ && next.state == state_.state && next.box_id == state_.box_id && next.reason == state_.reason &&
        next.pages == state_.pages && next.updated_at < state_.updated_at + kHeartbeat) {
      return {};
    }
    if (auto reported = stations_.Report(next); !reported) return reported;
    state_ = next;
    written_ = true;
    return {};
  }

  // After a restart: a job that was being scanned when the service died pauses, because the sheet
  // in the scanner at that moment went through without being kept and must be fed again.
  Result<void> Recover() {
    auto before = stations_.StateOf(o_.station_id);
    if (!before) return tl::unexpected(before.error());
    auto current = stations_.CurrentBox(o_.station_id);
    if (!current) return tl::unexpected(current.error());
    if (!*current || !*before) return {};
    const std::string& box_id = **current;
    const ledger::StationState& last = **before;
    if (last.state == "paused") return Pause(box_id, last.reason, /*fresh=*/false);
    if (last.state != "scanning") return {};
    auto box = FindBox(box_id);
    if (!box || box->state != BoxState::kScanning) return {};
    const int pages = PagesInFolder(BoxDir(box_id));
    const int next_sheet = pages / (o_.scan.scan.duplex ? 2 : 1) + 1;
    const std::string kept =
        pages == 0 ? "no page of it was kept" : fmt::format("pages up to {:04d}.tif are kept", pages);
    eventlog::Log(eventlog::Level::kWarning, "station.interrupted", Ids(box_id),
                  "the station stopped while scanning the box; the job waits for the operator");
    return Pause(box_id,
                 WithResumeCommand(fmt::format("the station stopped while scanning box {}: {}. Put sheet {} and "
                                               "the sheets after it back in the feeder, then resume",
                                               box_id, kept, next_sheet),
                                   o_.station_id),
                 /*fresh=*/true);
  }

  std::optional<ledger::BoxSummary> FindBox(const std::string& box_id) {
    auto found = ledger_.FindBox(box_id);
    if (!found || !found->has_value()) return std::nullopt;
    return **found;
  }

  // Works the current job to its end, through as many pauses as it takes.
  Result<void> Work(const std::string& box_id) {
    while (g_stop == 0) {
      const JobResult result = RunJob(box_id);
      const int pages = PagesInFolder(BoxDir(box_id));
      if (result.end == JobEnd::kPaused) {
        if (auto paused = Pause(box_id, result.reason, /*fresh=*/true); !paused) return paused;
        continue;
      }
      const bool done = result.end == JobEnd::kDone;
      if (auto finished = stations_.Finish(o_.station_id, pages, done ? "" : result.reason,
                                           ledger::Stamp{o_.scan.operator_id, UtcNow()});
          !finished) {
        return finished;
      }
      if (done) {
        eventlog::Log(eventlog::Level::kInfo, "station.job_done", Ids(box_id),
                      fmt::format("box scanned and handed over: {} pages", pages));
      } else {
        metrics::CountError("station", "job_failed");
        eventlog::Log(eventlog::Level::kError, "station.job_failed", Ids(box_id), result.reason);
      }
      return Show("idle", "", "");
    }
    return {};
  }

  // Waits, paused, for the operator's resume request (or a stop). `fresh`: a new pause, so a
  // request left from before it does not count.
  Result<void> Pause(const std::string& box_id, const std::string& reason, bool fresh) {
    if (fresh) {
      if (auto dropped = stations_.TakeResume(o_.station_id); !dropped) return tl::unexpected(dropped.error());
    }
    if (auto shown = Show("paused", box_id, reason); !shown) return shown;
    eventlog::Log(eventlog::Level::kWarning, "station.paused", Ids(box_id), reason);
    while (g_stop == 0) {
      auto resumed = stations_.TakeResume(o_.station_id);
      if (!resumed) return tl::unexpected(resumed.error());
      if (*resumed) {
        eventlog::Log(eventlog::Level::kInfo, "station.resumed", Ids(box_id), "the operator resumed the job");
        return {};
      }
      if (auto shown = Show("paused", box_id, reason); !shown) return shown;
      Sleep(o_.poll_ms);
    }
    return {};
  }

  JobResult RunJob(const std::string& box_id) {
    const auto box = FindBox(box_id);
    if (!box) return {JobEnd::kFailed, "box " + box_id + " is not in the ledger " + o_.scan.ledger_file.string()};
    ScanCommandOptions job = o_.scan;
    job.box_id = box_id;
    job.unattended = true;
    job.keep_open = false;
    if (!o_.out_dir.empty()) job.process.out_dir = o_.out_dir / box_id;
    job.on_pages = [&](int pages) { (void)Show("scanning", box_id, "", pages); };
    job.on_scanned = [&] { (void)Show("handing-over", box_id, ""); };
    ScanOutcome outcome;
    switch (box->state) {
      case BoxState::kReceived:
      case BoxState::kScanning:
        job.resume = box->state == BoxState::kScanning;
        if (auto shown = Show("scanning", box_id, ""); !shown) return {JobEnd::kPaused, shown.error().message};
        outcome = RunScanCommand(job);
        break;
      case BoxState::kScanned:
      case BoxState::kProcessing:  // scanned before a restart: only the hand-over is left
        if (auto shown = Show("handing-over", box_id, ""); !shown) return {JobEnd::kPaused, shown.error().message};
        outcome = HandOverScannedBox(job);
        break;
      default:  // handed over before a restart, the job not yet ended
        return {JobEnd::kDone, ""};
    }
    std::fputs(outcome.text.c_str(), stdout);
    std::fflush(stdout);
    if (outcome.exit_code == 0) return {JobEnd::kDone, ""};
    if (outcome.exit_code == kExitScanStopped) {
      return {JobEnd::kPaused, WithResumeCommand(Advice(outcome.error), o_.station_id)};
    }
    if (outcome.exit_code == kExitRunFailed) {  // no scanner, a failed hand-over: kept, tried again on resume
      metrics::CountError("station", "run_failed");
      return {JobEnd::kPaused, WithResumeCommand(Advice(outcome.error), o_.station_id)};
    }
    return {JobEnd::kFailed, outcome.error};
  }

  StationOptions o_;
  ledger::Ledger ledger_;
  ledger::Stations stations_;
  ledger::StationState state_;
  bool written_ = false;
};

std::optional<std::string> CheckStation(const StationOptions& o) {
  if (!IsSafeBoxId(o.station_id)) {
    return "station: give the station's id (station = scan-1 in its config file, or --station): letters, "
           "digits, '-', '_' or '.'";
  }
  if (o.scan.scan.device.empty()) return "station: give its scanner (device = ..., or --device; mailroom scan --list)";
  if (o.scan.boxes_dir.empty()) return "station: give boxes = DIR (or --boxes, MAILROOM_BOXES): where box folders go";
  if (o.scan.ledger_file.empty()) return "station: give ledger = FILE (or --ledger, MAILROOM_LEDGER): the box ledger";
  if (o.poll_ms < 10) return "station: --poll-ms must be 10 or more";
  if (o.scan.no_process) return std::nullopt;
  if (!o.scan.ingest.broker_url.empty()) {
    if (o.scan.ingest.store_dir.empty()) return "station: broker needs store (the content store of the workers)";
    return std::nullopt;
  }
  if (o.scan.process.registry_dir.empty() || o.out_dir.empty()) {
    return "station: say where a scanned box goes: registry and out (embedded), broker and store (distributed), "
           "or no-process";
  }
  return std::nullopt;
}

}  // namespace

int RunStation(StationOptions options) {
  if (auto bad = CheckStation(options)) {
    eventlog::CommandError(*bad);
    return kExitBadInput;
  }
  auto ledger = ledger::Ledger::Open(options.scan.ledger_file);
  if (!ledger) {
    eventlog::CommandError("station: " + ledger.error().message);
    return kExitRunFailed;
  }
  g_stop = 0;
  CatchStopSignals();
  const std::string id = options.station_id;
  eventlog::Log(eventlog::Level::kInfo, "station.started", {.more = {{"station", id}}},
                "station " + id + " takes its jobs from the ledger");
  Station station(std::move(options), std::move(*ledger));
  if (auto ran = station.Run(); !ran) {
    eventlog::CommandError("station " + id + ": " + ran.error().message);
    return kExitRunFailed;
  }
  eventlog::Log(eventlog::Level::kInfo, "station.stopped", {.more = {{"station", id}}}, "station stopped");
  return 0;
}

}  // namespace mailroom::app
