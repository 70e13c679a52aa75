// A small reader of systemd unit and environment files, strict enough to catch what systemd
// would ignore with only a warning in the journal (a line that is not key=value, a key outside
// a section, a misspelt section).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mailroom::testing {

struct UnitFile {
  /// section -> key -> every value given (Environment= and friends may repeat).
  std::map<std::string, std::map<std::string, std::vector<std::string>>> sections;
  /// One message per malformed line ("line 12: ..."); empty when the file is well-formed.
  std::vector<std::string> errors;

  /// Every value of `key` in `section`; empty when not set.
  [[nodiscard]] std::vector<std::string> Values(const std::string& section, const std::string& key) const;
  [[nodiscard]] bool Has(const std::string& section, const std::string& key, const std::string& value) const;
};

/// Parses a .service file: [Unit], [Service] and [Install] sections of key=value lines, `#`/`;`
/// comments, lines continued with a trailing backslash.
UnitFile ParseUnit(std::string_view text);

struct EnvFile {
  std::map<std::string, std::string> values;
  std::vector<std::string> errors;  ///< one message per line that is not NAME=value
};

/// Parses an EnvironmentFile=: `NAME=value` lines (NAME in upper case), blank lines, comments.
EnvFile ParseEnvFile(std::string_view text);

}  // namespace mailroom::testing
