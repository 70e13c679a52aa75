#include "mailroom/common/utc_time.h"

#include <cstdio>
#include <string>

namespace mailroom {

using namespace std::chrono;

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
  int y = 0, mo = 0, d = 0;
  char rest = 0;
  const std::string copy(text);
  if (text.size() != 10 || std::sscanf(copy.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &rest) != 3) {
    return Fail("not a date like 2026-11-25: '" + copy + "'");
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return Fail("not a valid date: '" + copy + "'");
  return sys_days{ymd};
}

Result<UtcTime> ParseUtcTime(std::string_view text) {
  int h = 0, mi = 0, s = 0;
  char z = 0;
  const std::string copy(text);
  if (text.size() != 20 || text[10] != 'T' || std::sscanf(copy.c_str() + 11, "%2d:%2d:%2d%c", &h, &mi, &s, &z) != 4 ||
      z != 'Z') {
    return Fail("not an ISO 8601 UTC time like 2026-11-25T08:15:00Z: '" + copy + "'");
  }
  auto day = ParseUtcDate(text.substr(0, 10));
  if (!day || h > 23 || mi > 59 || s > 59) return Fail("not a valid time: '" + copy + "'");
  return *day + hours{h} + minutes{mi} + seconds{s};
}

}  // namespace mailroom
