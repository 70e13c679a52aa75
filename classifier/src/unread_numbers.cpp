#include "unread_numbers.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

#include "number_scanner.h"

namespace mailroom::classifier {
namespace {

// The labels people and forms put in front of a BG or customer number. "Az." and "Ihr Zeichen"
// are left out: court and pension file numbers follow them too.
const std::regex& NumberLabel() {
  static const std::regex label(
      R"((BG|B6|8G)[- .]?(Nummer|Nr)|Nummer der Bedarfsgemeinschaft|Bedarfsgemeinschaft(s-?nummer|s-?nr)?|)"
      R"(Kunden-?(nummer|nr)|Kd\.?-?Nr)",
      std::regex::icase | std::regex::optimize);
  return label;
}

// Enough digits after the label to have been a number: a BG number has 12, a customer number 9.
constexpr int kMinDigits = 8;

bool LineHasUnreadNumber(const std::string& line) {
  std::smatch label;
  if (!std::regex_search(line, label, NumberLabel())) return false;
  // Dates are no case number: "seit dem 01.01.2020" after "Bedarfsgemeinschaft" is a sentence.
  static const std::regex kDate(R"(\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b)");
  const std::string rest = std::regex_replace(label.suffix().str(), kDate, " ");
  const auto digits = std::count_if(rest.begin(), rest.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (digits < kMinDigits) return false;
  return ScanNumbers(rest, ScanMode::kOcrText).empty();
}

}  // namespace

std::optional<std::string> PageWithUnreadNumber(const std::vector<const PageReading*>& pages) {
  for (const PageReading* page : pages) {
    std::istringstream lines(page->text);
    for (std::string line; std::getline(lines, line);) {
      if (LineHasUnreadNumber(line)) return page->name;
    }
  }
  return std::nullopt;
}

}  // namespace mailroom::classifier
