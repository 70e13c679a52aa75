#include "mailroom/app/settings.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include <pwd.h>
#include <unistd.h>

namespace mailroom::app {
namespace {

constexpr std::array<std::string_view, 8> kFromEnvironment = {"broker",   "store",  "prefix", "state",
                                                              "registry", "ledger", "boxes",  "metrics-port"};

std::string EnvName(std::string_view name) {
  std::string env = "MAILROOM_";
  for (char c : name) env += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return env;
}

std::string Trim(std::string s) {
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), blank));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), blank).base(), s.end());
  return s;
}

bool GivenAsFlag(const std::vector<std::string>& args, const std::string& name) {
  const std::string flag = "--" + name;
  return std::any_of(args.begin(), args.end(),
                     [&](const std::string& a) { return a == flag || a.rfind(flag + "=", 0) == 0; });
}

bool GivenInEnvironment(const std::string& name) {
  if (std::find(kFromEnvironment.begin(), kFromEnvironment.end(), name) == kFromEnvironment.end()) return false;
  const char* value = std::getenv(EnvName(name).c_str());
  return value != nullptr && *value != '\0';
}

}  // namespace

std::string DefaultOperatorId() {
  if (const passwd* user = getpwuid(getuid()); user != nullptr && user->pw_name != nullptr) return user->pw_name;
  return "uid-" + std::to_string(getuid());
}

void UseEnvironment(CLI::App& app) {
  for (CLI::App* command : app.get_subcommands({})) {
    for (std::string_view name : kFromEnvironment) {
      if (CLI::Option* option = command->get_option_no_throw("--" + std::string(name))) {
        option->envname(EnvName(name));
      }
    }
  }
}

Result<void> CheckCommandName(const std::vector<std::string>& args, const CLI::App& app) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind('-', 0) == 0) {
      // A global option's value follows it unless written as --name=value.
      const CLI::Option* option = arg.find('=') == std::string::npos ? app.get_option_no_throw(arg) : nullptr;
      if (option != nullptr && option->get_expected_min() > 0) ++i;
      continue;
    }
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == arg) return {};
    }
    return Fail("unknown command '" + arg + "' (mailroom --help lists the commands)");
  }
  return {};
}

Result<std::vector<std::string>> WithConfigFile(int argc, char** argv, const CLI::App& app) {
  std::vector<std::string> args;
  std::string config;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--config" && i + 1 < argc) {
      config = argv[++i];
    } else if (arg.rfind("--config=", 0) == 0) {
      config = arg.substr(9);
    } else {
      args.push_back(arg);
    }
  }
  if (config.empty()) {
    const char* from_env = std::getenv("MAILROOM_CONFIG");
    if (from_env != nullptr) config = from_env;
  }
  if (config.empty() || args.empty()) return args;
  // The first argument that names a command (global options such as --log-format may come first).
  const CLI::App* command = nullptr;
  for (const std::string& arg : args) {
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == arg) command = sub;
    }
    if (command != nullptr) break;
  }
  if (command == nullptr) return args;  // CLI11 says what is wrong with the command line

  std::ifstream in(config);
  if (!in) return Fail(config + ": cannot read the config file");
  // What the command line itself gives: a setting repeated in the file (device-option, team) is
  // taken every time, not only the first.
  const std::vector<std::string> given = args;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = Trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) return Fail(config + ":" + std::to_string(number) + ": expected 'name = value'");
    const std::string name = Trim(line.substr(0, eq));
    const std::string value = Trim(line.substr(eq + 1));
    if (name.empty()) return Fail(config + ":" + std::to_string(number) + ": a setting without a name");
    const CLI::Option* option = command->get_option_no_throw("--" + name);
    if (option == nullptr) continue;
    if (GivenAsFlag(given, name) || GivenInEnvironment(name)) continue;
    if (option->get_expected_max() == 0) {  // a flag: `duplex = true` is --duplex=true
      args.push_back("--" + name + "=" + value);
      continue;
    }
    args.push_back("--" + name);
    args.push_back(value);
  }
  return args;
}

}  // namespace mailroom::app
