#include "envelope_consistency.h"

#include <algorithm>
#include <set>
#include <string>

namespace mailroom::classifier {
namespace {

// What one part says about its case, on its own.
struct PartCases {
  std::set<std::string> numbered;    // registered cases its numbers name
  std::vector<std::string> persons;  // cases of the persons it names strongly, best first
  std::optional<std::string> own;    // the one case it identifies, if any
};

void AddOnce(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

PartCases CasesOf(const EnvelopePart& part, const Registry& registry, const SenderMatcher& matcher) {
  PartCases out;
  out.numbered = RegisteredCasesOn(part, registry);
  const std::vector<SenderCandidate> senders = matcher.Match(part);
  for (const SenderCandidate& s : senders) {
    if (s.score >= kStrongSenderScore) AddOnce(out.persons, s.bg_number);
  }
  if (out.numbered.size() == 1) {
    out.own = *out.numbered.begin();
  } else if (out.numbered.empty()) {
    if (const SenderCandidate* sender = ClearSender(senders)) out.own = sender->bg_number;
  }
  return out;
}

// The case of `part` that is not `bg`: a registered number of another case, or, when none of the
// persons it names strongly belongs to `bg`, the best of them.
std::optional<std::string> OtherCase(const PartCases& part, const std::string& bg) {
  for (const std::string& number : part.numbered) {
    if (number != bg) return number;
  }
  const bool names_own = std::find(part.persons.begin(), part.persons.end(), bg) != part.persons.end();
  if (!part.persons.empty() && !names_own) return part.persons.front();
  return std::nullopt;
}

CaseDecision Conflict(const std::vector<std::string>& cases, const CaseDecision& decision) {
  CaseDecision out;
  out.review_kind = "conflicting_cases";
  out.reason = "conflicting cases in one envelope: ";
  for (std::size_t i = 0; i < cases.size(); ++i) out.reason += (i == 0 ? "" : ", ") + cases[i];
  out.candidates = cases;
  out.evidence = decision.evidence;
  return out;
}

}  // namespace

std::optional<CaseDecision> FindConflictingParts(const std::vector<EnvelopePart>& parts, const CaseDecision& decision,
                                                 const Registry& registry, const SenderMatcher& senders) {
  std::vector<PartCases> cases;
  cases.reserve(parts.size());
  for (const EnvelopePart& part : parts) cases.push_back(CasesOf(part, registry, senders));

  std::vector<std::string> owns;
  for (const PartCases& part : cases) {
    if (part.own) AddOnce(owns, *part.own);
  }
  if (owns.size() > 1) return Conflict(owns, decision);
  if (!decision.bg_number) return std::nullopt;
  for (const PartCases& part : cases) {
    if (auto other = OtherCase(part, *decision.bg_number)) return Conflict({*decision.bg_number, *other}, decision);
  }
  return std::nullopt;
}

}  // namespace mailroom::classifier
