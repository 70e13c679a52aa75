#include "illegible_pages.h"

#include <optional>
#include <regex>
#include <string>

#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

bool IsIllegible(const PageReading& page) {
  return page.kind == PageKind::kContent && page.ink_mm2 >= kMinIllegibleInkMm2 &&
         page.unread_ink_share >= kMinIllegibleShare;
}

bool IsHardToRead(const PageReading& page) {
  return page.kind == PageKind::kContent && page.ink_mm2 >= kMinIllegibleInkMm2 &&
         page.unread_ink_share >= kMinHardToReadShare;
}

namespace {

// A person of the case named by at least name and address (SenderCandidate's score 0.93): a
// surname alone, or a street of the same town, could be anybody's.
constexpr double kMinOwnPersonScore = 0.9;

// "Seite 3 von 4", also as OCR reads faint print ("Selte 3 von", "Seite 3 v0n 4"): the page number.
std::optional<int> PageNumber(const std::string& text) {
  static const std::regex kPageOf(R"(S[e3][il1|]t[e3]\s+(\d{1,2})\s+v[o0]n)", std::regex::icase);
  std::smatch match;
  if (!std::regex_search(text, match, kPageOf)) return std::nullopt;
  return std::stoi(match[1].str());
}

bool ContinuesPageBefore(const PageReading& page, const PageReading* before) {
  if (before == nullptr) return false;
  const auto number = PageNumber(page.text);
  const auto previous = PageNumber(before->text);
  return number && previous && *number >= 2 && *number == *previous + 1;
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

bool NamesPersonOf(const PageReading& page, const std::string& bg_number, const SenderMatcher& senders) {
  for (const SenderCandidate& candidate : senders.Match({&page})) {
    if (candidate.bg_number == bg_number && candidate.score >= kMinOwnPersonScore) return true;
  }
  return false;
}

}  // namespace

const PageReading* IllegibleWithoutOwnCase(const std::vector<const PageReading*>& pages, const std::string& bg_number,
                                           const Registry& registry, const SenderMatcher& senders) {
  const PageReading* before = nullptr;
  for (const PageReading* page : pages) {
    if (IsIllegible(*page) && !ContinuesPageBefore(*page, before) && !NamesCase(*page, bg_number, registry) &&
        !NamesPersonOf(*page, bg_number, senders)) {
      return page;
    }
    if (page->kind == PageKind::kContent) before = page;
  }
  return nullptr;
}

}  // namespace mailroom::classifier
