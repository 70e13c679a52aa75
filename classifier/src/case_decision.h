// The case of an envelope from all its evidence: case numbers (barcodes, text) checked against the
// registry, and the sender named in the text. A page in the wrong case is a data-protection breach,
// so every doubt goes to a person, with the reason and the cases a clerk should look at first.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "sender_match.h"

namespace mailroom::classifier {

struct CaseDecision {
  bool routed = false;
  std::optional<std::string> jobcenter_id;  ///< set when routed
  std::optional<std::string> bg_number;     ///< set when one case is identified (also in review)
  double confidence = 0;
  std::vector<std::string> evidence;    ///< subset of "barcode", "text", "registry", in that order
  std::string reason;                   ///< review only; names numbers, never persons
  std::string review_kind;              ///< review only: the reason's kind (Classification::review_kind)
  std::vector<std::string> candidates;  ///< review only: BG numbers to look at, best first
  /// Routed by the person although the text carries this number: it names no registered case and
  /// no office of the registry (an old number of an office that is not ours).
  std::optional<std::string> ignored_number;
  /// The fields of the person that confirmed the case (SenderCandidate::matched); empty when no
  /// sender took part.
  std::vector<std::string> person_match;
};

/// The one sender the text names, if one stands out: strong, and every other match either clearly
/// weaker or matching only a part of what it matched. nullptr otherwise.
[[nodiscard]] const SenderCandidate* ClearSender(const std::vector<SenderCandidate>& senders);

/// The registered case a number names: a BG number directly, a customer number through the
/// registry (one with an unknown letter only if exactly one registered number fits); else nullopt.
[[nodiscard]] std::optional<std::string> RegisteredBg(const CaseEvidence& evidence, const Registry& registry);

/// The registered cases that the case numbers on `pages` name (BG numbers directly, customer
/// numbers through the registry). Unregistered numbers and unconfirmed guesses name none.
[[nodiscard]] std::set<std::string> RegisteredCasesOn(const std::vector<const PageReading*>& pages,
                                                      const Registry& registry);

/// Decides the case of `envelope` (content pages; unreadable pages are the caller's business).
/// `senders` are the sender matches of the envelope, best first; `matcher` found them, and looks at
/// single pages.
[[nodiscard]] CaseDecision DecideCase(const Envelope& envelope, const Registry& registry,
                                      const std::vector<SenderCandidate>& senders, const SenderMatcher& matcher,
                                      double route_threshold);

}  // namespace mailroom::classifier
