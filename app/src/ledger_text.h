// Text for the ledger commands: times as operators type and read them, CSV and JSON fields, and
// aligned tables. Pure functions, no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::app {

/// "2024-03-01T08:15:00Z", as the ledger stores it.
[[nodiscard]] std::string IsoTime(ledger::Timestamp t);

/// "2024-03-01"
[[nodiscard]] std::string IsoDate(ledger::Date d);

/// "2024-03-01 08:15", for tables whose header says UTC.
[[nodiscard]] std::string TableTime(ledger::Timestamp t);

/// Parses "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DD" (midnight UTC). Fails quoting `text` and the
/// formats for anything else, including impossible dates such as 2024-02-30.
[[nodiscard]] Result<ledger::Timestamp> ParseTimeArgument(std::string_view text);

/// Parses "YYYY-MM-DD"; fails quoting `text` otherwise.
[[nodiscard]] Result<ledger::Date> ParseDateArgument(std::string_view text);

/// The field as RFC 4180 writes it: quoted (with doubled quotes) only when it holds a comma,
/// quote or line break.
[[nodiscard]] std::string CsvField(std::string_view field);

/// The fields joined by commas, each through CsvField, with "\n" at the end.
[[nodiscard]] std::string CsvLine(const std::vector<std::string>& fields);

/// A JSON string literal, quotes included, with control characters escaped.
[[nodiscard]] std::string JsonString(std::string_view text);

/// Columns padded to their widest cell, two spaces apart, no trailing blanks; `right_aligned[i]`
/// right-aligns column i (numbers). The first row is the header. Widths count UTF-8 code points.
[[nodiscard]] std::string AlignedTable(const std::vector<std::vector<std::string>>& rows,
                                       const std::vector<bool>& right_aligned);

}  // namespace mailroom::app
