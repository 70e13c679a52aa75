#include "desk_examples.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mailroom::train {
namespace fs = std::filesystem;

namespace {

// The format review::LabelledExampleJson writes (review/include/mailroom/review/labelled_examples.h).
constexpr int kDeskExampleSchema = 1;

Result<nlohmann::json> ReadJsonFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail(fmt::format("{}: cannot open", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  // The parser's message says where, never what: it does not quote the page text.
  auto json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    return Fail(fmt::format("{}: not a desk example (JSON object)", file.string()));
  return json;
}

Result<std::vector<std::string>> Pages(const nlohmann::json& example, const fs::path& file) {
  const auto pages = example.find("pages");
  if (pages == example.end() || !pages->is_array()) return Fail(fmt::format("{}: no \"pages\" array", file.string()));
  std::vector<std::string> out;
  for (const auto& page : *pages) {
    if (!page.is_string()) return Fail(fmt::format("{}: a page that is not a text", file.string()));
    out.push_back(page.get<std::string>());
  }
  return out;
}

}  // namespace

Result<DeskExamples> ReadDeskExamples(const fs::path& dir, int weight) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) return Fail(fmt::format("{}: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());  // directory order differs between file systems
  const auto& vocabulary = classifier::DocTypeVocabulary();
  DeskExamples out;
  for (const fs::path& file : files) {
    auto example = ReadJsonFile(file);
    if (!example) return tl::unexpected(example.error());
    const auto version = example->find("schema_version");
    if (version == example->end() || !version->is_number_integer() || *version != kDeskExampleSchema) {
      return Fail(fmt::format("{}: schema_version is not {}", file.string(), kDeskExampleSchema));
    }
    const auto doc_type = example->find("doc_type");
    const std::string type = doc_type != example->end() && doc_type->is_string() ? doc_type->get<std::string>() : "";
    if (std::find(vocabulary.begin(), vocabulary.end(), type) == vocabulary.end()) {
      return Fail(fmt::format("{}: doc_type '{}' is not a doc_type", file.string(), type));
    }
    auto pages = Pages(*example, file);
    if (!pages) return tl::unexpected(pages.error());
    for (auto& page : *pages) out.pages.push_back({std::move(page), type, weight});
    ++out.documents;
  }
  return out;
}

}  // namespace mailroom::train
