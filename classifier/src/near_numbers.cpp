#include "near_numbers.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <vector>

namespace mailroom::classifier {
namespace {

std::string Folded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const unsigned char c : text) {
    if (c == ' ' || c == '-' || c == '.' || c == '/') continue;
    out.push_back(static_cast<char>(std::toupper(c)));
  }
  return out;
}

// Sellers' approximate matching: `number` against any stretch of the folded text, with the start
// and end in the text free. One column of the table at a time.
int EditsToNumberInFolded(std::string_view number, const std::string& text) {
  const std::size_t n = number.size();
  std::vector<int> column(n + 1), previous(n + 1);
  std::iota(previous.begin(), previous.end(), 0);  // before the text: insert every character
  int best = static_cast<int>(n);
  for (const char t : text) {
    column[0] = 0;  // a stretch may start here
    for (std::size_t i = 1; i <= n; ++i) {
      const int substitute = previous[i - 1] + (std::toupper(static_cast<unsigned char>(number[i - 1])) == t ? 0 : 1);
      column[i] = std::min({substitute, previous[i] + 1, column[i - 1] + 1});
    }
    best = std::min(best, column[n]);
    std::swap(column, previous);
  }
  return best;
}

// The fewest edits from `folded` to the case's BG number or one of its persons' customer numbers.
int EditsToCase(const std::string& folded, const std::string& bg, const std::vector<Person>& persons) {
  int edits = EditsToNumberInFolded(bg, folded);
  for (const Person& p : persons) {
    if (!p.customer_number.empty()) edits = std::min(edits, EditsToNumberInFolded(p.customer_number, folded));
  }
  return edits;
}

}  // namespace

int EditsToNumberIn(std::string_view number, std::string_view text) {
  return EditsToNumberInFolded(number, Folded(text));
}

bool MisreadOfOnly(std::string_view text, const std::string& bg_number, const Registry& registry) {
  const auto own = registry.cases.find(bg_number);
  if (own == registry.cases.end()) return false;
  const std::string folded = Folded(text);
  const int edits = EditsToCase(folded, bg_number, own->second);
  if (edits > kMaxMisreadEdits) return false;
  // Every other case is looked at: this runs only for the rare number that could not be read.
  for (const auto& [bg, persons] : registry.cases) {
    if (bg != bg_number && EditsToCase(folded, bg, persons) < edits + kMinMisreadMargin) return false;
  }
  return true;
}

}  // namespace mailroom::classifier
