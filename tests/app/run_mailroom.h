// Runs the real `mailroom` command as an outside script would, and reads its JSON output.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "run_command.h"

namespace mailroom::testing {

using CommandResult = CommandOutput;

/// Runs `<env_prefix> mailroom <arguments>`, e.g. env_prefix "env -u OMP_THREAD_LIMIT".
inline CommandResult RunMailroomWithEnv(const std::string& env_prefix, const std::string& arguments) {
  return RunCommand(env_prefix + " " + std::string(MAILROOM_EXE) + " " + arguments);
}

inline CommandResult RunMailroom(const std::string& arguments) {
  return RunMailroomWithEnv("", arguments);
}

inline nlohmann::json ReadJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

inline std::string Quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

}  // namespace mailroom::testing
