// ClassifyEnvelope: one case per envelope, or review. A page in the wrong case is a
// data-protection breach, so every doubt (unknown number, two cases, weak reading) goes to a person.
// Review reasons name numbers, never names or other personal data.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

#include "confidence.h"
#include "mailroom/classifier/classifier.h"
#include "number_format.h"
#include "text_fold.h"

namespace mailroom::classifier {
namespace {

constexpr std::array<std::string_view, 6> kUrgentWords = {"eilt",    "eilig",    "eilige",
                                                          "eiliges", "dringend", "fristsache"};

// The evidence of an envelope sorted by what the registry says about it.
struct Resolution {
  std::map<std::string, CaseSupport> cases;  // registered BG -> its support
  std::vector<std::string> unknown;          // unregistered numbers, first-seen order, unique
  std::vector<CaseEvidence> all;
};

bool HasUnknownLetter(const CaseEvidence& e) {
  return e.number.find(kUnknownLetter) != std::string::npos;
}

// The one registered customer number that fits a number with an unknown letter.
std::optional<std::string> UniqueFit(const std::string& number, const Registry& registry) {
  std::optional<std::string> fit;
  for (const auto& [customer, bg] : registry.bg_by_customer_number) {
    if (customer.size() != number.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < number.size() && same; ++i)
      same = number[i] == kUnknownLetter || number[i] == customer[i];
    if (!same) continue;
    if (fit) return std::nullopt;  // two fit: no way to tell
    fit = bg;
  }
  return fit;
}

std::optional<std::string> RegisteredBg(const CaseEvidence& e, const Registry& registry) {
  if (e.kind == CaseEvidence::Kind::kBgNumber) {
    if (registry.cases.contains(e.number)) return e.number;
    return std::nullopt;
  }
  if (HasUnknownLetter(e)) return UniqueFit(e.number, registry);
  const auto it = registry.bg_by_customer_number.find(e.number);
  if (it == registry.bg_by_customer_number.end()) return std::nullopt;
  return it->second;
}

// An unregistered BG number one substitution away from exactly one registered case found in the
// same envelope is read as an OCR variant of it; returns that case.
std::optional<std::string> VariantOf(const CaseEvidence& e, const std::map<std::string, CaseSupport>& cases) {
  if (e.kind != CaseEvidence::Kind::kBgNumber) return std::nullopt;
  std::optional<std::string> match;
  for (const auto& [bg, support] : cases) {
    if (HammingDistance(e.number, bg) != 1) continue;
    if (match) return std::nullopt;  // near two cases: no way to tell
    match = bg;
  }
  return match;
}

Resolution Resolve(const Envelope& envelope, const Registry& registry) {
  Resolution r;
  for (const PageReading* page : envelope.pages) {
    auto found = FindCaseNumbers(*page);
    r.all.insert(r.all.end(), found.begin(), found.end());
  }
  std::vector<const CaseEvidence*> unregistered;
  for (const auto& e : r.all) {
    if (auto bg = RegisteredBg(e, registry)) {
      r.cases[*bg].hits.push_back(e);
    } else {
      unregistered.push_back(&e);
    }
  }
  for (const CaseEvidence* e : unregistered) {
    // Unconfirmed guesses are not evidence of an unknown case (most letter-less "customer
    // numbers" are phone numbers).
    if (e->needs_registry) continue;
    if (auto bg = VariantOf(*e, r.cases)) {
      ++r.cases[*bg].variant_hits;
    } else if (std::find(r.unknown.begin(), r.unknown.end(), e->number) == r.unknown.end()) {
      r.unknown.push_back(e->number);
    }
  }
  return r;
}

std::vector<std::string> SourcesOf(const std::vector<CaseEvidence>& evidence) {
  std::vector<std::string> sources;
  const auto has = [&](CaseEvidence::Source s) {
    return std::any_of(evidence.begin(), evidence.end(), [s](const CaseEvidence& e) { return e.source == s; });
  };
  if (has(CaseEvidence::Source::kBarcode)) sources.emplace_back("barcode");
  if (has(CaseEvidence::Source::kText)) sources.emplace_back("text");
  return sources;
}

bool SurnameFound(const std::vector<Person>& persons, const std::string& folded_text) {
  return std::any_of(persons.begin(), persons.end(), [&](const Person& p) {
    const std::string surname = Fold(p.surname);
    return surname.size() >= 2 && ContainsWord(folded_text, surname);
  });
}

bool IsUrgent(const std::string& doc_type, const std::string& folded_text) {
  if (doc_type == "objection" || doc_type == "sick_note") return true;
  return std::any_of(kUrgentWords.begin(), kUrgentWords.end(),
                     [&](std::string_view word) { return ContainsWord(folded_text, word); });
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Why the envelope cannot be tied to exactly one registered case; "" when it can.
std::string CaseProblem(const Resolution& r) {
  if (r.cases.size() > 1) {
    std::vector<std::string> numbers;
    for (const auto& [bg, support] : r.cases) numbers.push_back(bg);
    return "conflicting case numbers: " + Join(numbers);
  }
  if (!r.unknown.empty()) {
    return (r.unknown.size() == 1 ? "case number " : "case numbers ") + Join(r.unknown) + " not in registry";
  }
  if (r.cases.empty()) return "no case number found";
  return {};
}

const PageReading* FirstUnreadable(const Envelope& envelope) {
  const auto it = std::find_if(envelope.pages.begin(), envelope.pages.end(),
                               [](const PageReading* p) { return p->kind == PageKind::kUnreadable; });
  return it == envelope.pages.end() ? nullptr : *it;
}

}  // namespace

Classification ClassifyEnvelope(const Envelope& envelope, const Registry& registry, const ClassifierOptions& options) {
  Classification out;
  const std::string folded_text = FoldedEnvelopeText(envelope);
  out.doc_type = DetectDocType(envelope);
  out.team = DefaultTeam(out.doc_type);
  out.priority = IsUrgent(out.doc_type, folded_text);

  if (const PageReading* bad = FirstUnreadable(envelope)) {
    out.reason = bad->error.empty() ? bad->name + ": page could not be read" : bad->error;
    return out;
  }

  Resolution r = Resolve(envelope, registry);
  if (r.cases.size() == 1) out.bg_number = r.cases.begin()->first;
  if (auto problem = CaseProblem(r); !problem.empty()) {
    out.evidence = SourcesOf(r.all);
    out.reason = std::move(problem);
    return out;
  }

  CaseSupport& support = r.cases.begin()->second;
  support.surname_found = SurnameFound(registry.cases.at(*out.bg_number), folded_text);
  out.evidence = SourcesOf(support.hits);
  if (support.surname_found) out.evidence.emplace_back("registry");
  out.confidence = CaseConfidence(support);

  const Jobcenter* jobcenter = registry.JobcenterOf(*out.bg_number);
  if (jobcenter == nullptr) {
    out.reason = "no jobcenter registered for case number " + *out.bg_number;
  } else if (out.confidence < options.route_threshold) {
    out.reason = fmt::format("confidence {:.2f} below threshold {:.2f}", out.confidence, options.route_threshold);
  } else {
    out.routed = true;
    out.jobcenter_id = jobcenter->id;
  }
  return out;
}

}  // namespace mailroom::classifier
