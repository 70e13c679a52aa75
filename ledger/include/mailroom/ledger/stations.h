// The scan stations' work in the ledger, so that a center's stations, their operators and the
// dashboard share it from any host (issue 16 item 5): each station's queue of box jobs (a
// registered box assigned to one station at a time, the oldest waiting first), the operator's
// resume request for a paused job, and the state each station reports. A job's assignment and
// its end each write an audit row of the box (ids and fixed words); the job rows stay as its
// history. Only ids, counts and the device's advice are kept: never page text or a name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/ledger/box_state.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

/// The states a station reports, for the dashboard and the metric mailroom_station_state.
inline const std::vector<std::string> kStationStates = {"idle", "scanning", "paused", "handing-over"};

/// One box job of a station: waiting, current (being worked on), done or failed.
struct StationJob {
  int64_t job_id = 0;  ///< increasing in the order jobs were assigned
  std::string box_id, station_id;
  std::string state;  ///< "waiting", "current", "done", "failed"
  Stamp assigned;
  std::optional<Timestamp> taken_at, finished_at;
  int pages = 0;        ///< done: the pages of the box when it ended
  std::string failure;  ///< failed: why
};

/// What a station last reported, with its queue's length.
struct StationState {
  std::string station_id;
  std::string state = "idle";  ///< one of kStationStates
  std::string reason;          ///< why it is paused (the operator's advice); empty otherwise
  std::string box_id;          ///< the box being worked on; empty when idle
  int pages = 0;               ///< pages of that box captured so far
  bool running = false;        ///< false once its service stopped (the state is the last one it had)
  Timestamp updated_at;
  int jobs_waiting = 0;           ///< jobs queued at it, not yet taken
  bool resume_requested = false;  ///< a resume waits to be taken by the station
};

/// What `Stations::Assign` did.
struct Assignment {
  enum class Outcome {
    kQueued,        ///< the job waits at the station
    kUnknownBox,    ///< no such box in the ledger
    kNotScannable,  ///< the box is past scanning (see box_state)
    kHeld,          ///< a station has the box queued or is working on it (see held_by)
  };
  Outcome outcome = Outcome::kQueued;
  BoxState box_state = BoxState::kReceived;
  std::string held_by;
  int jobs_waiting = 0;  ///< kQueued: jobs waiting at the station now, this one included
};

/// What `Stations::RequestResume` did.
struct ResumeRequest {
  enum class Outcome {
    kRequested,  ///< the station takes it at its next look (at once when running)
    kNeverRan,   ///< no state of the station in the ledger
    kNotPaused,  ///< the station is not paused (see state)
  };
  Outcome outcome = Outcome::kRequested;
  StationState state;  ///< the station's state when asked (not kNeverRan)
};

/// The stations' part of one ledger. Borrows `ledger`, which must outlive it; not thread-safe
/// (as Ledger). Every write is one transaction: jobs under the box's and the station's lock,
/// states and resume requests under the station's, so processes on several hosts can share it.
class Stations {
 public:
  explicit Stations(Ledger& ledger);

  /// Queues `box_id` at `station_id`. Only a box that is received or being scanned, and only at
  /// one station at a time (until its job there ends). Errors: an empty id, the database.
  [[nodiscard]] Result<Assignment> Assign(std::string_view box_id, std::string_view station_id, const Stamp& stamp);

  /// Makes the station's oldest waiting job its current one and returns its box; nothing when
  /// none waits. Fails when the station has a current job already (two processes of one station
  /// id take one job between them, never two).
  [[nodiscard]] Result<std::optional<std::string>> TakeNext(std::string_view station_id, Timestamp now);

  /// The box of the station's current job, if any.
  [[nodiscard]] Result<std::optional<std::string>> CurrentBox(std::string_view station_id);

  /// Ends the current job: done with `pages` (`failure` empty), or failed with `failure`. Fails
  /// when the station has no current job.
  [[nodiscard]] Result<void> Finish(std::string_view station_id, int pages, std::string_view failure,
                                    const Stamp& stamp);

  /// The station's jobs, waiting, current and ended, oldest first.
  [[nodiscard]] Result<std::vector<StationJob>> Jobs(std::string_view station_id);
  /// Boxes waiting at the station, oldest first.
  [[nodiscard]] Result<std::vector<std::string>> Waiting(std::string_view station_id);

  /// Asks a paused station to go on (from the command line or the dashboard); `stamp.who` and
  /// the box go into the box's audit trail. Refused (see the outcome) when it is not paused.
  [[nodiscard]] Result<ResumeRequest> RequestResume(std::string_view station_id, const Stamp& stamp);
  /// Takes (removes) the station's resume request; true when there was one.
  [[nodiscard]] Result<bool> TakeResume(std::string_view station_id);

  /// Records what the station does now (`state.updated_at` is the time; jobs_waiting and
  /// resume_requested are not written, they are read from the queue). Refuses a state not in
  /// kStationStates.
  [[nodiscard]] Result<void> Report(const StationState& state);
  /// The station's last report, nothing when it never reported (it may still have jobs waiting).
  [[nodiscard]] Result<std::optional<StationState>> StateOf(std::string_view station_id);
  /// Every station that reported or has jobs waiting, by id; one with jobs but no report reads
  /// as "idle", not running.
  [[nodiscard]] Result<std::vector<StationState>> All();

 private:
  Db* db_;
};

}  // namespace mailroom::ledger
