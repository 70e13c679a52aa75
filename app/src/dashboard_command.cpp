#include "mailroom/app/dashboard_command.h"

#include <csignal>
#include <cstdio>

#include "mailroom/app/distributed_commands.h"
#include "mailroom/common/event_log.h"
#include "mailroom/dashboard/dashboard.h"
#include "mailroom/ledger/users.h"

namespace mailroom::app {
namespace {

// The page asks for a login: a ledger without users would show a form nobody can pass.
void WarnWithoutUsers(const std::filesystem::path& ledger_file) {
  auto ledger = ledger::Ledger::Open(ledger_file);
  if (!ledger) return;  // the dashboard itself says what is wrong with the ledger
  auto users = ledger::Users(*ledger).List();
  if (users && users->empty()) {
    eventlog::Log(eventlog::Level::kWarning, "dashboard.no_users", {},
                  "the ledger has no users, so nobody can log in: add one with `mailroom user add LOGIN --ledger " +
                      ledger_file.string() + " --all-jobcenters`");
  }
}

}  // namespace

struct DashboardCommandLine::State {
  CLI::App* command = nullptr;
  dashboard::DashboardOptions options;
  std::string broker_url;
  BrokerTls tls;
};

DashboardCommandLine::DashboardCommandLine(CLI::App& app) : state_(std::make_unique<State>()) {
  auto& s = *state_;
  s.command = app.add_subcommand("dashboard", "serve the operations dashboard (and its metrics) until stopped");
  s.command->add_option("--port", s.options.port, "HTTP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  s.command->add_option("--bind", s.options.bind, "address to listen on (0.0.0.0: every interface)")
      ->capture_default_str();
  s.command->add_option("--ledger", s.options.ledger_file, "the scan center's box ledger")->required();
  s.command->add_option("--broker", s.broker_url, "amqp(s)://user:pass@host:port/vhost: show its queue depths");
  AddTlsOptions(s.command, s.tls);
  s.command->add_option("--prefix", s.options.prefix, "prefix of every exchange and queue name")->capture_default_str();
  s.command->add_option("--registry", s.options.registry_dir, "with --broker: show its jobcenters' Postkorb queues");
  s.command->add_option("--hours", s.options.hours, "hours of throughput to chart")
      ->capture_default_str()
      ->check(CLI::Range(1, 72));
  s.command->add_flag("--secure-cookie", s.options.secure_cookie,
                      "the login's cookie only over HTTPS (when a TLS proxy serves the page)");
}

DashboardCommandLine::~DashboardCommandLine() = default;

std::optional<int> DashboardCommandLine::RunIfChosen() {
  auto& s = *state_;
  if (!*s.command) return std::nullopt;
  if (!s.broker_url.empty()) {
    transport::ConnectOptions broker;
    broker.url = s.broker_url;
    broker.ca_cert_file = s.tls.ca_cert;
    broker.client_cert_file = s.tls.client_cert;
    broker.client_key_file = s.tls.client_key;
    s.options.broker = broker;
  }
  // SIGINT and SIGTERM are taken by sigwait below; blocked before the server's threads start, so
  // that none of them is picked to handle the signal.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto started = dashboard::Dashboard::Start(s.options);
  if (!started) {
    eventlog::CommandError(started.error().message);
    return kExitBadInput;
  }
  const std::string host = s.options.bind == "0.0.0.0" ? "127.0.0.1" : s.options.bind;
  WarnWithoutUsers(s.options.ledger_file);
  std::printf("dashboard: http://%s:%d/\n", host.c_str(), (*started)->port());
  std::fflush(stdout);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  return 0;
}

}  // namespace mailroom::app
