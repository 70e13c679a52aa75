// Reading labelled pages for the document-type model: samplegen's truth.json files and the
// hand-written examples (classifier/training/examples/<doc_type>/NN.txt).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/classifier_training/doc_type_training.h"
#include "mailroom/common/result.h"

namespace mailroom::train {

/// Every content page of a truth.json that has a doc_type: its printed lines joined by '\n'.
[[nodiscard]] Result<std::vector<classifier::LabeledText>> ReadTruthPages(const std::filesystem::path& truth_file);

/// The content pages of one envelope, and where its documents start.
struct TruthEnvelope {
  std::vector<classifier::LabeledText> pages;
  /// Per page: true if a document starts there. From the envelope's "documents" list where the
  /// truth has one (samplegen --classify-mix), else wherever the doc_type changes.
  std::vector<bool> starts;
  /// Per page: the contested decision date of the document starting there, if the truth names one.
  std::vector<std::optional<std::string>> contested_dates;
};

/// The same pages grouped by envelope (truth.json's "envelope"), in scan order.
[[nodiscard]] Result<std::vector<TruthEnvelope>> ReadTruthEnvelopes(const std::filesystem::path& truth_file);

/// A range of example numbers held out: NN in [first, last].
struct HoldOut {
  int first = 9, last = 12;
};

/// "FIRST-LAST" (e.g. "9-12", "90-93"); nullopt unless both are numbers and first <= last.
[[nodiscard]] std::optional<HoldOut> ParseHoldOut(const std::string& text);

/// Hand-written examples, split by file number: those in a held-out range are tested on (one set per
/// range, in the order given), the rest trains.
struct Examples {
  std::vector<classifier::LabeledText> train;
  std::vector<std::vector<classifier::LabeledText>> held_out;  ///< per range of hold_outs
};

/// Reads dir/<doc_type>/NN.txt in name order (doc_type from DocTypeVocabulary()); each text weighs
/// `weight`. Fails on an unknown folder name or an unreadable file.
[[nodiscard]] Result<Examples> ReadExamples(const std::filesystem::path& dir, const std::vector<HoldOut>& hold_outs,
                                            int weight);

}  // namespace mailroom::train
