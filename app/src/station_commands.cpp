// `station assign`, `station resume` and `station status`: what operators and the dispatcher do
// with a station's folder while its service runs.
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "mailroom/ledger/ledger.h"
#include "station.h"
#include "station_folder.h"

namespace mailroom::app {
namespace {

namespace fs = std::filesystem;
using ledger::BoxState;

ScanOutcome Refused(std::string message) {
  return {kExitBadInput, "", std::move(message)};
}

std::optional<ScanOutcome> CheckStationId(const std::string& station_id) {
  if (IsSafeBoxId(station_id)) return std::nullopt;
  return Refused("station: give --station ID, e.g. scan-1 (letters, digits, '-', '_' or '.')");
}

std::string StateLine(const StationState& s) {
  std::string line = fmt::format("{}  {}", s.station_id, s.running ? s.state : s.state + " (service not running)");
  if (!s.box_id.empty()) line += fmt::format("  box {}  {} pages", s.box_id, s.pages);
  line += fmt::format("  {} jobs waiting", s.jobs_waiting);
  if (!s.reason.empty()) line += "\n    " + s.reason;
  return line + "\n";
}

nlohmann::json StateJson(const StationState& s) {
  return {{"station", s.station_id}, {"state", s.state},          {"running", s.running},
          {"box_id", s.box_id},      {"pages", s.pages},          {"jobs_waiting", s.jobs_waiting},
          {"reason", s.reason},      {"updated_at", s.updated_at}};
}

}  // namespace

ScanOutcome AssignBox(const std::string& box_id, const std::string& station_id, const fs::path& stations_dir,
                      const fs::path& ledger_file, const std::string& who) {
  if (auto bad = CheckStationId(station_id)) return *bad;
  if (!IsSafeBoxId(box_id)) return Refused("station assign: the box id must be letters, digits, '-', '_' or '.'");
  auto dir = StationsDir(stations_dir, ledger_file);
  if (!dir) return Refused("station assign: " + dir.error().message);
  std::error_code ec;
  if (ledger_file.empty() || (ledger_file.string().find("://") == std::string::npos && !fs::exists(ledger_file, ec))) {
    return Refused("station assign: give --ledger FILE (or MAILROOM_LEDGER), the ledger the box is registered in");
  }
  auto ledger = ledger::Ledger::Open(ledger_file);
  if (!ledger) return {kExitRunFailed, "", ledger.error().message};
  auto found = ledger->FindBox(box_id);
  if (!found) return {kExitRunFailed, "", found.error().message};
  if (!found->has_value()) {
    return Refused("box " + box_id + " is not registered: mailroom register --box " + box_id + " first");
  }
  const BoxState state = (*found)->state;
  if (state != BoxState::kReceived && state != BoxState::kScanning) {
    return Refused(fmt::format("box {} is {}; a station scans a box that is received or being scanned", box_id,
                               ledger::StateName(state)));
  }
  if (auto holder = StationHolding(*dir, box_id)) {
    return Refused(fmt::format("box {} is at station {} already", box_id, *holder));
  }
  const StationFolder station(*dir, station_id);
  if (auto added = station.AddJob(box_id, who); !added) return {kExitRunFailed, "", added.error().message};
  return {
      0,
      fmt::format("box {} queued at station {} ({} jobs waiting)\n", box_id, station_id, station.WaitingBoxes().size()),
      ""};
}

ScanOutcome ResumeStation(const std::string& station_id, const fs::path& stations_dir, const fs::path& ledger,
                          const std::string& who) {
  if (auto bad = CheckStationId(station_id)) return *bad;
  auto dir = StationsDir(stations_dir, ledger);
  if (!dir) return Refused("station resume: " + dir.error().message);
  const StationFolder station(*dir, station_id);
  auto state = station.ReadState();
  if (!state) return {kExitRunFailed, "", state.error().message};
  if (!*state)
    return Refused("station " + station_id + " has never run (no " + (station.dir() / "state.json").string() + ")");
  if ((*state)->state != "paused") {
    return Refused(fmt::format("station {} is {}, not paused; nothing to resume", station_id, (*state)->state));
  }
  if (auto requested = station.RequestResume(who); !requested) return {kExitRunFailed, "", requested.error().message};
  const std::string when = (*state)->running ? "it goes on at once" : "it goes on when its service runs again";
  return {0, fmt::format("station {}: box {} resumed ({})\n", station_id, (*state)->box_id, when), ""};
}

ScanOutcome StationStatus(const std::string& station_id, const fs::path& stations_dir, const fs::path& ledger,
                          bool as_json) {
  auto dir = StationsDir(stations_dir, ledger);
  if (!dir) return Refused("station status: " + dir.error().message);
  std::vector<std::string> ids = station_id.empty() ? StationIds(*dir) : std::vector<std::string>{station_id};
  std::string text;
  nlohmann::json all = nlohmann::json::array();
  for (const auto& id : ids) {
    if (!IsSafeBoxId(id)) return Refused("station: no station '" + id + "'");
    const StationFolder station(*dir, id);
    auto state = station.ReadState();
    if (!state) return {kExitRunFailed, "", state.error().message};
    StationState s;
    s.station_id = id;
    s.state = "never run";
    if (*state) s = **state;
    s.jobs_waiting = static_cast<int>(station.WaitingBoxes().size());
    text += StateLine(s);
    all.push_back(StateJson(s));
  }
  if (as_json) return {0, all.dump(2) + "\n", ""};
  if (ids.empty()) text = "no stations in " + dir->string() + "\n";
  return {0, text, ""};
}

}  // namespace mailroom::app
