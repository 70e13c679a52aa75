// What every subcommand of `mailroom` is on the command line: an object that adds its options to
// the CLI::App and, after parsing, runs if it was the chosen one. main() only makes them, parses
// and asks each in turn; what a command checks and does lives with the command.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mailroom/app/metrics_option.h"
#include "mailroom/app/process_box.h"
#include "mailroom/classifier/classifier.h"

namespace mailroom::app {

/// Exit codes of every command: 0 done (review documents are a normal outcome), 1 the run
/// failed, 2 bad input or usage (nothing was written). `scan` adds 3 (see scan_command.h).
inline constexpr int kExitRunFailed = 1;
inline constexpr int kExitBadInput = 2;

/// CLI11 fills the options in place while parsing, so a command line stays where it was made
/// (no copy, no move) until RunIfChosen has run.
class CommandLine {
 public:
  CommandLine() = default;
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;
  virtual ~CommandLine() = default;

  /// After parsing: runs the command if it was the chosen one, prints its output (or its error,
  /// "mailroom: error: ...", on stderr) and returns the exit code; nothing otherwise.
  [[nodiscard]] virtual std::optional<int> RunIfChosen() = 0;
};

/// The command line of one subcommand: RunIfChosen runs Run() when it was the chosen one.
class SubcommandLine : public CommandLine {
 public:
  [[nodiscard]] std::optional<int> RunIfChosen() final {
    if (!*command_) return std::nullopt;
    return Run();
  }

 protected:
  SubcommandLine(CLI::App& app, const std::string& name, const std::string& description)
      : command_(app.add_subcommand(name, description)) {}
  [[nodiscard]] CLI::App* command() const { return command_; }
  /// Runs the parsed command; returns the exit code.
  [[nodiscard]] virtual int Run() = 0;

 private:
  CLI::App* command_;
};

/// Every command of the `mailroom` program, added to `app` (which must outlive them).
[[nodiscard]] std::vector<std::unique_ptr<CommandLine>> AddCommands(CLI::App& app);

/// The exit code of a failure of this kind.
[[nodiscard]] int ExitCodeOf(FailureKind kind);

/// Prints what a command did, or its error; returns the exit code.
[[nodiscard]] int Report(const tl::expected<std::string, ProcessError>& done);

/// Serves or writes the metrics of a command as `setting` asks (see metrics_option.h) around `run`.
[[nodiscard]] int WithMetrics(const MetricsSetting& setting, const std::string& role, const std::function<int()>& run);

/// --threshold, --team TYPE=TEAM and --doctype-model: the classifier's options, the same for every
/// command that classifies (process, scan, worker classify). `mode` goes in front of the help
/// texts ("embedded: ", "classify: "). The values are checked as they are parsed, by the
/// classifier's own rules (ClassifierOptions::Validate, AddTeamSetting).
void AddClassifierOptions(CLI::App* command, classifier::ClassifierOptions& options, const std::string& mode = "");

/// --max-page-pixels and --max-frames: what a page file may claim before it is refused unread
/// (ingest::PageLimits; process, worker ocr). At least 1 each.
void AddPageLimitOptions(CLI::App* command, ingest::PageLimits& limits, const std::string& mode = "");

}  // namespace mailroom::app
