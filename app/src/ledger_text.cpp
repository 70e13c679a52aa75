#include "ledger_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "mailroom/common/utc_time.h"

namespace mailroom::app {
namespace {

using namespace std::chrono;

size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string IsoDate(ledger::Date d) {
  return FormatUtcDate(d);
}

std::string IsoTime(ledger::Timestamp t) {
  return FormatUtcTime(t);
}

std::string TableTime(ledger::Timestamp t) {
  const auto day = floor<days>(t);
  const hh_mm_ss hms{t - day};
  return fmt::format("{} {:02}:{:02}", IsoDate(day), hms.hours().count(), hms.minutes().count());
}

Result<ledger::Date> ParseDateArgument(std::string_view text) {
  return ParseUtcDate(text);
}

Result<ledger::Timestamp> ParseTimeArgument(std::string_view text) {
  auto parsed = text.size() == 10 ? ParseUtcDate(text).map([](UtcDate d) { return UtcTime{d}; }) : ParseUtcTime(text);
  if (!parsed && parsed.error().message.ends_with(": not a date (expected YYYY-MM-DD)")) {
    return Fail("'" + std::string(text) + "': not a date (expected YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD)");
  }
  return parsed;
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += CsvField(fields[i]);
  }
  return line + '\n';
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out + '"';
}

std::string AlignedTable(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right_aligned) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], CodePoints(row[i]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - CodePoints(row[i]), ' ');
      const bool right = i < right_aligned.size() && right_aligned[i];
      if (i > 0) line += "  ";
      line += right ? pad + row[i] : row[i] + pad;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + '\n';
  }
  return out;
}

}  // namespace mailroom::app
