// ContestedDecisionDate: an objection's deadline runs from the date of the Bescheid it contests, so
// this date goes into the document JSON. Objections name it as "Bescheid vom <date>" (also
// "Änderungsbescheid", "Bescheides vom", "Bescheid mit Datum vom"); the first such date wins
// because the Betreff comes first and later dates are often the letter's own or other letters'.
#include "decision_date.h"

#include <array>

#include <fmt/format.h>

#include "mailroom/classifier/doc_type_model.h"
#include "text_fold.h"

namespace mailroom::classifier {
namespace {

// After "bescheid" the date follows within "... vom 14.03.2025" or "des Jobcenters vom ...".
constexpr std::size_t kAfterBescheid = 48;
constexpr std::size_t kAfterWiderspruch = 80;

// Folded month names (Fold: "März" -> "marz") and the abbreviations people write.
constexpr std::array<std::string_view, 12> kMonths = {"januar",    "februar", "marz",     "april",
                                                      "mai",       "juni",    "juli",     "august",
                                                      "september", "oktober", "november", "dezember"};

// OCR look-alikes of digits, as they read after folding (lowercase).
int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  switch (c) {
    case 'o':
      return 0;
    case 'l':
    case 'i':
    case '|':
      return 1;
    case 'z':
      return 2;
    case 's':
      return 5;
    case 'b':
      return 8;
    default:
      return -1;
  }
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsLetter(char c) {
  return c >= 'a' && c <= 'z';
}

// Up to `max` digits (or look-alikes) at `at`; at least one must be a real digit, so that words
// such as "bis" are not read as numbers. Returns the number of characters read, 0 if none.
std::size_t ReadNumber(std::string_view s, std::size_t at, std::size_t max, int& value) {
  std::size_t n = 0;
  bool real = false;
  value = 0;
  while (at + n < s.size() && n < max && DigitValue(s[at + n]) >= 0) {
    real = real || IsDigit(s[at + n]);
    value = value * 10 + DigitValue(s[at + n]);
    ++n;
  }
  if (at + n < s.size() && (IsDigit(s[at + n]) || IsLetter(s[at + n]))) return 0;  // part of a longer token
  return real ? n : 0;
}

std::size_t SkipSpaces(std::string_view s, std::size_t at) {
  while (at < s.size() && s[at] == ' ') ++at;
  return at;
}

// A dot between day, month and year, with the spaces OCR puts around it.
bool ReadDot(std::string_view s, std::size_t& at) {
  const std::size_t dot = SkipSpaces(s, at);
  if (dot >= s.size() || (s[dot] != '.' && s[dot] != ',')) return false;
  at = SkipSpaces(s, dot + 1);
  return true;
}

int ReadMonthName(std::string_view s, std::size_t& at) {
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (s.substr(at, kMonths[m].size()) == kMonths[m]) {
      at += kMonths[m].size();
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

bool Valid(int day, int month, int year) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[static_cast<std::size_t>(month - 1)] - (month == 2 && !leap ? 1 : 0);
}

std::optional<FoundDate> DateAt(std::string_view s, std::size_t start) {
  if (start > 0 && (IsDigit(s[start - 1]) || IsLetter(s[start - 1]))) return std::nullopt;
  int day = 0, month = 0, year = 0;
  std::size_t at = start;
  const std::size_t day_digits = ReadNumber(s, at, 2, day);
  if (day_digits == 0) return std::nullopt;
  at += day_digits;
  if (!ReadDot(s, at)) return std::nullopt;
  if (const std::size_t n = ReadNumber(s, at, 2, month); n > 0) {
    at += n;
    if (!ReadDot(s, at)) return std::nullopt;
  } else if ((month = ReadMonthName(s, at)) == 0) {
    return std::nullopt;
  } else {
    at = SkipSpaces(s, at);
  }
  const std::size_t year_digits = ReadNumber(s, at, 4, year);
  if (year_digits != 2 && year_digits != 4) return std::nullopt;
  at += year_digits;
  if (year_digits == 2) year += 2000;
  if (!Valid(day, month, year)) return std::nullopt;
  return FoundDate{at, fmt::format("{:04d}-{:02d}-{:02d}", year, month, day)};
}

// "bescheid" and its OCR variants with one wrong letter ("bescheld", "beschcid"), also at the end
// of a compound ("anderungsbescheid"). Returns the position after the word, or npos.
std::size_t FindBescheid(std::string_view s, std::size_t from) {
  static constexpr std::string_view kWord = "bescheid";
  for (std::size_t at = from; at + kWord.size() <= s.size(); ++at) {
    int wrong = 0;
    for (std::size_t i = 0; i < kWord.size() && wrong <= 1; ++i) wrong += s[at + i] != kWord[i] ? 1 : 0;
    if (wrong <= 1 && s[at] == 'b' && s[at + 3] == 'c') return at + kWord.size();
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<FoundDate> FindDate(std::string_view folded, std::size_t from, std::size_t window) {
  for (std::size_t at = from; at < folded.size() && at < from + window; ++at) {
    if (auto date = DateAt(folded, at)) return date;
  }
  return std::nullopt;
}

std::optional<std::string> ContestedDecisionDate(std::string_view text) {
  const std::string folded = Fold(text);
  for (std::size_t at = FindBescheid(folded, 0); at != std::string_view::npos; at = FindBescheid(folded, at)) {
    if (auto date = FindDate(folded, at, kAfterBescheid)) return date->iso;
  }
  // "Widerspruch gegen die Rückforderung vom 14.03.2025": no "Bescheid", but the date of what is
  // contested still follows the word.
  for (std::size_t at = folded.find("widerspruch"); at != std::string::npos; at = folded.find("widerspruch", at + 1)) {
    if (auto date = FindDate(folded, at, kAfterWiderspruch)) return date->iso;
  }
  return std::nullopt;
}

}  // namespace mailroom::classifier
