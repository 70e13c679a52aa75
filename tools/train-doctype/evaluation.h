// Held-out figures for the document-type model: accuracy per class and a confusion matrix.
#pragma once

#include <string>
#include <vector>

#include "mailroom/classifier/doc_type_model.h"
#include "training_data.h"

namespace mailroom::train {

/// Classifies each text (one page) and returns a printable report titled `title`: overall and
/// per-class accuracy, the confusion matrix (rows: truth, columns: predicted) and the texts it got
/// wrong (first `show_errors`, shortened).
[[nodiscard]] std::string Evaluate(const classifier::DocTypeModel& model,
                                   const std::vector<classifier::LabeledText>& texts, const std::string& title,
                                   int show_errors);

/// Splits each envelope with SplitDocuments and scores every page by the type of the document it
/// lands in (what routing uses): accuracy per class, envelopes whose split matches the truth's
/// document starts exactly, and ContestedDecisionDate on the documents whose truth names a date.
[[nodiscard]] std::string EvaluateEnvelopes(const classifier::DocTypeModel& model,
                                            const std::vector<TruthEnvelope>& envelopes, const std::string& title,
                                            int show_errors);

}  // namespace mailroom::train
