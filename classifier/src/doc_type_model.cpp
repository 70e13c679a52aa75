// Loading, saving and scoring the document-type model. Training is not part of the runtime: it is
// mailroom::classifier_training (classifier/training/src/doc_type_model_train.cpp).
#include "mailroom/classifier/doc_type_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "mailroom/classifier/doc_type_model_features.h"

namespace mailroom::classifier {

// Generated at build time from classifier/model/doctype.model (classifier/model/embed_model.cmake).
extern const char kEmbeddedDocTypeModel[];

namespace {

constexpr std::string_view kHeader = "mailroom-doctype-lr 1";
constexpr double kWeightUnit = 1000;  // the file stores weights in thousandths

std::vector<std::string_view> SplitSpaces(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != ' ') continue;
    if (i > start) out.push_back(line.substr(start, i - start));
    start = i + 1;
  }
  return out;
}

// Reads lines one by one and reports errors as "origin: line N: reason".
class LineReader {
 public:
  LineReader(std::string_view text, std::string_view origin) : text_(text), origin_(origin) {}
  bool Next(std::string_view& line) {
    if (at_ >= text_.size()) return false;
    const std::size_t end = std::min(text_.find('\n', at_), text_.size());
    line = text_.substr(at_, end - at_);
    at_ = end + 1;
    ++number_;
    return true;
  }
  [[nodiscard]] tl::unexpected<Error> Fail(const std::string& reason) const {
    return mailroom::Fail(fmt::format("{}: line {}: {}", origin_, number_, reason));
  }

 private:
  std::string_view text_;
  std::string_view origin_;
  std::size_t at_ = 0;
  int number_ = 0;
};

bool ParseDouble(std::string_view text, double& value) {
  const std::string copy(text);  // strtod needs a terminated string
  char* end = nullptr;
  value = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && std::isfinite(value);
}

// "name value" with a positive number.
Result<double> ParseParameter(LineReader& reader, std::string_view name) {
  std::string_view line;
  if (!reader.Next(line)) return reader.Fail(fmt::format("missing '{}'", name));
  const auto fields = SplitSpaces(line);
  double value = 0;
  if (fields.size() != 2 || fields[0] != name || !ParseDouble(fields[1], value) || value <= 0) {
    return reader.Fail(fmt::format("expected '{} <positive number>'", name));
  }
  return value;
}

bool ParseInteger(std::string_view text, std::int64_t& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// `fields[first..]` as one integer per class.
Result<std::vector<std::int64_t>> ParseWeights(const LineReader& reader, const std::vector<std::string_view>& fields,
                                               std::size_t first) {
  const std::size_t classes = DocTypeVocabulary().size();
  if (fields.size() != first + classes) return reader.Fail(fmt::format("expected {} weights", classes));
  std::vector<std::int64_t> weights(classes);
  for (std::size_t c = 0; c < classes; ++c) {
    if (!ParseInteger(fields[first + c], weights[c]))
      return reader.Fail(fmt::format("bad weight '{}'", fields[first + c]));
  }
  return weights;
}

Result<DocTypeModelBuilder::Row> ParseFeature(const LineReader& reader, std::string_view line) {
  const auto fields = SplitSpaces(line);
  if (fields.empty()) return reader.Fail("expected a feature and its weights");
  auto weights = ParseWeights(reader, fields, 1);
  if (!weights) return tl::unexpected(weights.error());
  return DocTypeModelBuilder::Row{std::string(fields[0]), std::move(*weights)};
}

}  // namespace

const std::vector<std::string>& DocTypeVocabulary() {
  static const std::vector<std::string> kVocabulary = {"application", "change_notice", "bank_statement",
                                                       "payslip",     "sick_note",     "objection",
                                                       "rent",        "job_search",    "letter"};
  return kVocabulary;
}

Result<DocTypeModel> DocTypeModel::Parse(std::string_view text, std::string_view origin) {
  LineReader reader(text, origin);
  std::string_view line;
  if (!reader.Next(line) || line != kHeader)
    return reader.Fail(fmt::format("not a model file (expected '{}')", kHeader));
  if (!reader.Next(line)) return reader.Fail("missing 'classes'");
  const auto classes = SplitSpaces(line);
  const auto& vocabulary = DocTypeVocabulary();
  if (classes.empty() || classes[0] != "classes" ||
      !std::equal(classes.begin() + 1, classes.end(), vocabulary.begin(), vocabulary.end())) {
    return reader.Fail("classes differ from the doc_type vocabulary");
  }
  const auto temperature = ParseParameter(reader, "temperature");
  if (!temperature) return tl::unexpected(temperature.error());
  if (!reader.Next(line)) return reader.Fail("missing 'bias'");
  const auto bias_fields = SplitSpaces(line);
  if (bias_fields.empty() || bias_fields[0] != "bias") return reader.Fail("expected 'bias' and one weight per class");
  auto bias = ParseWeights(reader, bias_fields, 1);
  if (!bias) return tl::unexpected(bias.error());
  const auto count = ParseParameter(reader, "features");
  if (!count) return tl::unexpected(count.error());

  std::vector<DocTypeModelBuilder::Row> rows;
  while (reader.Next(line)) {
    if (line.empty()) continue;
    auto row = ParseFeature(reader, line);
    if (!row) return tl::unexpected(row.error());
    rows.push_back(std::move(*row));
  }
  if (rows.size() != static_cast<std::size_t>(*count)) {
    return mailroom::Fail(fmt::format("{}: {} features announced, {} found (truncated?)", origin, *count, rows.size()));
  }
  return DocTypeModelBuilder::Build(std::move(rows), std::move(*bias), *temperature);
}

Result<DocTypeModel> DocTypeModel::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(fmt::format("{}: cannot open model file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Fail(fmt::format("{}: read error", path.string()));
  return Parse(text.str(), path.string());
}

const DocTypeModel& DocTypeModel::Embedded() {
  // A broken embedded model is a build defect, not an expected failure: fail loudly once.
  static const DocTypeModel kModel = [] {
    auto model = Parse(kEmbeddedDocTypeModel, "embedded doctype.model");
    if (!model) throw std::logic_error(model.error().message);
    return std::move(*model);
  }();
  return kModel;
}

void DocTypeModel::Finish() {
  const std::size_t classes = DocTypeVocabulary().size();
  weight_.assign(features_.size() * classes, 0);
  index_.clear();
  for (std::size_t row = 0; row < features_.size(); ++row) {
    for (std::size_t c = 0; c < classes; ++c) {
      weight_[row * classes + c] = static_cast<float>(static_cast<double>(features_[row].weights[c]) / kWeightUnit);
    }
    index_.emplace(FeatureHash(features_[row].text), row);
  }
}

DocTypeModel DocTypeModelBuilder::Build(std::vector<Row> rows, std::vector<std::int64_t> bias, double temperature) {
  DocTypeModel model;
  model.temperature_ = temperature;
  model.bias_ = std::move(bias);
  for (Row& row : rows) model.features_.push_back({std::move(row.text), std::move(row.weights)});
  model.Finish();
  return model;
}

std::vector<double> DocTypeModel::LogScores(std::string_view text, std::size_t* known_features) const {
  const std::size_t classes = DocTypeVocabulary().size();
  std::vector<double> sums(classes, 0);
  std::size_t known = 0;
  for (std::uint64_t hash : FeatureHashes(text)) {
    const auto it = index_.find(hash);
    if (it == index_.end()) continue;
    ++known;
    const float* row = &weight_[it->second * classes];
    for (std::size_t c = 0; c < classes; ++c) sums[c] += row[c];
  }
  if (known_features != nullptr) *known_features = known;
  if (known == 0) return sums;
  const double scale = FeatureScale(known);  // as in training

  for (std::size_t c = 0; c < classes; ++c)
    sums[c] = temperature_ * (sums[c] * scale + static_cast<double>(bias_[c]) / kWeightUnit);
  const double top = *std::max_element(sums.begin(), sums.end());
  for (double& s : sums) s -= top;
  return sums;
}

std::vector<std::pair<std::string, double>> DocTypeModel::Scores(std::string_view text) const {
  const auto& vocabulary = DocTypeVocabulary();
  std::size_t known = 0;
  const std::vector<double> logs = LogScores(text, &known);
  std::vector<std::pair<std::string, double>> out;
  double total = 0;
  for (std::size_t c = 0; c < vocabulary.size(); ++c) {
    const double p = known == 0 ? (vocabulary[c] == "letter" ? 1.0 : 0.0) : std::exp(logs[c]);
    out.emplace_back(vocabulary[c], p);
    total += p;
  }
  for (auto& entry : out) entry.second /= total;
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

std::string DocTypeModel::Serialize() const {
  std::string out;
  out += fmt::format("{}\nclasses", kHeader);
  for (const std::string& name : DocTypeVocabulary()) out += " " + name;
  out += fmt::format("\ntemperature {:.6g}\nbias", temperature_);
  for (std::int64_t b : bias_) out += fmt::format(" {}", b);
  out += fmt::format("\nfeatures {}\n", features_.size());
  for (const Feature& f : features_) {
    out += f.text;
    for (std::int64_t w : f.weights) out += fmt::format(" {}", w);
    out += '\n';
  }
  return out;
}

}  // namespace mailroom::classifier
