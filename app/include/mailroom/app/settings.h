// Where the settings of a command come from, strongest first: its flags, the environment
// (MAILROOM_BROKER, MAILROOM_STORE, MAILROOM_PREFIX, MAILROOM_STATE, MAILROOM_REGISTRY,
// MAILROOM_LEDGER, MAILROOM_BOXES, MAILROOM_METRICS_PORT), then a
// config file (`--config FILE`, or MAILROOM_CONFIG): one `name = value` per line, names as the
// long flags without dashes ("broker = amqps://...", "store = /srv/mailroom/store"), `#` comments.
// A deployment keeps what all its workers share in one file and overrides per host or process.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mailroom/common/result.h"

namespace mailroom::app {

/// Who runs the command, for the ledger's audit trail: the login name of the process's user
/// ("uid-1000" if the system has no name for it). An operator id, not a person's full name.
[[nodiscard]] std::string DefaultOperatorId();

/// Lets the environment variables above fill the options of that name in every subcommand.
void UseEnvironment(CLI::App& app);

/// The command line (without the program name) with the config file's settings added for the
/// chosen subcommand where neither a flag nor the environment sets them; `--config FILE` itself is
/// taken out. Fails, naming the file and line, on an unreadable file or a line that is not
/// `name = value`. Names the subcommand does not have are left alone (the file is shared).
[[nodiscard]] Result<std::vector<std::string>> WithConfigFile(int argc, char** argv, const CLI::App& app);

/// Fails, naming the word, when the first word of `args` that is not an option (or the value of a
/// global option such as `--log-format json`) is not one of `app`'s commands: `mailroom station
/// --help` must be refused, not answered with the top help. A command line of options only passes
/// (CLI11 says what is missing).
[[nodiscard]] Result<void> CheckCommandName(const std::vector<std::string>& args, const CLI::App& app);

}  // namespace mailroom::app
