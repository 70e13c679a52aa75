// `mailroom station`: a scan station as a service. It takes the box jobs assigned to it (`station
// assign`), scans each with the capture, resume and hand-over of `mailroom scan`, and when the
// device stops (paper jam, cover open, I/O error, no scanner) or the service was stopped in the
// middle of a box, pauses the job and waits for the operator's `station resume` (or the
// dashboard's Resume). Its queue, the resume request and its state are in the ledger
// (ledger/stations.h), so operators, dispatchers and the dashboard on any host reach it; its state
// also goes to its /metrics. Only the box folders of pages are on the station's own host.
#pragma once

#include <filesystem>
#include <string>

#include "mailroom/app/scan_command.h"

namespace mailroom::app {

struct StationOptions {
  std::string station_id;  ///< e.g. "scan-1"
  /// The capture and the hand-over, as for `mailroom scan` (device, settings, boxes, ledger,
  /// operator, registry, broker, store, no_process); box_id and resume are set per job.
  ScanCommandOptions scan;
  std::filesystem::path out_dir;  ///< embedded: each box into OUT_DIR/<box_id>
  int poll_ms = 500;              ///< how often the queue and a resume request are looked at
};

/// Runs the station until SIGTERM or SIGINT (a capture under way ends with its stack first).
/// Returns the exit code; the error (bad settings) is printed.
[[nodiscard]] int RunStation(StationOptions options);

/// `station assign BOX`: queues a registered box (received, or being scanned) at a station.
/// Refused (exit 2): an unknown box, one past scanning, one queued at a station already.
[[nodiscard]] ScanOutcome AssignBox(const std::string& box_id, const std::string& station_id,
                                    const std::filesystem::path& ledger, const std::string& who);

/// `station resume`: asks a paused station to go on. Refused when it is not paused.
[[nodiscard]] ScanOutcome ResumeStation(const std::string& station_id, const std::filesystem::path& ledger,
                                        const std::string& who);

/// `station status`: one line per station (or the one named), or JSON.
[[nodiscard]] ScanOutcome StationStatus(const std::string& station_id, const std::filesystem::path& ledger,
                                        bool as_json);

}  // namespace mailroom::app
