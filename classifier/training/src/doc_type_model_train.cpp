// Training the document-type model: count on which pages each feature occurs (per class), keep the
// features with the most information gain (a small model file, and OCR debris left out), train
// logistic regression over them, and fit the temperature that makes its probabilities honest on
// held-out pages. Single-threaded and free of global state: same inputs, byte-identical model file.
#include "mailroom/classifier_training/doc_type_training.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "doc_type_model_logistic.h"
#include "mailroom/classifier/doc_type_model_features.h"

namespace mailroom::classifier {
namespace {

constexpr std::size_t kHoldOutEvery = 10;  // every tenth text fits the temperature (fold 1)
// Temperatures tried; the model keeps the one with the lowest log loss on held-out pages.
constexpr std::array<double, 13> kTemperatures = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0};
// Weights are stored in thousandths: plenty of precision, and short, platform-stable text.
constexpr double kWeightUnit = 1000;

std::uint64_t CopySeed(unsigned seed, std::size_t text, std::size_t copy) {
  return (static_cast<std::uint64_t>(seed) << 40) ^ (static_cast<std::uint64_t>(text) << 8) ^ copy;
}

// The texts as the trainer sees them: each with its noisy copies, labelled and assigned a fold.
struct Page {
  std::string text;
  std::uint32_t label;
  float weight;
  std::uint8_t fold;
};

Result<std::vector<Page>> Pages(const std::vector<LabeledText>& texts, const DocTypeTrainOptions& options) {
  const auto& vocabulary = DocTypeVocabulary();
  std::vector<Page> pages;
  std::vector<bool> seen(vocabulary.size(), false);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto it = std::find(vocabulary.begin(), vocabulary.end(), texts[i].doc_type);
    if (it == vocabulary.end()) return Fail(fmt::format("text {}: unknown doc_type '{}'", i + 1, texts[i].doc_type));
    const auto label = static_cast<std::uint32_t>(it - vocabulary.begin());
    seen[label] = true;
    const auto fold = static_cast<std::uint8_t>(i % kHoldOutEvery == kHoldOutEvery - 1 ? 1 : 0);
    for (int copy = 0; copy <= options.noisy_copies; ++copy) {
      pages.push_back(
          {copy == 0 ? texts[i].text : AddOcrNoise(texts[i].text, options.noise_rate, CopySeed(options.seed, i, copy)),
           label, static_cast<float>(std::max(texts[i].weight, 1)), fold});
    }
  }
  for (std::size_t c = 0; c < vocabulary.size(); ++c) {
    if (!seen[c]) return Fail(fmt::format("no training text of type '{}'", vocabulary[c]));
  }
  return pages;
}

double Entropy(const std::vector<double>& counts, double total) {
  double h = 0;
  for (double n : counts) {
    if (n > 0) h -= n / total * std::log(n / total);
  }
  return h;
}

// The features worth keeping, sorted: occurring on at least min_pages pages, ranked by the
// information their presence gives about the class (pages weighted by their weight).
std::vector<std::string> Select(const std::vector<Page>& pages, const DocTypeTrainOptions& options) {
  const std::size_t classes = DocTypeVocabulary().size();
  // Per feature: weighted pages of each class, then (last) the plain number of pages.
  std::unordered_map<std::string, std::vector<double>> counts;
  std::vector<double> class_pages(classes, 0);
  for (const Page& page : pages) {
    class_pages[page.label] += page.weight;
    for (std::string& feature : FeatureStrings(page.text)) {
      auto& row = counts[std::move(feature)];
      if (row.empty()) row.assign(classes + 1, 0);
      row[page.label] += page.weight;
      row[classes] += 1;
    }
  }
  double all = 0;
  for (double n : class_pages) all += n;
  const double prior = Entropy(class_pages, all);
  std::vector<std::pair<double, const std::string*>> ranked;
  std::vector<double> without(classes);
  std::vector<double> with(classes);
  for (const auto& [feature, row] : counts) {
    if (row[classes] < options.min_pages) continue;
    with.assign(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(classes));
    double present = 0;
    for (std::size_t c = 0; c < classes; ++c) {
      present += with[c];
      without[c] = class_pages[c] - with[c];
    }
    if (present >= all) continue;
    ranked.emplace_back(
        prior - present / all * Entropy(with, present) - (all - present) / all * Entropy(without, all - present),
        &feature);
  }
  // Ties broken by the feature text: unordered_map's order must not leak into the model.
  const std::size_t keep = std::min(options.max_features, ranked.size());
  std::partial_sort(
      ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : *a.second < *b.second; });
  std::vector<std::string> selected;
  for (std::size_t i = 0; i < keep; ++i) selected.push_back(*ranked[i].second);
  std::sort(selected.begin(), selected.end());
  return selected;
}

std::vector<LogisticSample> Samples(const std::vector<Page>& pages, const std::vector<std::string>& selected) {
  std::unordered_map<std::uint64_t, std::uint32_t> rows;
  for (std::size_t i = 0; i < selected.size(); ++i)
    rows.emplace(FeatureHash(selected[i]), static_cast<std::uint32_t>(i));
  std::vector<LogisticSample> samples;
  for (const Page& page : pages) {
    LogisticSample sample{{}, page.label, page.weight, page.fold};
    for (std::uint64_t hash : FeatureHashes(page.text)) {
      if (const auto it = rows.find(hash); it != rows.end()) sample.features.push_back(it->second);
    }
    std::sort(sample.features.begin(), sample.features.end());
    samples.push_back(std::move(sample));
  }
  return samples;
}

// The temperature with the lowest log loss on fold 1, for a model trained on fold 0 only.
double FitTemperature(const std::vector<LogisticSample>& samples, std::size_t features,
                      const DocTypeTrainOptions& options) {
  const std::size_t classes = DocTypeVocabulary().size();
  const LogisticWeights weights = TrainLogistic(samples, features, classes, options.epochs, 0);
  double best = 1, best_loss = INFINITY;
  for (double t : kTemperatures) {
    double loss = 0;
    for (const LogisticSample& s : samples) {
      if (s.fold != 1) continue;
      std::vector<double> z = Logits(weights, s.features, classes);
      const double top = *std::max_element(z.begin(), z.end());
      double total = 0;
      for (double v : z) total += std::exp(t * (v - top));
      loss -= t * (z[s.label] - top) - std::log(total);
    }
    if (loss < best_loss) {
      best = t;
      best_loss = loss;
    }
  }
  return best;
}

std::int64_t Quantised(double weight) {
  return std::llround(weight * kWeightUnit);
}

}  // namespace

Result<DocTypeModel> TrainDocTypeModel(const std::vector<LabeledText>& texts, const DocTypeTrainOptions& options) {
  auto pages = Pages(texts, options);
  if (!pages) return tl::unexpected(pages.error().Prefixed("training the doc-type model"));
  const std::vector<std::string> selected = Select(*pages, options);
  const std::vector<LogisticSample> samples = Samples(*pages, selected);
  const double temperature = FitTemperature(samples, selected.size(), options);
  const std::size_t classes = DocTypeVocabulary().size();
  const LogisticWeights weights = TrainLogistic(samples, selected.size(), classes, options.epochs, 1);

  std::vector<DocTypeModelBuilder::Row> rows;
  for (std::size_t f = 0; f < selected.size(); ++f) {
    DocTypeModelBuilder::Row row{selected[f], {}};
    for (std::size_t c = 0; c < classes; ++c) row.weights.push_back(Quantised(weights.weights[f * classes + c]));
    rows.push_back(std::move(row));
  }
  std::vector<std::int64_t> bias;
  for (double b : weights.bias) bias.push_back(Quantised(b));
  return DocTypeModelBuilder::Build(std::move(rows), std::move(bias), temperature);
}

}  // namespace mailroom::classifier
