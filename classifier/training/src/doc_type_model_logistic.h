// Multinomial logistic regression for the document-type model, trained by AdaGrad on binary
// features scaled by FeatureScale (doc_type_model_features.h), the scaling DocTypeModel::LogScores
// applies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mailroom::classifier {

/// One training page: the model rows of its features, its class, its weight and its fold.
struct LogisticSample {
  std::vector<std::uint32_t> features;  // distinct rows, sorted
  std::uint32_t label = 0;
  float weight = 1;
  std::uint8_t fold = 0;
};

struct LogisticWeights {
  std::vector<double> weights;  // [feature * classes + class]
  std::vector<double> bias;     // [class]
};

/// Trains on the samples whose fold is at most `max_fold` (0: the temperature model, 1: all).
/// Deterministic: a fixed shuffle, no clocks, no global random state.
[[nodiscard]] LogisticWeights TrainLogistic(const std::vector<LogisticSample>& samples, std::size_t features,
                                            std::size_t classes, int epochs, int max_fold);

/// Raw scores (logits) of one sample under `weights`.
[[nodiscard]] std::vector<double> Logits(const LogisticWeights& weights, const std::vector<std::uint32_t>& features,
                                         std::size_t classes);

}  // namespace mailroom::classifier
