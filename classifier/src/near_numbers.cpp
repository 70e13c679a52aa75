#include "near_numbers.h"

#include <algorithm>
#include <cctype>
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

// The shapes that faint and dot-matrix print blur into each other: the round ones (a dot-matrix
// "8" and "0" differ by a few dots, "BG" comes out as "86" or "8G") and the upright strokes.
// Measured on the dot-matrix pages of two dev seeds' hard-150 boxes: each of the 22 characters of
// BG numbers that OCR read as another character stayed within its family.
int ShapeFamily(char c) {
  static constexpr std::string_view kRound = "035689BCDGOQSU";
  static constexpr std::string_view kUpright = "17IJLT|!";
  if (kRound.find(c) != std::string_view::npos) return 1;
  if (kUpright.find(c) != std::string_view::npos) return 2;
  return 0;
}

// What replacing `wanted` by `read` costs, in half edits: nothing if the same, one for a look-alike
// of its shape family, two for any other character.
int SubstitutionCost(char wanted, char read, bool look_alikes_half) {
  if (wanted == read) return 0;
  const int family = ShapeFamily(wanted);
  return look_alikes_half && family != 0 && family == ShapeFamily(read) ? 1 : 2;
}

// Sellers' approximate matching: `number` against any stretch of the folded text, with the start
// and end in the text free, in half edits. One column of the table at a time.
int HalfEditsToNumberInFolded(std::string_view number, const std::string& text, bool look_alikes_half) {
  const std::size_t n = number.size();
  std::vector<int> column(n + 1), previous(n + 1);
  for (std::size_t i = 0; i <= n; ++i) previous[i] = static_cast<int>(2 * i);  // before the text: insert all
  int best = static_cast<int>(2 * n);
  for (const char t : text) {
    column[0] = 0;  // a stretch may start here
    for (std::size_t i = 1; i <= n; ++i) {
      const char wanted = static_cast<char>(std::toupper(static_cast<unsigned char>(number[i - 1])));
      const int substitute = previous[i - 1] + SubstitutionCost(wanted, t, look_alikes_half);
      column[i] = std::min({substitute, previous[i] + 2, column[i - 1] + 2});
    }
    best = std::min(best, column[n]);
    std::swap(column, previous);
  }
  return best;
}

// The fewest half edits from `folded` to the case's BG number or one of its persons' customer
// numbers.
int HalfEditsToCase(const std::string& folded, const std::string& bg, const std::vector<Person>& persons,
                    bool look_alikes_half) {
  int edits = HalfEditsToNumberInFolded(bg, folded, look_alikes_half);
  for (const Person& p : persons) {
    if (!p.customer_number.empty()) {
      edits = std::min(edits, HalfEditsToNumberInFolded(p.customer_number, folded, look_alikes_half));
    }
  }
  return edits;
}

// The most edits from the case and the least margin to every other case, in half edits.
struct Nearness {
  int max_half_edits = 0;
  int min_half_margin = 0;
};

// True if `folded` comes within `nearness` of the case `own` (its most edits from it, every other
// case its margin farther), edits counted one way.
bool NearestByMargin(const std::string& folded, const std::string& bg_number, const std::vector<Person>& own,
                     const Registry& registry, bool look_alikes_half, Nearness nearness) {
  const int edits = HalfEditsToCase(folded, bg_number, own, look_alikes_half);
  if (edits > nearness.max_half_edits) return false;
  // Every other case is looked at: this runs only for the rare number that could not be read.
  for (const auto& [bg, persons] : registry.cases) {
    if (bg != bg_number && HalfEditsToCase(folded, bg, persons, look_alikes_half) < edits + nearness.min_half_margin) {
      return false;
    }
  }
  return true;
}

// Look-alikes at half bring a blurred number closer to its case, and other cases closer to it
// too: a reading that one way of counting puts near enough to the case, and far enough from every
// other, names it.
bool NearestEitherWay(std::string_view text, const std::string& bg_number, const Registry& registry,
                      Nearness nearness) {
  const auto own = registry.cases.find(bg_number);
  if (own == registry.cases.end()) return false;
  const std::string folded = Folded(text);
  return NearestByMargin(folded, bg_number, own->second, registry, false, nearness) ||
         NearestByMargin(folded, bg_number, own->second, registry, true, nearness);
}

}  // namespace

int EditsToNumberIn(std::string_view number, std::string_view text) {
  return HalfEditsToNumberInFolded(number, Folded(text), false) / 2;
}

double MisreadEditsToNumberIn(std::string_view number, std::string_view text) {
  return HalfEditsToNumberInFolded(number, Folded(text), true) / 2.0;
}

bool MisreadOfOnly(std::string_view text, const std::string& bg_number, const Registry& registry) {
  return NearestEitherWay(text, bg_number, registry, {2 * kMaxMisreadEdits, 2 * kMinMisreadMargin});
}

bool NearerToCaseThanAnyOther(std::string_view text, const std::string& bg_number, const Registry& registry) {
  return NearestEitherWay(text, bg_number, registry, {2 * kMaxNearestEdits, 2 * kMinNearestMargin});
}

}  // namespace mailroom::classifier
