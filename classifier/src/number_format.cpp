#include "number_format.h"

#include <cstddef>

namespace mailroom::classifier {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

bool IsBgNumber(std::string_view s) {
  return s.size() == 14 && AllDigits(s.substr(0, 5)) && s.substr(5, 2) == "BG" && AllDigits(s.substr(7));
}

bool IsCustomerNumber(std::string_view s) {
  return s.size() == 10 && AllDigits(s.substr(0, 3)) && s[3] >= 'A' && s[3] <= 'Z' && AllDigits(s.substr(4));
}

bool IsDienststelle(std::string_view s) {
  return s.size() == 5 && AllDigits(s);
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) || !AllDigits(s.substr(8, 2))) return false;
  const int year = ToInt(s.substr(0, 4));
  const int month = ToInt(s.substr(5, 2));
  const int day = ToInt(s.substr(8, 2));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days_in_month = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days_in_month;
}

int HammingDistance(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return -1;
  int distance = 0;
  for (std::size_t i = 0; i < a.size(); ++i) distance += a[i] != b[i] ? 1 : 0;
  return distance;
}

}  // namespace mailroom::classifier
