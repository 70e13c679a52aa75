// Reading one box with its page counts, and the checks that several operations share.
#pragma once

#include "db.h"

#include <optional>
#include <string>
#include <string_view>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

struct BoxRow {
  std::string box_id;
  std::string origin_jobcenter;
  BoxState state;
  int pages_captured;
  int pages_delivered;  ///< to a case: routed, or resolved at the review desk
  int pages_in_review;  ///< delivered to the review in-tray, no decision yet
  int pages_accounted;
  std::optional<Timestamp> delivered_at;

  /// Captured pages the ledger has no row of yet: how many may still be recorded.
  int pages_unrecorded() const { return pages_captured - pages_delivered - pages_in_review - pages_accounted; }
  /// Captured pages not settled: unrecorded, or waiting in review. The box is delivered at 0.
  int pages_open() const { return pages_captured - pages_delivered - pages_accounted; }
};

/// The three page counts of box `b` (delivered to a case, in review, accounted), as SQL columns:
/// one definition for every query that shows or checks them.
inline constexpr const char* kPageCountColumns = R"sql(
  (SELECT count(*) FROM page_destinations d WHERE d.box_id = b.box_id AND d.outcome = 'delivered'
                                              AND d.jobcenter_id <> 'review'),
  (SELECT count(*) FROM page_destinations d WHERE d.box_id = b.box_id AND d.outcome = 'delivered'
                                              AND d.jobcenter_id = 'review'),
  (SELECT count(*) FROM page_destinations d WHERE d.box_id = b.box_id AND d.outcome = 'accounted'))sql";

/// The box, or an error "box B: not in the ledger".
[[nodiscard]] Result<BoxRow> LoadBox(Db* db, std::string_view box_id);

/// "box B is STATE, cannot WHAT": the shape of every refusal, so an operator sees which box, where
/// it stands and what was tried.
[[nodiscard]] tl::unexpected<Error> Refuse(const BoxRow& box, std::string_view what);

/// Sets the state and writes "state A -> B" to the audit, inside the caller's transaction.
[[nodiscard]] Result<void> WriteState(Db* db, const BoxRow& box, BoxState to, const Stamp& stamp);

}  // namespace mailroom::ledger
