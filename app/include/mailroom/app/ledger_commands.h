// The operator's commands on the box ledger (see ledger/include/mailroom/ledger/ledger.h):
//   register          a sealed box arrived
//   boxes             every box with its state and what is outstanding
//   destruction-list  release delivered boxes past retention; CSV list and PDF protocol
//   destroyed         the destruction service destroyed a box
//   receipt           what arrived for a case (BG number), and where it went
//   retention         show or set the retention of an origin jobcenter
//   audit             the audit trail
// Each takes --ledger FILE (or MAILROOM_LEDGER, or `ledger = ...` in the config file); the ones
// that change something take --operator ID (default: the login name). Exit codes: 0 done, 1 the
// run failed, 2 bad input or a refusal by the ledger (its reason on stderr).
#pragma once

#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "mailroom/app/command_line.h"

namespace mailroom::app {

/// Owns the option values of the ledger commands, which CLI11 fills while parsing. Keep it alive
/// until RunIfChosen has run. Not thread-safe (one per process, like the CLI::App).
class LedgerCommands : public CommandLine {
 public:
  /// Adds the subcommands above to `app`; `app` must outlive this object.
  explicit LedgerCommands(CLI::App& app);
  ~LedgerCommands() override;

  /// After parsing: runs the chosen ledger command, prints its output to stdout (or its error,
  /// "mailroom: error: ...", to stderr) and returns the exit code; nothing when the chosen
  /// command is not a ledger command.
  [[nodiscard]] std::optional<int> RunIfChosen() override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace mailroom::app
