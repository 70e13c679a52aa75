// `mailroom user add|grant|revoke|disable|passwd|list`: the people who may log in to the web pages
// (the review desk, the dashboard), kept in the box ledger. Passwords come from stdin (see
// password_input.h), never from the command line, where `ps` and the shell's history would show
// them.
#include <fmt/format.h>

#include <filesystem>

#include "command_lines.h"
#include "ledger_command_runs.h"
#include "mailroom/app/settings.h"
#include "mailroom/common/event_log.h"
#include "mailroom/ledger/users.h"
#include "password_input.h"

namespace mailroom::app {
namespace {

std::string Grants(const ledger::User& user) {
  if (user.all_jobcenters) return "all jobcenters";
  if (user.jobcenters.empty()) return "no jobcenter";
  std::string text;
  for (const auto& jobcenter : user.jobcenters) text += (text.empty() ? "" : ", ") + jobcenter;
  return text;
}

std::string ListText(const std::vector<ledger::User>& users) {
  if (users.empty()) return "no users (add one with: mailroom user add LOGIN --ledger FILE --jobcenter JC)\n";
  std::string text = fmt::format("{:<24} {:<9} {:<21} {}\n", "LOGIN", "STATE", "CREATED", "JOBCENTERS");
  for (const auto& user : users) {
    text += fmt::format("{:<24} {:<9} {:<21} {}\n", user.login, user.disabled ? "disabled" : "active",
                        FormatUtcTime(user.created_at), Grants(user));
  }
  return text;
}

class UserCommandLine : public SubcommandLine {
 public:
  explicit UserCommandLine(CLI::App& app)
      : SubcommandLine(app, "user", "the people who may log in to the review desk and the dashboard (in the ledger)") {
    command()->require_subcommand(1);
    add_ = Action("add", "add a user; the password is read from stdin (typed without echo, or piped)", true);
    add_->add_option("--jobcenter", jobcenters_, "a jobcenter id whose mail the user may work (repeatable)");
    add_->add_flag("--all-jobcenters", all_jobcenters_, "every jobcenter (team leads, the dashboard's operators)");
    grant_ = Action("grant", "let a user work the mail of more jobcenters", true);
    grant_->add_option("--jobcenter", jobcenters_, "a jobcenter id (repeatable)");
    grant_->add_flag("--all-jobcenters", all_jobcenters_, "every jobcenter");
    revoke_ = Action("revoke", "take a jobcenter grant away", true);
    revoke_->add_option("--jobcenter", jobcenters_, "a jobcenter id (repeatable)");
    revoke_->add_flag("--all-jobcenters", all_jobcenters_, "the grant of every jobcenter");
    disable_ = Action("disable", "lock a user out for good (ends their sessions); users are never deleted", true);
    passwd_ = Action("passwd", "set a new password, read from stdin (ends the user's sessions)", true);
    list_ = Action("list", "the users, their state and their jobcenters (no password hashes)", false);
  }

 private:
  CLI::App* Action(const std::string& name, const std::string& description, bool takes_login) {
    CLI::App* action = command()->add_subcommand(name, description);
    if (takes_login) action->add_option("LOGIN", login_, "the user's login (an operator id)")->required();
    // Nested under `user`, so UseEnvironment does not reach it: the variable is named here.
    action->add_option("--ledger", ledger_file_, "the box ledger (or MAILROOM_LEDGER)")
        ->envname("MAILROOM_LEDGER")
        ->required();
    action->add_option("--operator", operator_id_, "who makes the change, for the audit (default: login name)");
    return action;
  }

  std::vector<std::string> Jobcenters() const {
    std::vector<std::string> all = jobcenters_;
    if (all_jobcenters_) all.emplace_back(ledger::kAllJobcenters);
    return all;
  }

  CommandOutcome Execute() {
    if (operator_id_.empty()) operator_id_ = DefaultOperatorId();
    const bool creates =
        add_->parsed() && !ledger::IsServerLedger(ledger_file_) && !std::filesystem::exists(ledger_file_);
    // Only adding may make the ledger: the first user of a new scan center comes before its
    // first box. Anything else on a file that does not exist is a typo.
    auto ledger = OpenLedgerFile(ledger_file_, add_->parsed());
    if (!ledger) return tl::unexpected(ledger.error());
    ledger::Users users(*ledger);
    const ledger::Stamp stamp{operator_id_, Now()};
    if (list_->parsed()) {
      auto all = users.List();
      if (!all) return RunFailed(all.error());
      return ListText(*all);
    }
    if ((grant_->parsed() || revoke_->parsed()) && Jobcenters().empty()) {
      return Refused(Error{"user " + login_ + ": name a --jobcenter (or --all-jobcenters)"});
    }
    if (add_->parsed() || passwd_->parsed()) {
      if (auto problem = ledger::LoginProblem(login_); !problem.empty() && add_->parsed())
        return Refused(Error{problem});
      auto password = ReadNewPassword(login_);
      if (!password) return Refused(password.error().Prefixed("user " + login_));
      auto done = add_->parsed() ? users.Add(login_, *password, Jobcenters(), stamp)
                                 : users.SetPassword(login_, *password, stamp);
      if (!done) return Refused(done.error());
      if (passwd_->parsed()) return "password of user " + login_ + " changed; their sessions have ended\n";
      auto user = users.Find(login_);
      if (!user || !*user) return RunFailed(Error{"user " + login_ + " added but cannot be read back"});
      return "user " + login_ + " added: " + Grants(**user) +
             (creates ? " (new ledger " + ledger_file_ + ")" : std::string()) + "\n";
    }
    if (disable_->parsed()) {
      if (auto done = users.Disable(login_, stamp); !done) return Refused(done.error());
      return "user " + login_ + " disabled; their sessions have ended\n";
    }
    for (const auto& jobcenter : Jobcenters()) {
      auto done = grant_->parsed() ? users.Grant(login_, jobcenter, stamp) : users.Revoke(login_, jobcenter, stamp);
      if (!done) return Refused(done.error());
    }
    auto user = users.Find(login_);
    if (!user || !*user) return RunFailed(Error{"user " + login_ + " cannot be read back"});
    return "user " + login_ + ": " + Grants(**user) + "\n";
  }

  int Run() override {
    auto outcome = Execute();
    if (!outcome) {
      eventlog::CommandError(outcome.error().message);
      return ExitCodeOf(outcome.error().kind);
    }
    std::fputs(outcome->c_str(), stdout);
    return 0;
  }

  CLI::App *add_ = nullptr, *grant_ = nullptr, *revoke_ = nullptr, *disable_ = nullptr, *passwd_ = nullptr,
           *list_ = nullptr;
  std::string login_, ledger_file_, operator_id_;
  std::vector<std::string> jobcenters_;
  bool all_jobcenters_ = false;
};

}  // namespace

std::unique_ptr<CommandLine> UserCommand(CLI::App& app) {
  return std::make_unique<UserCommandLine>(app);
}

}  // namespace mailroom::app
