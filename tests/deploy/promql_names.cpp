#include "promql_names.h"

#include <array>
#include <cctype>

#include "mailroom/metrics/catalogue.h"

namespace mailroom::testing {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ':';
}
bool IsNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ':';
}

// `expr` with everything that is not an expression identifier blanked out: strings, the insides
// of {...} and [...], comments.
std::string Blanked(std::string_view expr) {
  std::string out(expr);
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (quote != 0) {
      if (c == '\\' && quote != '`' && i + 1 < out.size())
        out[i++] = ' ';  // the escaped character
      else if (c == quote)
        quote = 0;
      out[i] = ' ';
    } else if (c == '"' || c == '\'' || c == '`') {
      quote = c;
      out[i] = ' ';
    } else if (c == '#') {
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
    } else if (c == '{' || c == '[') {
      ++depth;
      out[i] = ' ';
    } else if (c == '}' || c == ']') {
      --depth;
      out[i] = ' ';
    } else if (depth > 0) {
      out[i] = ' ';
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::set<std::string> SeriesNames(std::string_view expr) {
  const std::string text = Blanked(expr);
  std::set<std::string> names;
  for (size_t i = 0; i < text.size();) {
    // An identifier starts after a character that cannot be part of a name or a number (5m, 1e3).
    if (!IsNameStart(text[i]) || (i > 0 && (IsNameChar(text[i - 1]) || text[i - 1] == '.'))) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsNameChar(text[end])) ++end;
    const std::string name = text.substr(i, end - i);
    if (StartsWith(name, "mailroom_") || StartsWith(name, "process_") || name.find(':') != std::string::npos) {
      names.insert(name);
    }
    i = end;
  }
  return names;
}

bool InCatalogue(std::string_view name) {
  if (metrics::FindMetric(name) != nullptr) return true;
  for (std::string_view suffix : std::array<std::string_view, 3>{"_bucket", "_sum", "_count"}) {
    if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) continue;
    const auto* base = metrics::FindMetric(name.substr(0, name.size() - suffix.size()));
    if (base != nullptr && base->type == metrics::Type::kHistogram) return true;
  }
  return false;
}

std::set<std::string> UnknownSeries(std::string_view expr, const std::set<std::string>& recorded) {
  std::set<std::string> unknown;
  for (const auto& name : SeriesNames(expr)) {
    if (!InCatalogue(name) && recorded.count(name) == 0) unknown.insert(name);
  }
  return unknown;
}

}  // namespace mailroom::testing
