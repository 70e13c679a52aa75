// What the operations dashboard shows: one snapshot, read from the box ledger (and the broker's
// queues when one is configured), served as JSON at /api/overview and drawn by dashboard/web/.
//
// The JSON (all times UTC, RFC 3339 "2026-11-26T01:00:00Z"; counts are integers):
// {
//   "generated_at": "...",
//   "totals": {"boxes": 3, "pages_captured": 120, "pages_delivered": 100, "pages_accounted": 8,
//              "pages_open": 12, "pages_in_review": 5, "documents_postkorb": 30, "documents_review": 4},
//              // pages_delivered: to a case (routed or resolved at the desk); pages_open includes
//              // pages_in_review, the pages that wait for a clerk's decision
//   "throughput": {"bin_seconds": 900, "hours": 8,
//                  "bins": [{"start": "...", "pages_postkorb": 10, "pages_review": 2}, ...]},
//                  // oldest first; every bin of the window, empty ones included
//   "boxes_by_state": {"received": 0, "scanning": 0, "scanned": 0, "processing": 1, "delivered": 2,
//                      "destruction-due": 0, "destroyed": 0},   // every state, always
//   "backlog": [{"jobcenter": "jobcenter-kiel", "boxes": 1, "pages_open": 12,
//                "oldest_arrived_at": "...", "oldest_age_seconds": 5400}, ...],  // oldest first
//   "review": {"documents_today": 4, "pages_today": 6, "documents_last_24h": 4},
//   "destruction_due": [{"box_id": "B-1", "seal": "S-1", "origin": "jobcenter-kiel", "pages": 40,
//                        "delivered_at": "...", "retention_until": "2026-12-20"}, ...],
//   "stations": [{"station": "scan-1", "state": "paused", "reason": "Paper jam at sheet 3 ...",
//                 "box_id": "B-3", "pages": 4, "jobs_waiting": 1, "running": true,
//                 "resume_requested": false, "updated_at": "..."}, ...],
//               // by id: every station that reported or has jobs; state idle, scanning, paused or
//               // handing-over; running false once its service stopped; "updated_at" "" never
//   "queues": null | [{"name": "mailroom.pages", "messages": 0, "consumers": 1}, ...]
//             // null: no broker configured; [] never means "broker down": that is "queues_error"
//   "queues_error": null | "why the broker could not be asked"
// }
// Only counts, ids and jobcenter names: no person's name, address or page text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "mailroom/common/result.h"
#include "mailroom/common/utc_time.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/stations.h"

namespace mailroom::dashboard {

struct Totals {
  int boxes = 0;
  int pages_captured = 0, pages_delivered = 0, pages_accounted = 0, pages_open = 0;
  int pages_in_review = 0;  ///< of pages_open, those waiting at the review desk
  int documents_postkorb = 0, documents_review = 0;
};

struct ThroughputBin {
  std::string start;
  int pages_postkorb = 0, pages_review = 0;
};

struct Backlog {
  std::string jobcenter;
  int boxes = 0, pages_open = 0;
  std::string oldest_arrived_at;
  long long oldest_age_seconds = 0;
};

struct ReviewFigures {
  int documents_today = 0, pages_today = 0, documents_last_24h = 0;
};

struct DueForDestruction {
  std::string box_id, seal, origin;
  int pages = 0;
  std::string delivered_at, retention_until;
};

struct QueueDepth {
  std::string name;
  long long messages = 0, consumers = 0;
};

struct Overview {
  std::string generated_at;
  Totals totals;
  int bin_seconds = 900, hours = 8;
  std::vector<ThroughputBin> throughput;
  std::vector<std::pair<std::string, int>> boxes_by_state;  ///< every state, in the ledger's order
  std::vector<Backlog> backlog;
  ReviewFigures review;
  std::vector<DueForDestruction> destruction_due;
  std::vector<ledger::StationState> stations;     ///< the scan stations, by id
  std::optional<std::vector<QueueDepth>> queues;  ///< none: no broker configured
  std::optional<std::string> queues_error;
};

/// Reads the ledger's part of the overview (everything but the queues) as of `now`: throughput
/// in bins of `bin_seconds` over the last `hours`, the backlog, boxes by state, review figures and
/// the boxes due for destruction today (read only: nothing is released).
[[nodiscard]] Result<Overview> ReadOverview(ledger::Ledger& ledger, UtcTime now, int hours = 8, int bin_seconds = 900);

/// The JSON above.
[[nodiscard]] nlohmann::json ToJson(const Overview& overview);

/// One station of "stations" above (also `mailroom station status --json`).
[[nodiscard]] nlohmann::json StationJson(const ledger::StationState& station);

}  // namespace mailroom::dashboard
