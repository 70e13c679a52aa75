#include "systemd_unit.h"

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

namespace mailroom::testing {
namespace {

std::string Trim(std::string s) {
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), blank));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), blank).base(), s.end());
  return s;
}

// The logical lines of `text` (continuations joined), each with the number of its first line.
std::vector<std::pair<int, std::string>> LogicalLines(std::string_view text) {
  std::vector<std::pair<int, std::string>> lines;
  std::istringstream in{std::string(text)};
  std::string line, pending;
  int number = 0, first = 0;
  while (std::getline(in, line)) {
    ++number;
    if (pending.empty()) first = number;
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    lines.emplace_back(first, pending + line);
    pending.clear();
  }
  if (!pending.empty()) lines.emplace_back(first, pending);
  return lines;
}

}  // namespace

std::vector<std::string> UnitFile::Values(const std::string& section, const std::string& key) const {
  const auto s = sections.find(section);
  if (s == sections.end()) return {};
  const auto k = s->second.find(key);
  return k == s->second.end() ? std::vector<std::string>{} : k->second;
}

bool UnitFile::Has(const std::string& section, const std::string& key, const std::string& value) const {
  const auto values = Values(section, key);
  return std::find(values.begin(), values.end(), value) != values.end();
}

UnitFile ParseUnit(std::string_view text) {
  static const std::set<std::string> kSections = {"Unit", "Service", "Install"};
  static const std::regex kKey("[A-Za-z][A-Za-z0-9]*");
  UnitFile unit;
  std::string section;
  for (const auto& [number, raw] : LogicalLines(text)) {
    const std::string line = Trim(raw);
    const std::string where = "line " + std::to_string(number) + ": ";
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      section = line.back() == ']' ? line.substr(1, line.size() - 2) : "";
      if (kSections.count(section) == 0) unit.errors.push_back(where + "unknown section " + line);
      unit.sections[section];
      continue;
    }
    const auto eq = line.find('=');
    const std::string key = eq == std::string::npos ? "" : Trim(line.substr(0, eq));
    if (eq == std::string::npos || !std::regex_match(key, kKey)) {
      unit.errors.push_back(where + "not key=value: " + line);
    } else if (section.empty()) {
      unit.errors.push_back(where + key + "= outside a section");
    } else {
      unit.sections[section][key].push_back(Trim(line.substr(eq + 1)));
    }
  }
  return unit;
}

EnvFile ParseEnvFile(std::string_view text) {
  static const std::regex kAssignment("([A-Z_][A-Z0-9_]*)=(\\S.*)");
  EnvFile env;
  for (const auto& [number, raw] : LogicalLines(text)) {
    const std::string line = Trim(raw);
    std::smatch match;
    if (line.empty() || line[0] == '#') continue;
    if (std::regex_match(line, match, kAssignment)) {
      env.values[match[1]] = match[2];
    } else {
      env.errors.push_back("line " + std::to_string(number) + ": not NAME=value: " + line);
    }
  }
  return env;
}

}  // namespace mailroom::testing
