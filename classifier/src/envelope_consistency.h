// Evidence is per document, consistency per envelope. An envelope may hold the mail of two
// households (a neighbour's application put in with one's own letter): the envelope's case, decided
// over all its pages, would then carry the second household's social data into the first one's
// case. So every part of the envelope (each document, and each page of a document of several
// pages, in case the split missed a boundary) is asked on its own which case it points to, and an
// envelope whose parts point to different registered cases goes to a person as a whole.
#pragma once

#include <optional>
#include <vector>

#include "case_decision.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/flow/page_reading.h"
#include "sender_match.h"

namespace mailroom::classifier {

/// Pages of one envelope that are looked at on their own: a document, or one page of it.
using EnvelopePart = std::vector<const PageReading*>;

/// The review that replaces `decision` when the parts point to different registered cases:
/// - two parts each identify a case of their own (a registered number, or without any number a
///   sender that stands out), and the cases differ; or
/// - `decision` has a case, and a part names a registered number of another case, or names persons
///   strongly of whom none belongs to the decision's case (another household's person).
/// A part without evidence of its own inherits the envelope's case: nullopt.
/// The review's kind is "conflicting_cases", its candidates the cases in the order found.
[[nodiscard]] std::optional<CaseDecision> FindConflictingParts(const std::vector<EnvelopePart>& parts,
                                                               const CaseDecision& decision, const Registry& registry,
                                                               const SenderMatcher& senders);

}  // namespace mailroom::classifier
