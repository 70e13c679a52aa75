#include "letter_persons.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "case_decision.h"
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

// `lines` of the page `page_name` as a page of their own.
PageReading PartOf(const std::vector<std::string_view>& lines, const std::string& page_name) {
  PageReading part;
  part.name = page_name;
  for (const std::string_view line : lines) part.text.append(line).push_back('\n');
  return part;
}

}  // namespace

std::optional<SenderCandidate> ClearlyNamed(const std::vector<const PageReading*>& pages,
                                            const SenderMatcher& senders) {
  const std::vector<SenderCandidate> candidates = senders.Match(pages);
  const SenderCandidate* named = ClearSender(candidates);
  if (named == nullptr) return std::nullopt;
  return *named;
}

bool AddressedToPersonOf(const PageReading& page, const std::string& bg_number, const SenderMatcher& senders) {
  const std::vector<std::string_view> lines = NonBlankLines(page.text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!OpensAddressBlock(lines[i])) continue;
    const std::vector<std::string_view> block(
        lines.begin() + static_cast<std::ptrdiff_t>(i),
        lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), i + kAddressBlockLines)));
    const PageReading part = PartOf(block, page.name);
    const auto named = ClearlyNamed({&part}, senders);
    if (named && named->bg_number == bg_number && named->Matched("surname") && named->Matched("given_name") &&
        named->Matched("street"))
      return true;
  }
  return false;
}

bool NamedInShortLines(const PageReading& page, const std::string& bg_number, const SenderMatcher& senders) {
  std::vector<std::string_view> short_lines;
  for (std::string_view line : NonBlankLines(page.text)) {
    // A form writes the block on one line: "Alexander König-Otto, Lindenstraße 55, 24534 Neumünster".
    while (!line.empty()) {
      const std::size_t comma = std::min(line.find(','), line.size());
      if (WordCount(line.substr(0, comma)) <= kShortLineWords) short_lines.push_back(line.substr(0, comma));
      line.remove_prefix(std::min(comma + 1, line.size()));
    }
  }
  const PageReading part = PartOf(short_lines, page.name);
  const auto named = ClearlyNamed({&part}, senders);
  return named && named->bg_number == bg_number;
}

}  // namespace mailroom::classifier
