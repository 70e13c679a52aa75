// The type of a run of pages from their per-page model scores: shared by DetectDocType (the whole
// envelope) and SplitDocuments (each document).
#pragma once

#include <cstddef>
#include <vector>

#include "mailroom/classifier/doc_type_model.h"

namespace mailroom::classifier {

/// The first page of a document counts this many times: it carries the title and the letterhead;
/// later pages are continuations, tables or enclosures.
inline constexpr double kFirstPageWeight = 2.0;

/// Below this probability no type is claimed: "letter" is the catch-all of the vocabulary, and a
/// short or vague text ("Ich habe mich beeilt") must not become an objection by a hair.
inline constexpr double kMinTypeProbability = 0.5;

/// Type and confidence of pages [first, first + count) given each page's DocTypeModel::LogScores.
/// Pages without known features (all scores zero) add nothing; if none has any, it is a letter.
/// A best type below kMinTypeProbability gives "letter" with the letter's probability.
[[nodiscard]] DocumentSpan ScoreSpan(const std::vector<std::vector<double>>& page_logs, std::size_t first,
                                     std::size_t count);

}  // namespace mailroom::classifier
