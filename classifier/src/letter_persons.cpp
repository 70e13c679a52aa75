#include "letter_persons.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "text_fold.h"

namespace mailroom::classifier {
namespace {

// The lines of an address block that are not blank: the salutation line, the street and the town.
constexpr std::size_t kAddressBlockLines = 3;

constexpr std::array<std::string_view, 3> kSalutations = {"herrn", "herr", "frau"};

// The lines of OCR text that hold more than blanks (Tesseract puts blank lines between blocks).
std::vector<std::string_view> NonBlankLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t newline = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, newline);
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
    text.remove_prefix(std::min(newline + 1, text.size()));
  }
  return lines;
}

std::size_t WordCount(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : line) {
    const bool blank = c == ' ' || c == '\t';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

bool OpensAddressBlock(std::string_view line) {
  line.remove_prefix(line.find_first_not_of(" \t"));
  // Compared folded, as the text is: "Herrn" folds to "herm".
  const std::string first = Fold(line.substr(0, std::min(line.find(' '), line.size())));
  return std::any_of(kSalutations.begin(), kSalutations.end(),
                     [&](std::string_view salutation) { return Fold(salutation) == first; });
}

bool Has(const SenderCandidate& candidate, std::string_view field) {
  return std::find(candidate.matched.begin(), candidate.matched.end(), field) != candidate.matched.end();
}

// True if `senders` find a person of `bg_number`'s case in `lines` alone, strongly and with every
// one of `fields`.
bool NamesPerson(const std::vector<std::string_view>& lines, const std::string& page_name, const std::string& bg_number,
                 const SenderMatcher& senders, std::initializer_list<std::string_view> fields) {
  PageReading part;
  part.name = page_name;
  for (const std::string_view line : lines) part.text.append(line).push_back('\n');
  for (const SenderCandidate& candidate : senders.Match({&part})) {
    if (candidate.bg_number != bg_number || candidate.score < kStrongSenderScore) continue;
    if (std::all_of(fields.begin(), fields.end(), [&](std::string_view field) { return Has(candidate, field); }))
      return true;
  }
  return false;
}

}  // namespace

bool AddressedToPersonOf(const PageReading& page, const std::string& bg_number, const SenderMatcher& senders) {
  const std::vector<std::string_view> lines = NonBlankLines(page.text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!OpensAddressBlock(lines[i])) continue;
    const std::vector<std::string_view> block(
        lines.begin() + static_cast<std::ptrdiff_t>(i),
        lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), i + kAddressBlockLines)));
    if (NamesPerson(block, page.name, bg_number, senders, {"surname", "given_name", "street"})) return true;
  }
  return false;
}

bool SignedByPersonOf(const PageReading& page, const std::string& bg_number, const SenderMatcher& senders) {
  const std::vector<std::string_view> lines = NonBlankLines(page.text);
  const std::size_t first = lines.size() > kSignatureLines ? lines.size() - kSignatureLines : 0;
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (WordCount(lines[i]) > kSignatureWords) continue;
    if (NamesPerson({lines[i]}, page.name, bg_number, senders, {"surname", "given_name"})) return true;
  }
  return false;
}

}  // namespace mailroom::classifier
