// Timestamps as ISO 8601 UTC text in the database: sortable as text, readable in the sqlite3
// shell, and understood by SQLite's own date functions.
#pragma once

#include <string>
#include <string_view>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

/// "2024-03-01T08:15:00Z"
[[nodiscard]] std::string FormatTimestamp(Timestamp t);

/// "2024-03-01"
[[nodiscard]] std::string FormatDate(Date d);

/// The inverse of FormatTimestamp; fails quoting `text` for anything else.
[[nodiscard]] Result<Timestamp> ParseTimestamp(std::string_view text);

}  // namespace mailroom::ledger
