// Times as mailroom writes them everywhere (box.json, document JSON, the ledger, messages):
// ISO 8601 UTC text to the second, "2026-11-25T08:15:00Z": sortable as text and unambiguous
// across the scan center's and the jobcenters' time zones.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom {

using UtcTime = std::chrono::sys_seconds;
using UtcDate = std::chrono::sys_days;

/// Now, to the second.
[[nodiscard]] UtcTime UtcNow();

/// "2026-11-25T08:15:00Z"
[[nodiscard]] std::string FormatUtcTime(UtcTime t);

/// "2026-11-25"
[[nodiscard]] std::string FormatUtcDate(UtcDate d);

/// The inverse of FormatUtcTime; fails quoting `text` for anything else.
[[nodiscard]] Result<UtcTime> ParseUtcTime(std::string_view text);

/// The inverse of FormatUtcDate; fails quoting `text` for anything else.
[[nodiscard]] Result<UtcDate> ParseUtcDate(std::string_view text);

}  // namespace mailroom
