// Timestamps as ISO 8601 UTC text in the database (see common/utc_time.h): sortable as text,
// readable in the sqlite3 shell, and understood by SQLite's own date functions.
#pragma once

#include "mailroom/common/utc_time.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

inline std::string FormatTimestamp(Timestamp t) {
  return FormatUtcTime(t);
}
inline std::string FormatDate(Date d) {
  return FormatUtcDate(d);
}
inline Result<Timestamp> ParseTimestamp(std::string_view text) {
  return ParseUtcTime(text);
}

}  // namespace mailroom::ledger
