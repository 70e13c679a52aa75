// Training the document-type model (mailroom::classifier_training): the labelled texts, the
// options, the trainer and the synthetic OCR noise it trains on. Only tools/train-doctype and the
// tests link this library; the runtime (the mailroom command, the workers) loads and scores the
// trained model through mailroom/classifier/doc_type_model.h. The declarations stay in the
// classifier's namespace: they train the classifier's DocTypeModel.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/common/result.h"

namespace mailroom::classifier {

/// One labelled training text: a page's text and its doc type (from DocTypeVocabulary()).
struct LabeledText {
  std::string text;
  std::string doc_type;
  int weight = 1;  ///< weight in training (hand-written examples weigh more than generated pages)
};

/// How TrainDocTypeModel trains. A default-constructed object works.
struct DocTypeTrainOptions {
  unsigned seed = 1;                 ///< OCR-noise seed; same inputs and seed -> byte-identical model
  int noisy_copies = 2;              ///< noisy copies of every text besides the clean one
  double noise_rate = 0.04;          ///< chance per character of an OCR error in a noisy copy
  int min_pages = 3;                 ///< a feature must occur on at least this many training pages
  std::size_t max_features = 16000;  ///< keep the features with the highest information gain
  int epochs = 10;                   ///< passes of the logistic-regression training
};

/// Trains a model on `texts` (each with options.noisy_copies noisy copies). Every tenth text (by
/// position) first calibrates the temperature of a model trained without it; the returned model is
/// then trained on all texts. Fails on an unknown doc type or when a class has no text.
/// Deterministic: no clocks, no global random state.
[[nodiscard]] Result<DocTypeModel> TrainDocTypeModel(const std::vector<LabeledText>& texts,
                                                     const DocTypeTrainOptions& options = {});

/// Adds OCR-like errors to `text` (rn/m, l/1/I, O/0, e/c confusions, dropped and merged characters,
/// words split or hyphenated across a line break, lost umlauts), about `rate` per character.
/// Deterministic for `seed`.
[[nodiscard]] std::string AddOcrNoise(std::string_view text, double rate, std::uint64_t seed);

}  // namespace mailroom::classifier
