// The command line of the ledger commands: which options each has, and turning a run's outcome
// into output and an exit code.
#include "mailroom/app/ledger_commands.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <utility>
#include <vector>

#include "ledger_command_runs.h"
#include "mailroom/app/settings.h"
#include "mailroom/common/event_log.h"

namespace mailroom::app {
struct LedgerCommands::State {
  struct Command {
    CLI::App* app = nullptr;
    LedgerAccess access;
    bool changes = false;  // takes --operator, and may create the ledger file
    std::function<CommandOutcome(const LedgerAccess&)> run;
  };
  std::vector<std::unique_ptr<Command>> commands;  // pointers stay put: CLI11 holds their addresses

  RegisterOptions register_options;
  BoxesOptions boxes_options;
  DestructionListOptions destruction_list_options;
  DestroyedOptions destroyed_options;
  ReceiptOptions receipt_options;
  RetentionOptions retention_options;
  AuditOptions audit_options;

  // Adds the subcommand with --ledger (and --operator where it changes something).
  Command& Add(CLI::App& app, const std::string& name, const std::string& description, bool changes) {
    auto command = std::make_unique<Command>();
    command->app = app.add_subcommand(name, description);
    command->changes = changes;
    command->app->add_option("--ledger", command->access.ledger_file,
                             "the ledger file (or MAILROOM_LEDGER, or 'ledger = FILE' in the config file)");
    if (changes) {
      command->app->add_option("--operator", command->access.operator_id,
                               "operator id for the audit trail (default: the login name)");
    }
    commands.push_back(std::move(command));
    return *commands.back();
  }
};

LedgerCommands::LedgerCommands(CLI::App& app) : state_(std::make_unique<State>()) {
  State& s = *state_;

  auto& reg = s.Add(app, "register", "record a sealed box as received", true);
  reg.app->add_option("--box", s.register_options.box_id, "box id")->required();
  reg.app->add_option("--seal", s.register_options.seal, "seal number")->required();
  reg.app->add_option("--origin", s.register_options.origin, "jobcenter_id the box comes from")->required();
  reg.app->add_option("--arrived", s.register_options.arrived,
                      "arrival, YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD (default: now)");
  reg.run = [&s](const LedgerAccess& a) { return RunRegister(a, s.register_options); };

  auto& boxes = s.Add(app, "boxes", "list all boxes in order of arrival, with what is outstanding", false);
  boxes.app->add_option("--state", s.boxes_options.state,
                        "only boxes in this state (received, scanning, scanned, processing, delivered, "
                        "destruction-due, destroyed)");
  boxes.app->add_flag("--csv", s.boxes_options.csv, "CSV instead of the table");
  boxes.run = [&s](const LedgerAccess& a) { return RunBoxes(a, s.boxes_options); };

  auto& due = s.Add(app, "destruction-list",
                    "release delivered boxes whose retention has passed, and list every box due for destruction", true);
  due.app->add_option("--date", s.destruction_list_options.date, "YYYY-MM-DD: the day of destruction")->required();
  due.app->add_option("--csv", s.destruction_list_options.csv_file, "write the CSV list here (0600) instead of stdout");
  due.app->add_option("--pdf", s.destruction_list_options.pdf_file,
                      "write the protocol for the destruction service here (PDF, 0600)");
  due.run = [&s](const LedgerAccess& a) { return RunDestructionList(a, s.destruction_list_options); };

  auto& destroyed = s.Add(app, "destroyed", "record that the destruction service destroyed a box", true);
  destroyed.app->add_option("BOX_ID", s.destroyed_options.box_id, "box id")->required();
  destroyed.app->add_option("--date", s.destroyed_options.date,
                            "when, YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD (default: now)");
  destroyed.run = [&s](const LedgerAccess& a) { return RunDestroyed(a, s.destroyed_options); };

  auto& receipt = s.Add(app, "receipt", "what arrived for a case, and where it was delivered", false);
  receipt.app->add_option("--bg", s.receipt_options.bg_number, "BG number, e.g. 35301BG0012345")->required();
  receipt.app->add_flag("--json", s.receipt_options.json, "a JSON array instead of the table");
  receipt.run = [&s](const LedgerAccess& a) { return RunReceipt(a, s.receipt_options); };

  auto& retention = s.Add(app, "retention", "show, or with --days set, the retention of an origin jobcenter", true);
  retention.app->add_option("--origin", s.retention_options.origin, "jobcenter_id")->required();
  auto* days = retention.app->add_option("--days", s.retention_options.days,
                                         "days from delivery until the paper may be destroyed (default 56)");
  retention.run = [&s, days](const LedgerAccess& a) {
    s.retention_options.set = days->count() > 0;
    return RunRetention(a, s.retention_options);
  };

  auto& audit = s.Add(app, "audit", "the audit trail: every change, when and by whom", false);
  audit.app->add_option("--box", s.audit_options.box_id, "only this box");
  audit.run = [&s](const LedgerAccess& a) { return RunAudit(a, s.audit_options); };
}

LedgerCommands::~LedgerCommands() = default;

std::optional<int> LedgerCommands::RunIfChosen() {
  for (const auto& command : state_->commands) {
    if (!*command->app) continue;
    LedgerAccess access = command->access;
    CommandOutcome outcome;
    if (access.ledger_file.empty()) {
      outcome =
          tl::unexpected(ProcessError{FailureKind::kBadInput, "no ledger: give --ledger FILE or set MAILROOM_LEDGER"});
    } else {
      if (access.operator_id.empty()) access.operator_id = DefaultOperatorId();
      outcome = command->run(access);
    }
    if (!outcome) {
      eventlog::CommandError(outcome.error().message);
      return ExitCodeOf(outcome.error().kind);
    }
    std::fputs(outcome->c_str(), stdout);
    return 0;
  }
  return std::nullopt;
}

tl::expected<ledger::Ledger, ProcessError> OpenLedgerFile(const std::string& file, bool create) {
  std::error_code ec;
  if (!create && !ledger::IsServerLedger(file) && !std::filesystem::exists(file, ec)) {
    return tl::unexpected(ProcessError{FailureKind::kBadInput, "ledger " + file + ": no such file"});
  }
  auto opened = ledger::Ledger::Open(file);
  if (!opened) return RunFailed(opened.error());
  return std::move(*opened);
}

tl::unexpected<ProcessError> Refused(const Error& error) {
  return tl::unexpected(ProcessError{FailureKind::kBadInput, error.message});
}

tl::unexpected<ProcessError> RunFailed(const Error& error) {
  return tl::unexpected(ProcessError{FailureKind::kRunFailed, error.message});
}

ledger::Timestamp Now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace mailroom::app
