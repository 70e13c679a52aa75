// Runs the real `mailroom` command as an outside script would, and reads its JSON output.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace mailroom::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

/// Runs `<env_prefix> mailroom <arguments>`, e.g. env_prefix "env -u OMP_THREAD_LIMIT".
inline CommandResult RunMailroomWithEnv(const std::string& env_prefix, const std::string& arguments) {
  const std::string command = env_prefix + " " + std::string(MAILROOM_EXE) + " " + arguments + " 2>&1";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
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
