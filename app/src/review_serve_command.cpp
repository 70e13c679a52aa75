#include "review_serve_command.h"

#include <charconv>
#include <csignal>
#include <cstdio>

#include "desk_sink.h"
#include "mailroom/app/command_line.h"
#include "mailroom/common/event_log.h"
#include "mailroom/review/desk_server.h"

namespace mailroom::app {
namespace {

// "HOST:PORT" (the port may be 0: any free one); the error names what is wrong.
std::string ParseListen(const std::string& text, review::DeskServerOptions& options) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return "not HOST:PORT: " + text;
  int port = -1;
  const char* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data() + colon + 1, end, port);
  if (parsed.ec != std::errc() || parsed.ptr != end || port < 0 || port > 65535) {
    return "not a port from 0 to 65535: " + text.substr(colon + 1);
  }
  options.bind = text.substr(0, colon);
  options.port = port;
  return "";
}

}  // namespace

struct ReviewServeCommand::State {
  CLI::App* command = nullptr;
  review::DeskServerOptions options;
  std::string broker_url;  ///< distributed mode: the desk's deliveries also go onto the Postkorb queues
  std::string prefix = "mailroom";
  BrokerTls tls;
};

ReviewServeCommand::ReviewServeCommand(CLI::App& review) : state_(std::make_unique<State>()) {
  auto& s = *state_;
  s.command = review.add_subcommand("serve", "serve the review desk's web page for clerks until stopped");
  s.command->add_option("--ledger", s.options.desk.ledger_file, "the box ledger (its users log in)")
      ->envname("MAILROOM_LEDGER")
      ->required();
  s.command->add_option("--out", s.options.desk.out_dir, "the output folder (OUT_DIR of mailroom process)")->required();
  s.command->add_option("--registry", s.options.desk.registry_dir, "folder with jobcenters.csv and cases.csv")
      ->envname("MAILROOM_REGISTRY")
      ->required();
  s.command
      ->add_option_function<std::string>(
          "--listen",
          [&s](const std::string& text) {
            if (auto problem = ParseListen(text, s.options); !problem.empty()) {
              throw CLI::ValidationError("--listen", problem);
            }
          },
          "HOST:PORT to serve on (port 0: any free port)")
      ->default_str("127.0.0.1:8090");
  // The same teams as process: a resolved document lands where an automatic one of its type would.
  s.command->add_option_function<std::vector<std::string>>(
      "--team",
      [&s](const std::vector<std::string>& settings) {
        for (const auto& setting : settings) {
          if (auto added = classifier::AddTeamSetting(s.options.desk.classifier, setting); !added) {
            throw CLI::ValidationError("--team", added.error().message);
          }
        }
      },
      "TYPE=TEAM: the team of a document type, as mailroom process was given it");
  s.command->add_option("--broker", s.broker_url,
                        "amqp(s)://user:pass@host:port/vhost: publish each assigned document to its Postkorb queue");
  s.command->add_option("--prefix", s.prefix, "the queues' prefix (default mailroom)");
  AddTlsOptions(s.command, s.tls);
  s.command->add_flag("--secure-cookie", s.options.secure_cookie,
                      "mark the session cookie Secure (the page is served through an HTTPS proxy)");
}

ReviewServeCommand::~ReviewServeCommand() = default;

bool ReviewServeCommand::chosen() const {
  return state_->command->parsed();
}

int ReviewServeCommand::Run() {
  auto& options = state_->options;
  // SIGINT and SIGTERM are taken by sigwait below; blocked before the server's threads start, so
  // that none of them is picked to handle the signal.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  if (!state_->broker_url.empty()) {
    options.desk.sink = MakeDeskSink(BrokerConnectOptions(state_->broker_url, state_->tls), state_->prefix);
  }
  auto started = review::DeskServer::Start(options);
  if (!started) {
    eventlog::CommandError(started.error().message);
    return kExitBadInput;
  }
  const std::string host = options.bind == "0.0.0.0" ? "127.0.0.1" : options.bind;
  std::printf("review desk: http://%s:%d/\n", host.c_str(), (*started)->port());
  std::fflush(stdout);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  eventlog::Log(eventlog::Level::kInfo, "review.desk.stopped", {}, signal == SIGTERM ? "SIGTERM" : "SIGINT");
  return 0;
}

}  // namespace mailroom::app
