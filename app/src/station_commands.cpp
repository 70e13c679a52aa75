// `station assign`, `station resume` and `station status`: what operators and the dispatcher do
// with a station's queue and state in the ledger while its service runs, from any host.
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "mailroom/common/utc_time.h"
#include "mailroom/dashboard/overview.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/stations.h"
#include "station.h"

namespace mailroom::app {
namespace {

namespace fs = std::filesystem;

ScanOutcome Refused(std::string message) {
  return {kExitBadInput, "", std::move(message)};
}

std::optional<ScanOutcome> CheckStationId(const std::string& station_id) {
  if (IsSafeBoxId(station_id)) return std::nullopt;
  return Refused("station: give --station ID, e.g. scan-1 (letters, digits, '-', '_' or '.')");
}

std::string StateLine(const ledger::StationState& s) {
  std::string line = fmt::format("{}  {}", s.station_id, s.running ? s.state : s.state + " (service not running)");
  if (!s.box_id.empty()) line += fmt::format("  box {}  {} pages", s.box_id, s.pages);
  line += fmt::format("  {} jobs waiting", s.jobs_waiting);
  if (!s.reason.empty()) line += "\n    " + s.reason;
  return line + "\n";
}

// The ledger the operators' commands work on: a server's, or a file that exists (a mistyped path
// must not make an empty ledger in which no box is registered).
Result<ledger::Ledger> OpenExisting(const fs::path& ledger_file, const std::string& command) {
  std::error_code ec;
  if (ledger_file.empty() || (!ledger::IsServerLedger(ledger_file.string()) && !fs::exists(ledger_file, ec))) {
    return Fail(command + ": give --ledger FILE or postgresql://... (or MAILROOM_LEDGER), the ledger the stations use");
  }
  return ledger::Ledger::Open(ledger_file);
}

ScanOutcome NotOpened(const Error& error, const std::string& command) {
  const bool bad_input = error.message.rfind(command + ": give", 0) == 0;
  return {bad_input ? kExitBadInput : kExitRunFailed, "", error.message};
}

}  // namespace

ScanOutcome AssignBox(const std::string& box_id, const std::string& station_id, const fs::path& ledger_file,
                      const std::string& who) {
  if (auto bad = CheckStationId(station_id)) return *bad;
  if (!IsSafeBoxId(box_id)) return Refused("station assign: the box id must be letters, digits, '-', '_' or '.'");
  auto ledger = OpenExisting(ledger_file, "station assign");
  if (!ledger) return NotOpened(ledger.error(), "station assign");
  auto assigned = ledger::Stations(*ledger).Assign(box_id, station_id, ledger::Stamp{who, UtcNow()});
  if (!assigned) return {kExitRunFailed, "", assigned.error().message};
  using Outcome = ledger::Assignment::Outcome;
  switch (assigned->outcome) {
    case Outcome::kUnknownBox:
      return Refused("box " + box_id + " is not registered: mailroom register --box " + box_id + " first");
    case Outcome::kNotScannable:
      return Refused(fmt::format("box {} is {}; a station scans a box that is received or being scanned", box_id,
                                 ledger::StateName(assigned->box_state)));
    case Outcome::kHeld:
      return Refused(fmt::format("box {} is at station {} already", box_id, assigned->held_by));
    case Outcome::kQueued:
      break;
  }
  return {0, fmt::format("box {} queued at station {} ({} jobs waiting)\n", box_id, station_id, assigned->jobs_waiting),
          ""};
}

ScanOutcome ResumeStation(const std::string& station_id, const fs::path& ledger_file, const std::string& who) {
  if (auto bad = CheckStationId(station_id)) return *bad;
  auto ledger = OpenExisting(ledger_file, "station resume");
  if (!ledger) return NotOpened(ledger.error(), "station resume");
  auto resumed = ledger::Stations(*ledger).RequestResume(station_id, ledger::Stamp{who, UtcNow()});
  if (!resumed) return {kExitRunFailed, "", resumed.error().message};
  const ledger::StationState& state = resumed->state;
  switch (resumed->outcome) {
    case ledger::ResumeRequest::Outcome::kNeverRan:
      return Refused("station " + station_id + " has never run (no state of it in the ledger)");
    case ledger::ResumeRequest::Outcome::kNotPaused:
      return Refused(fmt::format("station {} is {}, not paused; nothing to resume", station_id, state.state));
    case ledger::ResumeRequest::Outcome::kRequested:
      break;
  }
  const std::string when = state.running ? "it goes on at once" : "it goes on when its service runs again";
  return {0, fmt::format("station {}: box {} resumed ({})\n", station_id, state.box_id, when), ""};
}

ScanOutcome StationStatus(const std::string& station_id, const fs::path& ledger_file, bool as_json) {
  if (!station_id.empty()) {
    if (auto bad = CheckStationId(station_id)) return *bad;
  }
  auto ledger = OpenExisting(ledger_file, "station status");
  if (!ledger) return NotOpened(ledger.error(), "station status");
  auto all = ledger::Stations(*ledger).All();
  if (!all) return {kExitRunFailed, "", all.error().message};
  std::string text;
  nlohmann::json states = nlohmann::json::array();
  for (const auto& s : *all) {
    if (!station_id.empty() && s.station_id != station_id) continue;
    text += StateLine(s);
    states.push_back(dashboard::StationJson(s));
  }
  if (as_json) return {0, states.dump(2) + "\n", ""};
  if (text.empty()) {
    text = station_id.empty() ? "no stations in the ledger\n" : "station " + station_id + " has never run\n";
  }
  return {0, text, ""};
}

}  // namespace mailroom::app
