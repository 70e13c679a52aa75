// Reading a Prometheus text exposition (what /metrics answers) in tests.
#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace mailroom::testing {

/// Every sample line as written, "name{labels}" -> value; comments skipped.
inline std::map<std::string, double> ParseSamples(const std::string& text) {
  std::map<std::string, double> samples;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    if (space == std::string::npos) continue;
    samples[line.substr(0, space)] = std::stod(line.substr(space + 1));
  }
  return samples;
}

/// The sum of the samples of metric `name` whose labels contain every one of `labels`, each
/// written as in the text: R"(stage="ocr")".
inline double Sum(const std::map<std::string, double>& samples, const std::string& name,
                  const std::vector<std::string>& labels = {}) {
  double sum = 0;
  for (const auto& [series, value] : samples) {
    if (series != name && series.rfind(name + "{", 0) != 0) continue;
    bool all = true;
    for (const auto& label : labels) all = all && series.find(label) != std::string::npos;
    if (all) sum += value;
  }
  return sum;
}

}  // namespace mailroom::testing
