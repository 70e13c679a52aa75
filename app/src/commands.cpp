// The commands of `mailroom`, in the order `mailroom --help` lists them.
#include "command_lines.h"
#include "mailroom/app/dashboard_command.h"
#include "mailroom/app/ledger_commands.h"
#include "mailroom/app/scan_command.h"

namespace mailroom::app {

std::vector<std::unique_ptr<CommandLine>> AddCommands(CLI::App& app) {
  std::vector<std::unique_ptr<CommandLine>> commands;
  commands.push_back(ProcessCommand(app));
  commands.push_back(TopologyCommand(app));
  commands.push_back(IngestCommand(app));
  commands.push_back(PostkorbCommand(app));
  commands.push_back(WorkerCommand(app));
  commands.push_back(ReviewCommand(app));
  commands.push_back(VersionCommand(app));
  commands.push_back(std::make_unique<LedgerCommands>(app));
  commands.push_back(std::make_unique<ScanCommandLine>(app));
  commands.push_back(StationCommand(app));
  commands.push_back(std::make_unique<DashboardCommandLine>(app));
  commands.push_back(UserCommand(app));
  commands.push_back(StoreCommand(app));
  return commands;
}

}  // namespace mailroom::app
