// The document-type model: multinomial logistic regression over word unigrams, word bigrams and
// character 3..5-grams of folded page text (see text_fold.h), trained on generated and hand-written
// pages with synthetic OCR noise. The trained model ships inside the library (classifier/model/
// doctype.model, embedded at build time), so callers need no model path; Load() overrides it.
// This header loads, scores and serialises a model; training one is mailroom::classifier_training
// (mailroom/classifier_training/doc_type_training.h), which the runtime does not link.
// Also here: splitting an envelope into documents, and the date of the decision an objection contests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/flow/page_reading.h"

namespace mailroom::classifier {

/// The doc_type vocabulary of CONTRACT.md, in the model file's class order.
[[nodiscard]] const std::vector<std::string>& DocTypeVocabulary();

/// A trained document-type model. Immutable after construction; Scores() is thread-safe.
class DocTypeModel {
 public:
  /// Reads and parses a model file. The error names the file and the reason.
  [[nodiscard]] static Result<DocTypeModel> Load(const std::filesystem::path& path);
  /// Parses model text (the format Serialize() writes); `origin` names it in errors ("doctype.model").
  [[nodiscard]] static Result<DocTypeModel> Parse(std::string_view text, std::string_view origin);
  /// The model built into the library from classifier/model/doctype.model. Parsed once, on first use.
  [[nodiscard]] static const DocTypeModel& Embedded();

  /// Probability of each doc type for `text` (one page, raw OCR text), summing to 1, best first.
  /// A text without any known feature is a plain letter: {"letter", 1.0} first, the rest 0.
  [[nodiscard]] std::vector<std::pair<std::string, double>> Scores(std::string_view text) const;

  /// Per-class scores before normalisation, in DocTypeVocabulary() order: the calibrated log-odds
  /// (up to a constant) that SplitDocuments and DetectDocType add up across pages. Empty features:
  /// all zero, and `known_features` (if given) is set to 0.
  [[nodiscard]] std::vector<double> LogScores(std::string_view text, std::size_t* known_features = nullptr) const;

  /// The model in its text format: a version header, the classes, the temperature, the biases, then
  /// one line per feature ("feature w_1 ... w_9", weights in thousandths), features sorted.
  /// Same model -> byte-identical text.
  [[nodiscard]] std::string Serialize() const;

  [[nodiscard]] std::size_t FeatureCount() const { return features_.size(); }

 private:
  // The one way to fill in a model from its rows, for Parse() and for the training library
  // (declared in doc_type_model_features.h): the members stay private and the model immutable.
  friend class DocTypeModelBuilder;
  struct Feature {
    std::string text;
    std::vector<std::int64_t> weights;  // per class, in thousandths (as in the file)
  };
  void Finish();  // derives the float weights and the hash index from features_

  double temperature_ = 1.0;        // calibrates the logits (fitted on held-out pages)
  std::vector<std::int64_t> bias_;  // per class, in thousandths
  std::vector<Feature> features_;
  std::vector<float> weight_;                             // [row * classes + class], in units
  std::unordered_map<std::uint64_t, std::size_t> index_;  // feature hash -> row
};

/// A run of pages of one envelope that form one document.
struct DocumentSpan {
  std::size_t first = 0;  ///< index into the pages given to SplitDocuments
  std::size_t count = 0;  ///< pages in the document (>= 1)
  std::string doc_type;   ///< CONTRACT.md vocabulary
  double confidence = 0;  ///< 0..1: the model's probability of doc_type over the span
};

/// Splits an envelope's content pages (scan order) into documents. A new document starts where the
/// page's type changes and the page looks like a first page (a title, a salutation, "Seite 1 von N")
/// or the model is sure of the change; a page numbered "Seite 2 von 3" always continues. One span
/// over all pages if they are one document; empty if `pages` is empty. Thread-safe.
[[nodiscard]] std::vector<DocumentSpan> SplitDocuments(const std::vector<const PageReading*>& pages,
                                                       const DocTypeModel& model);

/// The date of the decision an objection contests, as "YYYY-MM-DD": "Widerspruch gegen den Bescheid
/// vom 14.03.2025", "Ihren Bescheid vom 14. März 2025", "Änderungsbescheid vom 14.3.25", with OCR
/// confusions in the digits (O/0, l/1, S/5, B/8). The first "...bescheid" followed by a date wins;
/// failing that, a date right after "Widerspruch gegen ...". nullopt if there is none.
[[nodiscard]] std::optional<std::string> ContestedDecisionDate(std::string_view text);

}  // namespace mailroom::classifier
