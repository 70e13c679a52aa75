#include "illegible_pages.h"

#include <cctype>
#include <optional>
#include <regex>
#include <string>

#include "letter_persons.h"
#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

namespace {

// The lines of `text` with a letter or a digit in them.
int LinesWithCharacters(const std::string& text) {
  int lines = 0;
  bool counted = false;
  for (const char c : text) {
    if (c == '\n') {
      counted = false;
    } else if (!counted && std::isalnum(static_cast<unsigned char>(c))) {
      counted = true;
      ++lines;
    }
  }
  return lines;
}

// Print lost before it could be read: little ink left, nearly none of it read, but spread over
// many lines as no note or stamp is.
bool PrintMostlyLost(const PageReading& page) {
  return page.ink_mm2 >= kMinLostPrintInkMm2 && page.unread_ink_share >= kMinLostPrintShare &&
         LinesWithCharacters(page.text) >= kMinLostPrintLines;
}

}  // namespace

bool IsIllegible(const PageReading& page) {
  if (page.kind != PageKind::kContent) return false;
  return (page.ink_mm2 >= kMinIllegibleInkMm2 && page.unread_ink_share >= kMinIllegibleShare) || PrintMostlyLost(page);
}

bool IsHardToRead(const PageReading& page) {
  return (page.kind == PageKind::kContent && page.ink_mm2 >= kMinIllegibleInkMm2 &&
          page.unread_ink_share >= kMinHardToReadShare) ||
         IsIllegible(page);
}

namespace {

// A person of the case named by at least name and address (SenderCandidate's score 0.93): a
// surname alone, or a street of the same town, could be anybody's.
constexpr double kMinOwnPersonScore = 0.9;

// The page number and, where it was read, the letter's page count (0 where not) of "Seite 3 von
// 4", also as OCR reads faint print ("Selte 3 von", "Seite 3 v0n 4", "Salto 2 won", "Seite 3von 3",
// and at the start of a word "geit« 3 von 4", the S read as g and the e as a mark).
struct PageOf {
  int number = 0;
  int count = 0;
};

std::optional<PageOf> PageNumbering(const PageReading* page) {
  static const std::regex kPageOf(
      R"((?:S[ea3][il1|]t[ea3o]|\b[sg5][ea3][il1|]t\S{0,2})\s+(\d{1,2})\s*[vw][o0]n(\s+(\d{1,2}))?)",
      std::regex::icase);
  if (page == nullptr) return std::nullopt;
  std::smatch match;
  if (!std::regex_search(page->text, match, kPageOf)) return std::nullopt;
  return PageOf{std::stoi(match[1].str()), match[3].matched ? std::stoi(match[3].str()) : 0};
}

std::optional<int> PageNumber(const PageReading* page) {
  const auto numbering = PageNumbering(page);
  if (!numbering) return std::nullopt;
  return numbering->number;
}

// True if the page's number follows the page before's: "Seite 3 von 3" after "Seite 2 von 3", and
// "Seite 2 von 2" after a page without a number (a letter's or a form's first page seldom has one).
bool ContinuesPageBefore(const PageReading* page, const PageReading* before) {
  const auto number = PageNumber(page);
  if (!number || *number < 2 || before == nullptr) return false;
  const auto previous = PageNumber(before);
  return previous ? *number == *previous + 1 : *number == 2;
}

// True if the pages around an illegible one are pages n-2 and n of one letter, so that it is page
// n-1: "Seite 3 von 3" after it, and "Seite 1 von 3" or a page without a number (a letter's
// first page seldom has one) before it. A page slipped into the middle of a letter would leave
// the letter a page short.
bool BetweenPagesOfLetter(const PageReading* before, const PageReading* after) {
  const auto next = PageNumber(after);
  if (before == nullptr || !next || *next < 3) return false;
  const auto previous = PageNumber(before);
  return previous ? *previous == *next - 2 : *next == 3;
}

// True if the page before an illegible one is the last but one page of a letter ("Seite 2 von
// 3"), the illegible page's own number, where read, is the last, and the page after it is not the
// letter's last: the illegible page is. A page slipped in there would leave the letter without
// its last page.
bool EndsLetterBefore(const PageReading* before, const PageReading* page, const PageReading* after) {
  const auto previous = PageNumbering(before);
  if (!previous || previous->count == 0 || previous->number + 1 != previous->count) return false;
  const auto own = PageNumber(page);
  const auto next = PageNumber(after);
  return (!own || *own == previous->count) && (!next || *next != previous->count);
}

bool NamesCase(const PageReading& page, const std::string& bg_number, const Registry& registry) {
  for (const CaseEvidence& evidence : FindCaseNumbers(page)) {
    if (evidence.kind == CaseEvidence::Kind::kBgNumber && evidence.number == bg_number) return true;
    if (evidence.kind == CaseEvidence::Kind::kCustomerNumber) {
      const auto known = registry.bg_by_customer_number.find(evidence.number);
      if (known != registry.bg_by_customer_number.end() && known->second == bg_number) return true;
    }
  }
  return false;
}

// The person `senders` find clearly on `pages` is one of `bg_number`'s case, by `min_score` or more.
bool ClearlyNamesPersonOf(const std::vector<const PageReading*>& pages, const std::string& bg_number,
                          const SenderMatcher& senders, double min_score) {
  const auto named = ClearlyNamed(pages, senders);
  return named && named->bg_number == bg_number && named->score >= min_score;
}

bool NamesPersonOf(const PageReading& page, const std::string& bg_number, const SenderMatcher& senders) {
  return ClearlyNamesPersonOf({&page}, bg_number, senders, kMinOwnPersonScore);
}

// True if the illegible page `content[at]` is the first page of a letter whose next pages follow
// it ("Seite 2 von 3", then the letter's other pages as many as it counts, or as far as their
// numbers follow) and name the case: its number, or its person signing it (given name and surname:
// a strong sender match). A letter that opens illegibly is still signed legibly; a neighbour's
// letter is signed by the neighbour.
bool OpensLetterOfCase(const std::vector<const PageReading*>& content, std::size_t at, const std::string& bg_number,
                       const Registry& registry, const SenderMatcher& senders) {
  if (const auto own = PageNumber(content[at]); own && *own != 1) return false;
  const auto second = at + 1 < content.size() ? PageNumbering(content[at + 1]) : std::nullopt;
  if (!second || second->number != 2) return false;
  // A count larger than the pages left was misread ("von 9" for "von 3"): only numbers then count.
  const int count = at + second->count <= content.size() ? second->count : 0;
  std::vector<const PageReading*> rest;
  for (std::size_t i = at + 1; i < content.size(); ++i) {
    const int page_number = static_cast<int>(rest.size()) + 2;
    if (count > 0 && page_number > count) break;  // past the letter's last page
    const auto number = PageNumber(content[i]);
    // A page whose number was not read belongs to it within the page count read on page 2.
    if (number ? *number != page_number : count == 0) break;
    rest.push_back(content[i]);
  }
  for (const PageReading* page : rest) {
    if (!IsIllegible(*page) && NamesCase(*page, bg_number, registry)) return true;
  }
  return ClearlyNamesPersonOf(rest, bg_number, senders, kStrongSenderScore);
}

std::vector<const PageReading*> ContentPages(const std::vector<const PageReading*>& pages) {
  std::vector<const PageReading*> content;
  for (const PageReading* page : pages) {
    if (page->kind == PageKind::kContent) content.push_back(page);
  }
  return content;
}

}  // namespace

const PageReading* HardToReadWithoutOwnPerson(const std::vector<const PageReading*>& pages,
                                              const std::string& bg_number, const SenderMatcher& senders) {
  const std::vector<const PageReading*> content = ContentPages(pages);
  for (std::size_t i = 0; i < content.size(); ++i) {
    const PageReading* page = content[i];
    if (!IsHardToRead(*page)) continue;
    if (i > 0 && ContinuesPageBefore(page, content[i - 1])) continue;
    if (NamesPersonOf(*page, bg_number, senders) || NamedInShortLines(*page, bg_number, senders)) continue;
    return page;
  }
  return nullptr;
}

const PageReading* IllegibleWithoutOwnCase(const std::vector<const PageReading*>& pages, const std::string& bg_number,
                                           const Registry& registry, const SenderMatcher& senders) {
  const std::vector<const PageReading*> content = ContentPages(pages);
  for (std::size_t i = 0; i < content.size(); ++i) {
    const PageReading* page = content[i];
    if (!IsIllegible(*page)) continue;
    const PageReading* before = i > 0 ? content[i - 1] : nullptr;
    const PageReading* after = i + 1 < content.size() ? content[i + 1] : nullptr;
    if (ContinuesPageBefore(page, before) || BetweenPagesOfLetter(before, after) ||
        EndsLetterBefore(before, page, after) || NamesCase(*page, bg_number, registry) ||
        NamesPersonOf(*page, bg_number, senders) || NamedInShortLines(*page, bg_number, senders) ||
        OpensLetterOfCase(content, i, bg_number, registry, senders)) {
      continue;
    }
    return page;
  }
  return nullptr;
}

}  // namespace mailroom::classifier
