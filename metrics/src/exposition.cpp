#include "exposition.h"

#include <fmt/format.h>

#include <cmath>

namespace mailroom::metrics {
namespace {

std::string Escape(std::string_view text, bool quote) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string EscapeHelp(std::string_view text) {
  return Escape(text, false);
}

std::string EscapeLabelValue(std::string_view text) {
  return Escape(text, true);
}

std::vector<std::string> SplitLabelNames(std::string_view labels) {
  std::vector<std::string> names;
  while (!labels.empty()) {
    const size_t comma = labels.find(',');
    names.emplace_back(labels.substr(0, comma));
    if (comma == std::string_view::npos) break;
    labels.remove_prefix(comma + 1);
  }
  return names;
}

std::string LabelText(const std::vector<std::string>& names, const std::vector<std::string>& values,
                      const std::pair<std::string, std::string>& extra) {
  std::string text;
  for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
    text += fmt::format("{}{}=\"{}\"", text.empty() ? "" : ",", names[i], EscapeLabelValue(values[i]));
  }
  if (!extra.first.empty()) {
    text += fmt::format("{}{}=\"{}\"", text.empty() ? "" : ",", extra.first, EscapeLabelValue(extra.second));
  }
  return text.empty() ? text : "{" + text + "}";
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

}  // namespace mailroom::metrics
