#include "unread_numbers.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <sstream>

#include "number_scanner.h"

namespace mailroom::classifier {
namespace {

// The labels people and forms put in front of a BG or customer number, also with letters misread
// as faint print reads them ("BG-kummer", "Kundennunmer", "BG-Nummar", "BE-Numer",
// "Bedarfisgeneinschaft"; the "BG" as "B&G", "BS", "BR", "Bö", "83", "86" and the "N" of "Nr" as
// "R": "Bö-Rr.", "BR-Runser" on dev seeds' dot-matrix pages at 150 dpi; those misread markers only
// at the start of a word, where "83" or "BS" cannot end another one). "Az." and "Ihr Zeichen" are
// left out: court and pension file numbers follow them too.
const std::regex& NumberLabel() {
  static const std::regex label(
      R"((BG|B6|8G|BE)[- .]?([A-Z]u[A-Z]{1,2}[ea]r|Numm[A-Z]r|[NR]r)|)"
      R"((^|[^A-Z0-9])(B&G|BS|BR|B\xC3\xB6|83|86)[- .,]?([A-Z]u[A-Z]{1,2}[ea]r|Numm[A-Z]r|[NR]r)|)"
      R"(Bedarf[a-z]{0,2}ge[mn][a-z]?einschaft(s-?nummer|s-?nr)?|Kunden-?([A-Z]u[A-Z]{2}er|Numm[A-Z]r|nr)|Kd\.?-?Nr)",
      std::regex::icase | std::regex::optimize);
  return label;
}

// Enough digits after the label to have been a number: a BG number has 12, a customer number 9.
constexpr int kMinDigits = 8;

// What follows a number's label on `line` if it holds digits enough for a number and none could
// be read; nothing otherwise.
std::optional<std::string> UnreadNumberOn(const std::string& line) {
  std::smatch label;
  if (!std::regex_search(line, label, NumberLabel())) return std::nullopt;
  // Dates are no case number: "seit dem 01.01.2020" after "Bedarfsgemeinschaft" is a sentence.
  static const std::regex kDate(R"(\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b)");
  const std::string rest = std::regex_replace(label.suffix().str(), kDate, " ");
  const auto digits = std::count_if(rest.begin(), rest.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (digits < kMinDigits || !ScanNumbers(rest, ScanMode::kOcrText).empty()) return std::nullopt;
  return rest;
}

}  // namespace

std::vector<UnreadNumber> UnreadNumbers(const std::vector<const PageReading*>& pages) {
  std::vector<UnreadNumber> unread;
  for (const PageReading* page : pages) {
    std::istringstream lines(page->text);
    for (std::string line; std::getline(lines, line);) {
      if (auto text = UnreadNumberOn(line)) unread.push_back({page->name, std::move(*text)});
    }
  }
  return unread;
}

}  // namespace mailroom::classifier
