// `mailroom dashboard --port P --ledger FILE [--broker URL]`: the operations page (see
// dashboard/include/mailroom/dashboard/dashboard.h), served until SIGINT or SIGTERM.
#pragma once

#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "mailroom/app/command_line.h"

namespace mailroom::app {

/// Owns the option values of the dashboard command. Keep it alive until RunIfChosen has run.
class DashboardCommandLine : public CommandLine {
 public:
  /// Adds the subcommand to `app`; `app` must outlive this object.
  explicit DashboardCommandLine(CLI::App& app);
  ~DashboardCommandLine() override;

  /// After parsing: serves the dashboard until stopped and returns the exit code; nothing when
  /// another command was chosen.
  [[nodiscard]] std::optional<int> RunIfChosen() override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace mailroom::app
