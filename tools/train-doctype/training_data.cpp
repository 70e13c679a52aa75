#include "training_data.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mailroom::train {
namespace fs = std::filesystem;

namespace {

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(fmt::format("{}: cannot open", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

namespace {

// Document starts and contested dates by page file, from the envelopes' "documents" lists.
struct DocumentStarts {
  std::map<std::string, std::optional<std::string>> start_dates;  // first page -> contested date
  std::set<std::string> listed;                                   // pages of envelopes that list documents
};

DocumentStarts ReadDocumentStarts(const nlohmann::json& truth) {
  DocumentStarts out;
  if (!truth.contains("envelopes")) return out;
  for (const auto& envelope : truth.at("envelopes")) {
    if (!envelope.contains("documents")) continue;
    for (const auto& document : envelope.at("documents")) {
      const auto& pages = document.at("pages");
      if (pages.empty()) continue;
      for (const auto& page : pages) out.listed.insert(page.get<std::string>());
      const auto& date = document.value("contested_decision_date", nlohmann::json());
      out.start_dates[pages.front().get<std::string>()] =
          date.is_string() ? std::optional<std::string>(date.get<std::string>()) : std::nullopt;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<TruthEnvelope>> ReadTruthEnvelopes(const fs::path& truth_file) {
  auto text = ReadFile(truth_file);
  if (!text) return tl::unexpected(text.error());
  std::vector<TruthEnvelope> out;
  try {
    const auto truth = nlohmann::json::parse(*text);
    const DocumentStarts documents = ReadDocumentStarts(truth);
    int envelope = -1;
    for (const auto& page : truth.at("pages")) {
      if (page.at("kind") != "content" || !page.at("doc_type").is_string()) continue;
      std::string joined;
      for (const auto& line : page.at("lines")) joined += line.get<std::string>() + "\n";
      const bool new_envelope = page.at("envelope").get<int>() != envelope || out.empty();
      if (new_envelope) out.emplace_back();
      envelope = page.at("envelope").get<int>();
      TruthEnvelope& current = out.back();
      const std::string file = page.at("file").get<std::string>();
      const std::string type = page.at("doc_type").get<std::string>();
      const auto start = documents.start_dates.find(file);
      const bool listed = documents.listed.count(file) > 0;
      current.starts.push_back(new_envelope ||
                               (listed ? start != documents.start_dates.end() : current.pages.back().doc_type != type));
      current.contested_dates.push_back(start != documents.start_dates.end() ? start->second : std::nullopt);
      current.pages.push_back({std::move(joined), type, 1});
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(fmt::format("{}: {}", truth_file.string(), e.what()));
  }
  return out;
}

Result<std::vector<classifier::LabeledText>> ReadTruthPages(const fs::path& truth_file) {
  auto envelopes = ReadTruthEnvelopes(truth_file);
  if (!envelopes) return tl::unexpected(envelopes.error());
  std::vector<classifier::LabeledText> out;
  for (auto& envelope : *envelopes) {
    for (auto& page : envelope.pages) out.push_back(std::move(page));
  }
  return out;
}

std::optional<HoldOut> ParseHoldOut(const std::string& text) {
  const auto dash = text.find('-');
  if (dash == std::string::npos) return std::nullopt;
  const std::string first = text.substr(0, dash), last = text.substr(dash + 1);
  const auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(first) || !digits(last)) return std::nullopt;
  HoldOut out{std::stoi(first), std::stoi(last)};
  if (out.first > out.last) return std::nullopt;
  return out;
}

Result<Examples> ReadExamples(const fs::path& dir, const std::vector<HoldOut>& hold_outs, int weight) {
  const auto& vocabulary = classifier::DocTypeVocabulary();
  Examples out;
  out.held_out.resize(hold_outs.size());
  std::error_code ec;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  if (ec) return Fail(fmt::format("{}: {}", dir.string(), ec.message()));
  std::sort(folders.begin(), folders.end());  // directory order differs between file systems
  for (const fs::path& folder : folders) {
    const std::string type = folder.filename().string();
    if (std::find(vocabulary.begin(), vocabulary.end(), type) == vocabulary.end()) {
      return Fail(fmt::format("{}: not a doc_type", folder.string()));
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      auto text = ReadFile(file);
      if (!text) return tl::unexpected(text.error());
      const int number = std::atoi(file.stem().string().c_str());
      const auto range = std::find_if(hold_outs.begin(), hold_outs.end(),
                                      [number](const HoldOut& h) { return number >= h.first && number <= h.last; });
      (range == hold_outs.end() ? out.train : out.held_out[static_cast<std::size_t>(range - hold_outs.begin())])
          .push_back({std::move(*text), type, weight});
    }
  }
  return out;
}

}  // namespace mailroom::train
