// Writing the audit trail. Called inside the same transaction as the change it records, so a
// change without its audit row (or the reverse) cannot be committed.
#pragma once

#include "db.h"

#include <string_view>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

/// Appends one row; an empty `box_id` is stored as NULL (a setting, not a box).
[[nodiscard]] Result<void> WriteAudit(Db* db, std::string_view box_id, const Stamp& stamp, std::string_view what);

}  // namespace mailroom::ledger
