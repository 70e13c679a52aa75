#include "confidence.h"

#include <algorithm>
#include <set>
#include <string>

namespace mailroom::classifier {
namespace {

// A further agreeing text hit closes this share of the remaining doubt (times its own score):
// less on the same page, whose print and scan quality the first hit shares.
constexpr double kOtherPageRepeatGain = 0.4;
constexpr double kSamePageRepeatGain = 0.2;

double HitScore(const CaseEvidence& hit) {
  double score = hit.source == CaseEvidence::Source::kBarcode
                     ? kBarcodeScore
                     : std::max(hit.confidence * kTextReliability, kRegisteredTextFloor);
  if (hit.source == CaseEvidence::Source::kText && hit.needs_registry) score = std::min(score, kGuessedTextCap);
  if (hit.kind == CaseEvidence::Kind::kCustomerNumber) score *= kCustomerNumberFactor;
  return std::clamp(score, 0.0, 1.0);
}

// Best hit of one source, raised by the further hits that agree with it.
double SourceScore(const std::vector<CaseEvidence>& hits, CaseEvidence::Source source) {
  std::vector<const CaseEvidence*> own;
  for (const auto& hit : hits) {
    if (hit.source == source) own.push_back(&hit);
  }
  if (own.empty()) return 0;
  std::sort(own.begin(), own.end(), [](auto* a, auto* b) { return HitScore(*a) > HitScore(*b); });
  double doubt = 1 - HitScore(*own.front());
  std::set<std::string> pages{own.front()->page};
  for (std::size_t i = 1; i < own.size(); ++i) {
    const double gain = pages.insert(own[i]->page).second ? kOtherPageRepeatGain : kSamePageRepeatGain;
    doubt *= 1 - gain * HitScore(*own[i]);
  }
  return 1 - doubt;
}

}  // namespace

double CaseConfidence(const CaseSupport& support) {
  if (support.hits.empty() && support.typo_hits.empty() && support.sender_score <= 0) return 0;
  double doubt = 1 - SourceScore(support.hits, CaseEvidence::Source::kBarcode);
  doubt *= 1 - SourceScore(support.hits, CaseEvidence::Source::kText);
  for (const auto& typo : support.typo_hits) doubt *= 1 - kTypoFactor * HitScore(typo);
  const bool sender_only = support.hits.empty() && support.typo_hits.empty();
  doubt *= 1 - std::clamp(support.sender_score, 0.0, kMaxSenderScore) * (sender_only ? kSenderOnlyFactor : 1.0);
  double confidence = 1 - doubt;
  for (int i = 0; i < support.variant_hits; ++i) confidence *= kVariantPenalty;
  return std::min(confidence, kMaxConfidence);
}

}  // namespace mailroom::classifier
