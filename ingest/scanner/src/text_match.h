// Small case-insensitive text helpers for matching device-provided names ("Automatic Document Feeder").
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace mailroom::scanner {

inline std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// True if `text` contains `part`, ignoring ASCII case.
inline bool ContainsNoCase(const std::string& text, const std::string& part) {
  return Lowercase(text).find(Lowercase(part)) != std::string::npos;
}

/// "'a', 'b', 'c'" for error messages.
inline std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string result;
  for (const std::string& item : items) result += (result.empty() ? "'" : ", '") + item + "'";
  return result.empty() ? "(none)" : result;
}

}  // namespace mailroom::scanner
