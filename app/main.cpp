// The mailroom command: sets up the process (OpenMP, logging), parses the command line and hands
// over to the chosen command (app/src/*_command_line.cpp). Exit codes: see command_line.h.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "mailroom/app/command_line.h"
#include "mailroom/app/settings.h"
#include "mailroom/common/event_log.h"
#include "mailroom/common/single_thread_openmp.h"
#include "mailroom/image/pix.h"

namespace {

// The event log's settings: MAILROOM_LOG_FORMAT and MAILROOM_LOG_LEVEL, then --log-format and
// --log-level (before the command: `mailroom --log-format json worker ocr ...`).
struct LogOptions {
  std::string format, level;
};

void AddLogOptions(CLI::App& app, LogOptions& log) {
  app.add_option("--log-format", log.format, "log lines on stderr as text or json (env MAILROOM_LOG_FORMAT)")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--log-level", log.level, "debug, info, warning or error (env MAILROOM_LOG_LEVEL; default info)")
      ->check(CLI::IsMember({"debug", "info", "warning", "error"}));
}

// Fails naming the variable or option whose value is not known.
mailroom::Result<void> ConfigureLog(const LogOptions& log) {
  auto settings = mailroom::eventlog::SettingsFromEnvironment();
  if (!settings) return tl::unexpected(settings.error());
  if (!log.format.empty()) {
    auto format = mailroom::eventlog::ParseFormat(log.format, "--log-format");
    if (!format) return tl::unexpected(format.error());
    settings->format = *format;
  }
  if (!log.level.empty()) {
    auto level = mailroom::eventlog::ParseLevel(log.level, "--log-level");
    if (!level) return tl::unexpected(level.error());
    settings->min_level = *level;
  }
  mailroom::eventlog::Configure(*settings);
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  mailroom::EnsureSingleThreadedOpenMp(argv);
  mailroom::SilenceLeptonica();
  using mailroom::app::kExitBadInput;

  CLI::App app{"mailroom: scan-center mail in, jobcenter Postkorb out"};
  app.require_subcommand(1);
  app.fallthrough();  // the global options may also follow the command
  LogOptions log;
  AddLogOptions(app, log);
  auto commands = mailroom::app::AddCommands(app);
  try {
    app.name("mailroom");  // parsing a vector leaves the program name unset
    mailroom::app::UseEnvironment(app);
    auto args = mailroom::app::WithConfigFile(argc, argv, app);
    if (!args) {
      mailroom::eventlog::CommandError(args.error().message);
      return kExitBadInput;
    }
    if (auto named = mailroom::app::CheckCommandName(*args, app); !named) {
      mailroom::eventlog::CommandError(named.error().message);
      return kExitBadInput;
    }
    std::reverse(args->begin(), args->end());  // CLI11 takes a vector last argument first
    app.parse(*args);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  if (auto configured = ConfigureLog(log); !configured) {
    std::fprintf(stderr, "mailroom: error: %s\n", configured.error().message.c_str());
    return kExitBadInput;
  }
  for (const auto& command : commands) {
    if (auto code = command->RunIfChosen()) return *code;
  }
  return kExitBadInput;  // require_subcommand(1): not reached
}
