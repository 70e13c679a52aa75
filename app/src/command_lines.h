// The command lines that AddCommands puts together (each in a file of its own).
#pragma once

#include <memory>

#include "mailroom/app/command_line.h"

namespace mailroom::app {

[[nodiscard]] std::unique_ptr<CommandLine> ProcessCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> VersionCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> TopologyCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> IngestCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> PostkorbCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> WorkerCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> ReviewCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> UserCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> StoreCommand(CLI::App& app);
[[nodiscard]] std::unique_ptr<CommandLine> StationCommand(CLI::App& app);

}  // namespace mailroom::app
