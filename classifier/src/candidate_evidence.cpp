#include "candidate_evidence.h"

#include <algorithm>
#include <map>

#include "case_decision.h"
#include "confidence.h"

namespace mailroom::classifier {
namespace {

bool Any(const std::vector<CaseEvidence>& hits, bool (*test)(const CaseEvidence&)) {
  return std::any_of(hits.begin(), hits.end(), test);
}

// The three places a clerk looks for a number: the barcode, the printed BG number, the customer
// number in the text (which names the case only through the registry).
std::vector<std::string> PlacesOf(const std::vector<CaseEvidence>& hits) {
  using Source = CaseEvidence::Source;
  using Kind = CaseEvidence::Kind;
  std::vector<std::string> places;
  if (Any(hits, [](const CaseEvidence& e) { return e.source == Source::kBarcode; })) places.emplace_back("barcode");
  if (Any(hits, [](const CaseEvidence& e) { return e.source == Source::kText && e.kind == Kind::kBgNumber; })) {
    places.emplace_back("printed_bg");
  }
  if (Any(hits, [](const CaseEvidence& e) { return e.source == Source::kText && e.kind == Kind::kCustomerNumber; })) {
    places.emplace_back("customer_number");
  }
  return places;
}

}  // namespace

std::vector<CandidateEvidence> EvidenceOfCandidates(const std::vector<std::string>& candidates,
                                                    const std::vector<const PageReading*>& pages,
                                                    const Registry& registry,
                                                    const std::vector<SenderCandidate>& senders) {
  if (candidates.empty()) return {};
  // The numbers are found again here rather than handed down from the decision: only review
  // envelopes pay for it, and the decision's many review paths stay as they are.
  std::map<std::string, std::vector<CaseEvidence>> hits;
  for (const PageReading* page : pages) {
    for (CaseEvidence& e : FindCaseNumbers(*page)) {
      if (auto bg = RegisteredBg(e, registry)) hits[*bg].push_back(std::move(e));
    }
  }
  std::vector<CandidateEvidence> out;
  for (const std::string& bg : candidates) {
    CandidateEvidence evidence;
    evidence.bg_number = bg;
    if (const Jobcenter* jobcenter = registry.JobcenterOf(bg)) evidence.jobcenter_id = jobcenter->id;
    CaseSupport support;
    if (auto it = hits.find(bg); it != hits.end()) support.hits = it->second;
    evidence.numbers = PlacesOf(support.hits);
    // Senders come best first: the first match of the case is its best person.
    const auto sender =
        std::find_if(senders.begin(), senders.end(), [&](const SenderCandidate& s) { return s.bg_number == bg; });
    if (sender != senders.end()) {
      evidence.person_match = sender->matched;
      support.sender_score = sender->score;
    }
    evidence.score = CaseConfidence(support);
    out.push_back(std::move(evidence));
  }
  return out;
}

}  // namespace mailroom::classifier
