// The folder of one scan station, STATIONS_DIR/<station_id>/: its queue of box jobs, the job it is
// working on, the operator's resume request and the state it reports. The ledger has no place for
// a box's station yet, so these files are the station's queue (one writer per file: `station
// assign` adds jobs, the service takes them; `station resume` writes the request, the service
// takes it). Every file is written atomically (mode 0600).
//
//   jobs/<nanoseconds>-<box_id>.json   waiting, oldest first        {box_id, assigned_at, assigned_by}
//   current.json                       the job being worked on      (moved from jobs/ by rename)
//   resume.request                     the operator said: go on     {requested_at, requested_by}
//   state.json                         what the station is doing    (StationState)
//   done/<box_id>.json, failed/<box_id>.json   finished jobs, with their pages or the reason
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/common/result.h"

namespace mailroom::app {

/// What a station reports: "idle", "scanning", "paused", "handing-over".
struct StationState {
  std::string station_id;
  std::string state = "idle";
  std::string reason;  ///< why it is paused (the operator's advice); empty otherwise
  std::string box_id;  ///< the box being worked on; empty when idle
  int pages = 0;       ///< pages of that box in its folder
  int jobs_waiting = 0;
  bool running = false;  ///< false once the service has stopped (the state is the last one it had)
  std::string updated_at;
};

/// The states a station can be in, for the metric mailroom_station_state.
inline const std::vector<std::string> kStationStates = {"idle", "scanning", "paused", "handing-over"};

/// Where the stations' folders are: `stations_dir` if given, else `stations/` beside a ledger
/// file. Fails, naming what to give, for neither or a ledger on a server.
[[nodiscard]] Result<std::filesystem::path> StationsDir(const std::filesystem::path& stations_dir,
                                                        const std::filesystem::path& ledger);

class StationFolder {
 public:
  StationFolder(const std::filesystem::path& stations_dir, std::string station_id);

  [[nodiscard]] const std::string& station_id() const { return station_id_; }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

  /// Creates the folder and its jobs/, done/ and failed/ (mode 0700).
  [[nodiscard]] Result<void> Create() const;

  /// Adds a job for `box_id` at the end of the queue.
  [[nodiscard]] Result<void> AddJob(const std::string& box_id, const std::string& who) const;
  /// Box ids waiting, oldest first.
  [[nodiscard]] std::vector<std::string> WaitingBoxes() const;
  /// The box of the job being worked on, if any.
  [[nodiscard]] std::optional<std::string> CurrentBox() const;
  /// Makes the oldest waiting job the current one; nothing when none waits. Fails when there is a
  /// current job already.
  [[nodiscard]] Result<std::optional<std::string>> TakeNextJob() const;
  /// Ends the current job: into done/ (`failure` empty, with its pages) or failed/ (with the reason).
  [[nodiscard]] Result<void> FinishCurrentJob(int pages, const std::string& failure) const;

  /// Writes the operator's resume request.
  [[nodiscard]] Result<void> RequestResume(const std::string& who) const;
  /// Takes (removes) the resume request; true when there was one.
  [[nodiscard]] bool TakeResumeRequest() const;

  [[nodiscard]] Result<void> WriteState(const StationState& state) const;
  /// The state last written; nothing when the station has never run.
  [[nodiscard]] Result<std::optional<StationState>> ReadState() const;

 private:
  std::string station_id_;
  std::filesystem::path dir_;
};

/// The stations that have a folder in `stations_dir`, by id.
[[nodiscard]] std::vector<std::string> StationIds(const std::filesystem::path& stations_dir);

/// The station whose queue or current job holds `box_id`, if any.
[[nodiscard]] std::optional<std::string> StationHolding(const std::filesystem::path& stations_dir,
                                                        const std::string& box_id);

}  // namespace mailroom::app
