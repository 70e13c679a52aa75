#include "time_text.h"

#include <cstdio>
#include <string>

namespace mailroom::ledger {

using namespace std::chrono;

std::string FormatDate(Date d) {
  const year_month_day ymd{d};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return text;
}

std::string FormatTimestamp(Timestamp t) {
  const auto day = floor<days>(t);
  const hh_mm_ss time{t - day};
  char text[16];
  std::snprintf(text, sizeof text, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return FormatDate(day) + text;
}

Result<Timestamp> ParseTimestamp(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char z = 0;
  const std::string copy(text);
  if (text.size() != 20 || std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
      z != 'Z') {
    return Fail("not an ISO 8601 UTC time: '" + copy + "'");
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return Fail("not a valid time: '" + copy + "'");
  return sys_days{ymd} + hours{h} + minutes{mi} + seconds{s};
}

}  // namespace mailroom::ledger
