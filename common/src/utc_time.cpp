#include "mailroom/common/utc_time.h"

#include <cstdio>
#include <string>

namespace mailroom {

using namespace std::chrono;

namespace {

bool DigitsAt(std::string_view text, size_t from, size_t count) {
  if (text.size() < from + count) return false;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int Number(std::string_view text, size_t from, size_t count) {
  int n = 0;
  for (size_t i = from; i < from + count; ++i) n = n * 10 + (text[i] - '0');
  return n;
}

}  // namespace

UtcTime UtcNow() {
  return floor<seconds>(system_clock::now());
}

std::string FormatUtcDate(UtcDate d) {
  const year_month_day ymd{d};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return text;
}

std::string FormatUtcTime(UtcTime t) {
  const auto day = floor<days>(t);
  const hh_mm_ss time{t - day};
  char text[16];
  std::snprintf(text, sizeof text, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return FormatUtcDate(day) + text;
}

Result<UtcDate> ParseUtcDate(std::string_view text) {
  if (text.size() != 10 || !DigitsAt(text, 0, 4) || text[4] != '-' || !DigitsAt(text, 5, 2) || text[7] != '-' ||
      !DigitsAt(text, 8, 2)) {
    return Fail("'" + std::string(text) + "': not a date (expected YYYY-MM-DD)");
  }
  const year_month_day ymd{year{Number(text, 0, 4)}, month{static_cast<unsigned>(Number(text, 5, 2))},
                           day{static_cast<unsigned>(Number(text, 8, 2))}};
  if (!ymd.ok()) return Fail("'" + std::string(text) + "': no such day");
  return sys_days{ymd};
}

Result<UtcTime> ParseUtcTime(std::string_view text) {
  const std::string quoted = "'" + std::string(text) + "'";
  if (text.size() != 20 || text[10] != 'T' || !DigitsAt(text, 11, 2) || text[13] != ':' || !DigitsAt(text, 14, 2) ||
      text[16] != ':' || !DigitsAt(text, 17, 2) || text[19] != 'Z') {
    return Fail(quoted + ": not a time (expected YYYY-MM-DDTHH:MM:SSZ, UTC)");
  }
  auto day = ParseUtcDate(text.substr(0, 10));
  if (!day) return tl::unexpected(day.error());
  const int h = Number(text, 11, 2), m = Number(text, 14, 2), sec = Number(text, 17, 2);
  if (h > 23 || m > 59 || sec > 59) return Fail(quoted + ": no such time of day");
  return *day + hours{h} + minutes{m} + seconds{sec};
}

}  // namespace mailroom
