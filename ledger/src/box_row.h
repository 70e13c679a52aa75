// Reading one box with its page counts, and the checks that several operations share.
#pragma once

#include <sqlite3.h>

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
  int pages_delivered;
  int pages_accounted;
  std::optional<Timestamp> delivered_at;

  int pages_open() const { return pages_captured - pages_delivered - pages_accounted; }
};

/// The box, or an error "box B: not in the ledger".
[[nodiscard]] Result<BoxRow> LoadBox(sqlite3* db, std::string_view box_id);

/// "box B is STATE, cannot WHAT": the shape of every refusal, so an operator sees which box, where
/// it stands and what was tried.
[[nodiscard]] tl::unexpected<Error> Refuse(const BoxRow& box, std::string_view what);

/// Sets the state and writes "state A -> B" to the audit, inside the caller's transaction.
[[nodiscard]] Result<void> WriteState(sqlite3* db, const BoxRow& box, BoxState to, const Stamp& stamp);

}  // namespace mailroom::ledger
