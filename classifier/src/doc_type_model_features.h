// Features of the document-type model, shared by training (strings, for the model file) and
// scoring (64-bit hashes, so a page is scored without building a string per feature).
#pragma once

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

/// Lets the trainer fill in a model; the model's members stay private to everyone else.
class DocTypeModelBuilder {
 public:
  struct Row {
    std::string text;
    std::vector<std::int64_t> weights;  // per class, in thousandths
  };
  [[nodiscard]] static DocTypeModel Build(std::vector<Row> rows, std::vector<std::int64_t> bias, double temperature);
};

}  // namespace mailroom::classifier
