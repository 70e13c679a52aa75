#include "station_folder.h"

#include <algorithm>
#include <chrono>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/common/utc_time.h"

namespace mailroom::app {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Result<json> ReadJsonFile(const fs::path& file) {
  auto text = ReadWholeFile(file);
  if (!text) return tl::unexpected(text.error());
  json parsed = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return Fail(file.string() + ": not a JSON object");
  return parsed;
}

Result<void> WriteJsonFile(const fs::path& file, const json& value) {
  if (auto written = WriteFileAtomically(file, value.dump(2) + "\n"); !written) return written;
  return SyncFolder(file.parent_path());
}

// jobs/<nanoseconds>-<box_id>.json: the name sorts by the time the job was added.
std::vector<fs::path> JobFiles(const fs::path& jobs_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(jobs_dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string BoxOfJobFile(const fs::path& file) {
  const std::string stem = file.stem().string();
  const auto dash = stem.find('-');
  return dash == std::string::npos ? stem : stem.substr(dash + 1);
}

}  // namespace

Result<fs::path> StationsDir(const fs::path& stations_dir, const fs::path& ledger) {
  if (!stations_dir.empty()) return stations_dir;
  if (ledger.empty()) return Fail("give --stations DIR (or --ledger FILE: the stations' folder is beside it)");
  if (ledger.string().find("://") != std::string::npos) {
    return Fail("the ledger is on a server: give --stations DIR, a folder the stations and their operators share");
  }
  return ledger.parent_path() / "stations";
}

StationFolder::StationFolder(const fs::path& stations_dir, std::string station_id)
    : station_id_(std::move(station_id)), dir_(stations_dir / station_id_) {}

Result<void> StationFolder::Create() const {
  for (const char* sub : {"jobs", "done", "failed"}) {
    if (auto made = CreatePrivateDirectories(dir_ / sub); !made) return made;
  }
  return {};
}

Result<void> StationFolder::AddJob(const std::string& box_id, const std::string& who) const {
  if (auto made = Create(); !made) return made;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  const fs::path file = dir_ / "jobs" / fmt::format("{:020d}-{}.json", ns, box_id);
  return WriteJsonFile(file, {{"box_id", box_id}, {"assigned_at", FormatUtcTime(UtcNow())}, {"assigned_by", who}});
}

std::vector<std::string> StationFolder::WaitingBoxes() const {
  std::vector<std::string> boxes;
  for (const auto& file : JobFiles(dir_ / "jobs")) boxes.push_back(BoxOfJobFile(file));
  return boxes;
}

std::optional<std::string> StationFolder::CurrentBox() const {
  auto job = ReadJsonFile(dir_ / "current.json");
  if (!job || !(*job)["box_id"].is_string()) return std::nullopt;
  return (*job)["box_id"].get<std::string>();
}

Result<std::optional<std::string>> StationFolder::TakeNextJob() const {
  if (auto current = CurrentBox()) return Fail("station " + station_id_ + " is still on box " + *current);
  const auto files = JobFiles(dir_ / "jobs");
  if (files.empty()) return std::optional<std::string>{};
  std::error_code ec;
  fs::rename(files.front(), dir_ / "current.json", ec);
  if (ec) return Fail("taking the job " + files.front().string() + ": " + ec.message());
  if (auto synced = SyncFolder(dir_); !synced) return tl::unexpected(synced.error());
  return std::optional<std::string>{BoxOfJobFile(files.front())};
}

Result<void> StationFolder::FinishCurrentJob(int pages, const std::string& failure) const {
  auto job = ReadJsonFile(dir_ / "current.json");
  if (!job) return tl::unexpected(job.error());
  const std::string box_id = (*job)["box_id"].is_string() ? (*job)["box_id"].get<std::string>() : "unknown";
  (*job)["finished_at"] = FormatUtcTime(UtcNow());
  (*job)["pages"] = pages;
  if (!failure.empty()) (*job)["failure"] = failure;
  const fs::path to = dir_ / (failure.empty() ? "done" : "failed") / (box_id + ".json");
  if (auto written = WriteJsonFile(to, *job); !written) return written;
  std::error_code ec;
  fs::remove(dir_ / "current.json", ec);
  if (ec) return Fail("ending the job of box " + box_id + ": " + ec.message());
  return SyncFolder(dir_);
}

Result<void> StationFolder::RequestResume(const std::string& who) const {
  return WriteJsonFile(dir_ / "resume.request", {{"requested_at", FormatUtcTime(UtcNow())}, {"requested_by", who}});
}

bool StationFolder::TakeResumeRequest() const {
  std::error_code ec;
  return fs::remove(dir_ / "resume.request", ec);
}

Result<void> StationFolder::WriteState(const StationState& s) const {
  return WriteJsonFile(dir_ / "state.json", {{"station", s.station_id},
                                             {"state", s.state},
                                             {"reason", s.reason},
                                             {"box_id", s.box_id},
                                             {"pages", s.pages},
                                             {"jobs_waiting", s.jobs_waiting},
                                             {"running", s.running},
                                             {"updated_at", FormatUtcTime(UtcNow())}});
}

Result<std::optional<StationState>> StationFolder::ReadState() const {
  std::error_code ec;
  if (!fs::exists(dir_ / "state.json", ec)) return std::optional<StationState>{};
  auto read = ReadJsonFile(dir_ / "state.json");
  if (!read) return tl::unexpected(read.error());
  const json& j = *read;
  StationState s;
  s.station_id = j.value("station", station_id_);
  s.state = j.value("state", "idle");
  s.reason = j.value("reason", "");
  s.box_id = j.value("box_id", "");
  s.pages = j.value("pages", 0);
  s.jobs_waiting = j.value("jobs_waiting", 0);
  s.running = j.value("running", false);
  s.updated_at = j.value("updated_at", "");
  return std::optional<StationState>{s};
}

std::vector<std::string> StationIds(const fs::path& stations_dir) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(stations_dir, ec)) {
    if (entry.is_directory(ec)) ids.push_back(entry.path().filename().string());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<std::string> StationHolding(const fs::path& stations_dir, const std::string& box_id) {
  for (const auto& id : StationIds(stations_dir)) {
    const StationFolder station(stations_dir, id);
    const auto waiting = station.WaitingBoxes();
    if (station.CurrentBox() == box_id || std::find(waiting.begin(), waiting.end(), box_id) != waiting.end()) {
      return id;
    }
  }
  return std::nullopt;
}

}  // namespace mailroom::app
