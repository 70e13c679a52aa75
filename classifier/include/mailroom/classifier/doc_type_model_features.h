// The part of the document-type model that scoring (mailroom::classifier) and training
// (mailroom::classifier_training, classifier/training/) must share exactly: the features of a page,
// how much each counts, and building a model from its rows. Features are strings for the model file
// in training and 64-bit hashes in scoring, so a page is scored without building a string per
// feature. Callers that only load and score a model need doc_type_model.h alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/classifier/doc_type_model.h"

namespace mailroom::classifier {

/// The distinct features of a page's raw text, sorted: "w:word", "b:word_word", "c:<gram>" (character
/// 3..5-grams of each word with '<' and '>' marking its ends). Text is folded first (text_fold.h);
/// digit runs read "0"; inside words 0/1 read o/l (OCR confuses them).
[[nodiscard]] std::vector<std::string> FeatureStrings(std::string_view text);

/// The hashes (FeatureHash) of the same features, sorted and distinct.
[[nodiscard]] std::vector<std::uint64_t> FeatureHashes(std::string_view text);

/// FNV-1a, 64 bit: stable across platforms and runs, unlike std::hash.
[[nodiscard]] std::uint64_t FeatureHash(std::string_view feature);

/// The features of a page count with weight 1/sqrt(n + kLengthDamping) (n: features of the page
/// the model knows), in training and in scoring alike: a long page is surer than a short one, but
/// not n times, and a text of a few words ("Antrag") cannot outvote the biases on its own.
inline constexpr double kLengthDamping = 100;

/// The scale of each feature of a page with `features` known features (0 for none).
[[nodiscard]] double FeatureScale(std::size_t features);

/// Fills in a model from its rows: the one way in to DocTypeModel's members (its friend), used by
/// DocTypeModel::Parse and by TrainDocTypeModel in mailroom::classifier_training. Kept to this one
/// static function so the model stays immutable and its members private to everyone else.
class DocTypeModelBuilder {
 public:
  struct Row {
    std::string text;
    std::vector<std::int64_t> weights;  // per class, in thousandths
  };
  [[nodiscard]] static DocTypeModel Build(std::vector<Row> rows, std::vector<std::int64_t> bias, double temperature);
};

}  // namespace mailroom::classifier
