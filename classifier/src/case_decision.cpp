// DecideCase: numbers first (a barcode or a printed number names a case exactly), then the sender
// (a name and an address name a person fuzzily). They must agree; where they do not, a person
// decides. Review reasons name numbers, never names or other personal data.
#include "case_decision.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "confidence.h"
#include "illegible_pages.h"
#include "letter_persons.h"
#include "near_numbers.h"
#include "number_format.h"
#include "unread_numbers.h"

namespace mailroom::classifier {
namespace {

// Two sender matches closer than this cannot be told apart.
constexpr double kSenderMargin = 0.15;

// The evidence of an envelope sorted by what the registry says about it.
struct Resolution {
  std::map<std::string, CaseSupport> cases;  // registered BG -> its support
  std::vector<CaseEvidence> unknown;         // unregistered numbers, first-seen order, one per number
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

// True if the unregistered number differs in exactly one character from the case's BG number or
// from the customer number of one of its persons: a typo or a misread of that case's number.
bool OneOff(const CaseEvidence& e, const std::string& bg, const Registry& registry) {
  if (e.kind == CaseEvidence::Kind::kBgNumber) return HammingDistance(e.number, bg) == 1;
  const auto it = registry.cases.find(bg);
  if (it == registry.cases.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Person& p) { return HammingDistance(e.number, p.customer_number) == 1; });
}

// An unregistered BG number read as an OCR variant of exactly one registered case found in the
// same envelope: one substitution away from it, or a heavier misread ("13661BG4589499" for
// "13601BG4509499") within two edits of it and far from every other registered case, as an unread
// number may be (MisreadOfOnly). Returns that case.
std::optional<std::string> VariantOf(const CaseEvidence& e, const std::map<std::string, CaseSupport>& cases,
                                     const Registry& registry) {
  if (e.kind != CaseEvidence::Kind::kBgNumber) return std::nullopt;
  const auto find = [&](const auto& is_variant) {
    std::optional<std::string> match;
    for (const auto& [bg, support] : cases) {
      if (!is_variant(bg)) continue;
      if (match) return std::optional<std::string>();  // near two cases: no way to tell
      match = bg;
    }
    return match;
  };
  if (auto one_off = find([&](const std::string& bg) { return HammingDistance(e.number, bg) == 1; })) return one_off;
  return find([&](const std::string& bg) { return MisreadOfOnly(e.number, bg, registry); });
}

Resolution Resolve(const std::vector<const PageReading*>& pages, const Registry& registry) {
  Resolution r;
  for (const PageReading* page : pages) {
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
    if (auto bg = VariantOf(*e, r.cases, registry)) {
      ++r.cases[*bg].variant_hits;
    } else if (std::none_of(r.unknown.begin(), r.unknown.end(),
                            [&](const CaseEvidence& u) { return u.number == e->number; })) {
      r.unknown.push_back(*e);
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

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::vector<std::string> NumbersOf(const std::vector<CaseEvidence>& evidence) {
  std::vector<std::string> numbers;
  for (const auto& e : evidence) numbers.push_back(e.number);
  return numbers;
}

const SenderCandidate* SenderOf(const std::vector<SenderCandidate>& senders, const std::string& bg) {
  const auto it =
      std::find_if(senders.begin(), senders.end(), [&](const SenderCandidate& s) { return s.bg_number == bg; });
  return it == senders.end() ? nullptr : &*it;
}

// The strong sender matches that no other match comes close to; empty if none is strong.
std::vector<const SenderCandidate*> StrongSenders(const std::vector<SenderCandidate>& senders) {
  std::vector<const SenderCandidate*> strong;
  for (const auto& s : senders) {
    if (s.score >= kStrongSenderScore) strong.push_back(&s);
  }
  return strong;
}

// True if `a` matched everything `b` matched and more ("Thomas Schubert, Feldstr. 14" against a
// Thomas Schubert elsewhere): the text then tells them apart, however close their scores.
bool MatchesMore(const SenderCandidate& a, const SenderCandidate& b) {
  return a.matched.size() > b.matched.size() &&
         std::all_of(b.matched.begin(), b.matched.end(), [&](const std::string& field) { return a.Matched(field); });
}

std::vector<std::string> BgsOf(const std::vector<SenderCandidate>& senders) {
  std::vector<std::string> bgs;
  for (const auto& s : senders) {
    if (std::find(bgs.begin(), bgs.end(), s.bg_number) == bgs.end()) bgs.push_back(s.bg_number);
  }
  return bgs;
}

CaseDecision Review(std::string kind, std::string reason, std::vector<std::string> candidates = {}) {
  CaseDecision out;
  out.review_kind = std::move(kind);
  out.reason = std::move(reason);
  out.candidates = std::move(candidates);
  return out;
}

// Exactly one registered case has numbers in the envelope.
CaseDecision DecideNumberedCase(Resolution& r, const std::vector<SenderCandidate>& senders) {
  const std::string bg = r.cases.begin()->first;
  CaseSupport& support = r.cases.begin()->second;
  const SenderCandidate* own = SenderOf(senders, bg);
  const auto strong = StrongSenders(senders);
  const auto other = std::find_if(strong.begin(), strong.end(), [&](auto* s) { return s->bg_number != bg; });
  if (own == nullptr && other != strong.end()) {
    // The number says one case, the letterhead another person: a typo that hit a registered
    // number, or a letter about someone else's case.
    CaseDecision out =
        Review("number_names_other_case",
               fmt::format("case number {} names another case than the sender ({})", bg, (*other)->bg_number),
               {bg, (*other)->bg_number});
    out.evidence = SourcesOf(r.all);
    out.evidence.emplace_back("registry");
    return out;
  }
  if (!r.unknown.empty()) {
    const auto numbers = NumbersOf(r.unknown);
    CaseDecision out =
        Review("number_not_registered",
               (numbers.size() == 1 ? "case number " : "case numbers ") + Join(numbers) + " not in registry", {bg});
    out.bg_number = bg;
    out.evidence = SourcesOf(r.all);
    return out;
  }
  CaseDecision out;
  out.bg_number = bg;
  support.sender_score = own != nullptr ? own->score : 0;
  out.evidence = SourcesOf(support.hits);
  if (own != nullptr) {
    out.evidence.emplace_back("registry");
    out.person_match = own->matched;
  }
  out.confidence = CaseConfidence(support);
  return out;
}

// The one unregistered number that cannot speak against the sender: a BG number of an office that
// no jobcenter of the registry has (an old number, or one from before a move), beside a sender that
// name, address and birth date identify, in one place or several (the sender block, the signature).
// The birth date may be read one digit off ("21.06.1072"): another person of the same name at the
// same address, born a digit away, would be a namesake son or father whom the registry does not
// know. A number of a registered office stays a conflict: it may be a case the registry does not
// know yet, or a misread of another case.
std::optional<std::string> ForeignOfficeNumber(const std::vector<CaseEvidence>& unknown, const SenderCandidate& sender,
                                               const Registry& registry) {
  if (unknown.size() != 1 || unknown.front().kind != CaseEvidence::Kind::kBgNumber) return std::nullopt;
  const std::string office = unknown.front().number.substr(0, 5);
  const bool registered_office = std::any_of(registry.jobcenters.begin(), registry.jobcenters.end(),
                                             [&](const auto& entry) { return entry.second.dienststelle == office; });
  if (registered_office) return std::nullopt;
  for (const char* field : {"surname", "given_name", "street"}) {
    if (!sender.MatchedAnywhere(field)) return std::nullopt;
  }
  if (!sender.MatchedAnywhere("birth_date") && !sender.birth_date_one_digit_off) return std::nullopt;
  return unknown.front().number;
}

CaseDecision RouteBySender(const SenderCandidate& sender) {
  CaseSupport support;
  support.sender_score = sender.score;
  CaseDecision out;
  out.bg_number = sender.bg_number;
  out.evidence = {"registry"};
  out.person_match = sender.matched;
  out.confidence = CaseConfidence(support);
  return out;
}

// The sender's case, confirmed by numbers misread from it (a typo, or digits OCR garbled).
CaseDecision RouteBySenderAndMisread(const SenderCandidate& sender, const std::vector<CaseEvidence>& misread) {
  CaseSupport support;
  support.typo_hits = misread;
  support.sender_score = sender.score;
  CaseDecision out;
  out.bg_number = sender.bg_number;
  out.evidence = SourcesOf(misread);
  out.evidence.emplace_back("registry");
  out.person_match = sender.matched;
  out.confidence = CaseConfidence(support);
  return out;
}

// Below this the OCR itself doubts a printed number (its weakest word's confidence, less what its
// repairs cost). On the first 120 pages of dev seed 4242 at 200 dpi, Tesseract rated every number
// it read right 80 % or more, and 6 of 8 it misread below 50 %.
constexpr double kDoubtfulNumberConfidence = 0.6;

// True if `e` may hold two misread digits, as likely as one in a number read well: it was read
// from a page of `pages` whose print is hard to read, or the OCR doubted the number itself (faint
// dot-matrix digits on a page whose other print reads well). A number read with confidence
// stays exact: two digits off, it may be another case of the same office.
bool DoubtfulReading(const CaseEvidence& e, const std::vector<const PageReading*>& pages) {
  if (e.source == CaseEvidence::Source::kText && e.confidence < kDoubtfulNumberConfidence) return true;
  return std::any_of(pages.begin(), pages.end(),
                     [&](const PageReading* page) { return page->name == e.page && IsHardToRead(*page); });
}

// The case numbers of an envelope that could not be read, and which case each comes nearer than
// any other (NearerToCaseThanAnyOther scans the whole registry): asked once per number and case,
// by the sender's decision and by the check that no unread number speaks against the route.
class UnreadInEnvelope {
 public:
  UnreadInEnvelope(const std::vector<const PageReading*>& pages, const Registry& registry)
      : numbers_(UnreadNumbers(pages)), registry_(registry) {}

  [[nodiscard]] const std::vector<UnreadNumber>& Numbers() const { return numbers_; }

  [[nodiscard]] bool NearerTo(const UnreadNumber& unread, const std::string& bg_number) {
    const auto key = std::make_pair(&unread, bg_number);
    const auto known = nearer_.find(key);
    if (known != nearer_.end()) return known->second;
    return nearer_[key] = NearerToCaseThanAnyOther(unread.text, bg_number, registry_);
  }

 private:
  std::vector<UnreadNumber> numbers_;
  const Registry& registry_;
  std::map<std::pair<const UnreadNumber*, std::string>, bool> nearer_;
};

// No registered number: the sender decides, alone or confirming a number with one wrong digit
// (two where the reading is doubtful, if no other case's number comes as close), or a number
// garbled beyond reading that comes nearer its case than any other.
CaseDecision DecideBySender(const Resolution& r, const std::vector<SenderCandidate>& senders, const Registry& registry,
                            const std::vector<const PageReading*>& pages, UnreadInEnvelope& unread_numbers) {
  const SenderCandidate* sender = ClearSender(senders);
  if (!r.unknown.empty()) {
    const auto numbers = NumbersOf(r.unknown);
    const bool confirmed = sender != nullptr && std::all_of(r.unknown.begin(), r.unknown.end(), [&](const auto& e) {
                             return OneOff(e, sender->bg_number, registry) ||
                                    (DoubtfulReading(e, pages) && MisreadOfOnly(e.number, sender->bg_number, registry));
                           });
    if (!confirmed && sender != nullptr) {
      if (auto ignored = ForeignOfficeNumber(r.unknown, *sender, registry)) {
        CaseDecision out = RouteBySender(*sender);
        // What identifies the person, wherever it stood.
        if (!sender->matched_anywhere.empty()) out.person_match = sender->matched_anywhere;
        out.ignored_number = std::move(ignored);
        return out;
      }
    }
    if (!confirmed) {
      CaseDecision out =
          Review("number_not_registered",
                 (numbers.size() == 1 ? "case number " : "case numbers ") + Join(numbers) + " not in registry",
                 BgsOf(senders));
      out.evidence = SourcesOf(r.all);
      return out;
    }
    return RouteBySenderAndMisread(*sender, r.unknown);
  }
  // A case number written on a page but garbled beyond reading ("85391 BU 8994415") that comes
  // nearer the sender's case than any other is that case misread: a second witness, as an
  // unregistered number two edits off it is. It needs no wider margin: the sender names the case
  // already, and only a namesake's letter whose own number OCR garbled towards the sender's case
  // would mislead both.
  if (sender != nullptr) {
    for (const UnreadNumber& unread : unread_numbers.Numbers()) {
      if (!unread_numbers.NearerTo(unread, sender->bg_number)) continue;
      CaseEvidence misread;
      misread.number = sender->bg_number;  // what it is read as
      misread.page = unread.page;
      return RouteBySenderAndMisread(*sender, {misread});
    }
  }
  if (sender == nullptr) {
    if (StrongSenders(senders).size() > 1) {
      return Review("sender_ambiguous", "sender matches several cases: " + Join(BgsOf(senders)), BgsOf(senders));
    }
    if (senders.empty()) return Review("no_case_number", "no case number found");
    return Review("sender_unclear", "no case number found and the sender is not named clearly", BgsOf(senders));
  }
  return RouteBySender(*sender);
}

}  // namespace

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

const SenderCandidate* ClearSender(const std::vector<SenderCandidate>& senders) {
  if (senders.empty() || senders.front().score < kStrongSenderScore) return nullptr;
  const SenderCandidate& best = senders.front();
  for (std::size_t i = 1; i < senders.size(); ++i) {
    if (senders[i].score > best.score - kSenderMargin && !MatchesMore(best, senders[i])) return nullptr;
  }
  return &best;
}

std::set<std::string> RegisteredCasesOn(const std::vector<const PageReading*>& pages, const Registry& registry) {
  std::set<std::string> cases;
  for (const PageReading* page : pages) {
    for (const CaseEvidence& e : FindCaseNumbers(*page)) {
      if (auto bg = RegisteredBg(e, registry)) cases.insert(*bg);
    }
  }
  return cases;
}

CaseDecision DecideCase(const Envelope& envelope, const Registry& registry, const std::vector<SenderCandidate>& senders,
                        const SenderMatcher& matcher, double route_threshold) {
  Resolution r = Resolve(envelope.pages, registry);
  CaseDecision out;
  if (r.cases.size() > 1) {
    std::vector<std::string> numbers;
    for (const auto& [bg, support] : r.cases) numbers.push_back(bg);
    out = Review("conflicting_numbers", "conflicting case numbers: " + Join(numbers), numbers);
    out.evidence = SourcesOf(r.all);
    return out;
  }
  UnreadInEnvelope unread_numbers(envelope.pages, registry);
  out = r.cases.size() == 1 ? DecideNumberedCase(r, senders)
                            : DecideBySender(r, senders, registry, envelope.pages, unread_numbers);
  if (!out.reason.empty()) return out;
  // A case number is written on a page and could not be read: it may be another household's, also
  // beside the case's own number ("the papers of my neighbour, BG-Nummer ..."). A person reads it,
  // unless what was read of it comes nearer the case's own number than any other case's (a
  // neighbour's number garbled that far towards this case's would have to be misread at the
  // very digits that tell them apart), or the page is a letter addressed to the case's person:
  // the number it quotes is theirs.
  for (const UnreadNumber& unread : unread_numbers.Numbers()) {
    if (unread_numbers.NearerTo(unread, *out.bg_number)) continue;
    const auto page = std::find_if(envelope.pages.begin(), envelope.pages.end(),
                                   [&](const PageReading* p) { return p->name == unread.page; });
    if (page != envelope.pages.end() && AddressedToPersonOf(**page, *out.bg_number, matcher)) continue;
    return Review("case_number_unreadable", unread.page + ": a case number is written there but could not be read",
                  {*out.bg_number});
  }
  if (r.all.empty()) {
    // Faint print: even the label of a number may be garbled beyond recognition. The sender alone
    // must not decide over a page much of which was not read, unless the page names the case's
    // person itself or continues the page before it: a number missed there is theirs.
    if (const PageReading* hard = HardToReadWithoutOwnPerson(envelope.pages, *out.bg_number, matcher)) {
      return Review("illegible_page",
                    hard->name +
                        ": its print is hard to read, and only the sender names a case: a case number "
                        "on it may have been missed",
                    {*out.bg_number});
    }
  }

  const Jobcenter* jobcenter = registry.JobcenterOf(*out.bg_number);
  if (jobcenter == nullptr) {
    out.review_kind = "no_jobcenter";
    out.reason = "no jobcenter registered for case number " + *out.bg_number;
    out.candidates = {*out.bg_number};
  } else if (out.confidence < route_threshold) {
    out.review_kind = "low_confidence";
    out.reason = fmt::format("confidence {:.2f} below threshold {:.2f}", out.confidence, route_threshold);
    out.candidates = {*out.bg_number};
  } else {
    out.routed = true;
    out.jobcenter_id = jobcenter->id;
  }
  return out;
}

}  // namespace mailroom::classifier
