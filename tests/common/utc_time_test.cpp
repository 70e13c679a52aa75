// Times as mailroom writes them: ISO 8601 UTC to the second, and strict about what it reads back.
#include "mailroom/common/utc_time.h"

#include <catch2/catch.hpp>

using namespace mailroom;
using namespace std::chrono;

TEST_CASE("UTC times and dates round-trip through their text", "[utc_time]") {
  const UtcTime t = sys_days{2026y / November / 25} + hours{8} + minutes{15} + seconds{7};
  CHECK(FormatUtcTime(t) == "2026-11-25T08:15:07Z");
  CHECK(ParseUtcTime("2026-11-25T08:15:07Z").value() == t);
  CHECK(FormatUtcDate(sys_days{2024y / February / 29}) == "2024-02-29");
  CHECK(ParseUtcDate("2024-02-29").value() == sys_days{2024y / February / 29});
}

TEST_CASE("UTC parsing refuses other formats and impossible days, quoting the text", "[utc_time]") {
  CHECK(ParseUtcDate("2025-02-29").error().message == "'2025-02-29': no such day");
  CHECK(ParseUtcDate("25.11.2026").error().message == "'25.11.2026': not a date (expected YYYY-MM-DD)");
  CHECK(ParseUtcDate("2026-1-255").error().message == "'2026-1-255': not a date (expected YYYY-MM-DD)");
  CHECK_FALSE(ParseUtcTime("2026-11-25 08:15:07Z"));
  CHECK_FALSE(ParseUtcTime("2026-11-25T08:15:07+01:00"));
  CHECK(ParseUtcTime("2026-11-25T24:00:00Z").error().message == "'2026-11-25T24:00:00Z': no such time of day");
}
