// The evidence of each candidate case of a review, for the clerk at the review desk: the decision
// says which cases to look at, this says why each one is offered.
#pragma once

#include <string>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/flow/page_reading.h"
#include "sender_match.h"

namespace mailroom::classifier {

/// For each of `candidates` (BG numbers), in their order: where a number of the case was read on
/// `pages` (the envelope's content pages), which fields of its person `senders` (the envelope's
/// sender matches) matched, and the confidence the case would have from that evidence alone.
/// A candidate without evidence of its own on the pages gets an entry with no numbers, no fields
/// and score 0.
[[nodiscard]] std::vector<CandidateEvidence> EvidenceOfCandidates(const std::vector<std::string>& candidates,
                                                                  const std::vector<const PageReading*>& pages,
                                                                  const Registry& registry,
                                                                  const std::vector<SenderCandidate>& senders);

}  // namespace mailroom::classifier
