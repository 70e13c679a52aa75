// The mailroom command: parses arguments and hands over to the stages. Exit codes:
// 0 done (review documents are a normal outcome), 1 the run failed, 2 bad input or usage.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "mailroom/app/dashboard_command.h"
#include "mailroom/app/distributed_commands.h"
#include "mailroom/app/ledger_commands.h"
#include "mailroom/app/metrics_option.h"
#include "mailroom/app/process_box.h"
#include "mailroom/app/scan_command.h"
#include "mailroom/app/settings.h"
#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/common/event_log.h"
#include "mailroom/common/pix.h"
#include "mailroom/common/single_thread_openmp.h"
#include "mailroom/samplegen/samplegen.h"

namespace {

constexpr int kExitRunFailed = 1;
constexpr int kExitBadInput = 2;

// Serves or writes the metrics of a command as asked (see metrics_option.h) around `run`.
template <typename Run>
int WithMetrics(const mailroom::app::MetricsSetting& setting, const std::string& role, Run run) {
  auto endpoint = mailroom::app::ServeMetrics(setting, role);
  if (!endpoint) {
    mailroom::eventlog::CommandError(endpoint.error().message);
    return kExitBadInput;
  }
  const int code = run();
  if (auto written = mailroom::app::WriteMetricsFile(setting); !written) {
    mailroom::eventlog::CommandError(written.error().message);
    return code == 0 ? kExitRunFailed : code;
  }
  return code;
}

int RunProcess(const mailroom::app::ProcessOptions& options) {
  auto summary = mailroom::app::ProcessBox(options);
  if (!summary) {
    mailroom::eventlog::CommandError(summary.error().message);
    return summary.error().kind == mailroom::app::FailureKind::kBadInput ? kExitBadInput : kExitRunFailed;
  }
  std::fputs(mailroom::app::FormatSummary(*summary, options.out_dir).c_str(), stdout);
  return 0;
}

// Prints what a command did, or its error; the exit code follows the kind of failure.
int Report(const tl::expected<std::string, mailroom::app::ProcessError>& done) {
  if (!done) {
    mailroom::eventlog::CommandError(done.error().message);
    return done.error().kind == mailroom::app::FailureKind::kBadInput ? kExitBadInput : kExitRunFailed;
  }
  std::fputs(done->c_str(), stdout);
  return 0;
}

int RunSamplegen(const mailroom::samplegen::SampleOptions& options) {
  auto summary = mailroom::samplegen::GenerateSampleBox(options);
  if (!summary) {
    mailroom::eventlog::CommandError(summary.error().message);
    return kExitRunFailed;
  }
  std::printf("sample box: %d pages in %d envelopes\n  box:      %s\n  registry: %s\n  truth:    %s\n", summary->pages,
              summary->envelopes, summary->box_dir.c_str(), summary->registry_dir.c_str(), summary->truth_file.c_str());
  return 0;
}

// "--team objection=rechtsbehelf": a doc_type of the contract and a team name that is safe as a
// folder name (the team is a folder of the Postkorb).
std::string TeamSetting(const std::string& value) {
  const auto eq = value.find('=');
  if (eq == std::string::npos) return "expected TYPE=TEAM, e.g. objection=widerspruch";
  const auto& types = mailroom::classifier::DocTypeVocabulary();
  if (std::find(types.begin(), types.end(), value.substr(0, eq)) == types.end()) {
    return "unknown document type '" + value.substr(0, eq) + "'";
  }
  const std::string team = value.substr(eq + 1);
  const bool safe = !team.empty() && std::all_of(team.begin(), team.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_';
  });
  return safe ? "" : "a team name is letters, digits, '-' and '_'";
}

// The event log's settings: MAILROOM_LOG_FORMAT and MAILROOM_LOG_LEVEL, then --log-format and
// --log-level (before the command: `mailroom --log-format json worker ocr ...`).
struct LogOptions {
  std::string format, level;
};

void AddLogOptions(CLI::App& app, LogOptions& log) {
  app.add_option("--log-format", log.format, "log lines on stderr as text or json (env MAILROOM_LOG_FORMAT)")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--log-level", log.level, "debug, info, warning or error (env MAILROOM_LOG_LEVEL; default info)")
      ->check(CLI::IsMember({"debug", "info", "warning", "error"}));
}

// Fails naming the variable or option whose value is not known.
mailroom::Result<void> ConfigureLog(const LogOptions& log) {
  auto settings = mailroom::eventlog::SettingsFromEnvironment();
  if (!settings) return tl::unexpected(settings.error());
  if (!log.format.empty()) {
    auto format = mailroom::eventlog::ParseFormat(log.format, "--log-format");
    if (!format) return tl::unexpected(format.error());
    settings->format = *format;
  }
  if (!log.level.empty()) {
    auto level = mailroom::eventlog::ParseLevel(log.level, "--log-level");
    if (!level) return tl::unexpected(level.error());
    settings->min_level = *level;
  }
  mailroom::eventlog::Configure(*settings);
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  mailroom::EnsureSingleThreadedOpenMp(argv);
  mailroom::SilenceLeptonica();

  CLI::App app{"mailroom: scan-center mail in, jobcenter Postkorb out"};
  app.require_subcommand(1);
  app.fallthrough();  // the global options may also follow the command
  LogOptions log;
  AddLogOptions(app, log);

  mailroom::app::ProcessOptions process;
  auto* process_cmd = app.add_subcommand("process", "process one box of page images (see CONTRACT.md)");
  process_cmd->add_option("BOX_DIR", process.box_dir, "folder with the box's page images")->required();
  process_cmd->add_option("--registry", process.registry_dir, "folder with jobcenters.csv and cases.csv")->required();
  process_cmd->add_option("--out", process.out_dir, "output folder (postkorb/, review/, report.json)")->required();
  process_cmd->add_option("--jobs", process.jobs, "worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  process_cmd->add_option("--tessdata", process.ocr.tessdata_dir, "Tesseract model folder")->capture_default_str();
  process_cmd->add_flag("!--quiet", process.progress, "no per-page progress on stderr");
  process_cmd
      ->add_option("--threshold", process.classifier.route_threshold,
                   "route a document only at or above this confidence, else review")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  std::vector<std::string> teams;
  process_cmd->add_option("--team", teams, "TYPE=TEAM: the Postkorb team for a document type (repeatable)")
      ->check(TeamSetting);
  process_cmd->add_option("--doctype-model", process.doc_type_model,
                          "document-type model file instead of the built-in one (tools/train-doctype.sh)");
  process_cmd->add_option("--ledger", process.ledger_file,
                          "box ledger: the box must be registered there; its pages are recorded as delivered");
  process.operator_id = mailroom::app::DefaultOperatorId();
  process_cmd->add_option("--operator", process.operator_id, "who runs it, for the ledger's audit trail")
      ->capture_default_str();
  mailroom::app::MetricsSetting process_metrics;
  mailroom::app::AddMetricsOptions(process_cmd, process_metrics, /*with_file=*/true);

  mailroom::samplegen::SampleOptions sample;
  auto* sample_cmd = app.add_subcommand("samplegen", "generate a synthetic box, registry and ground truth");
  sample_cmd->add_option("--out", sample.out_dir, "output folder (gets box/, registry/, truth.json)")->required();
  sample_cmd->add_option("--seed", sample.seed, "random seed (same seed, same box)")->capture_default_str();
  bool scan_defects = false;
  sample_cmd->add_flag("--scan-defects", scan_defects,
                       "scan like a real scanner: turned and skewed pages, tinted paper, uneven light, "
                       "bleed-through, punched holes, lid shadows, handwritten notes on backs");
  sample_cmd->add_option("--dpi", sample.dpi, "scan resolution of the page images")
      ->capture_default_str()
      ->check(CLI::Range(100, 600));
  sample_cmd->add_option("--envelopes", sample.envelopes, "number of envelopes")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  sample_cmd->add_flag("--classify-mix", sample.classification_mix,
                       "the classifier benchmark's mix: every kind of case evidence, decoys and review reason, "
                       "several documents per envelope; truth.json says which each envelope is");
  sample_cmd->add_flag("--truth-only", sample.truth_only,
                       "write truth.json, box.json and the registry but render no page images (fast)");

  mailroom::app::TopologyCommandOptions topology;
  auto* topology_cmd = app.add_subcommand(
      "topology",
      "set up the broker for the distributed mode: exchanges, stage and dead-letter queues, Postkorb queues");
  topology_cmd->add_option("--broker", topology.broker_url, "amqp://user:pass@host:port/vhost (or amqps://)")
      ->required();
  topology_cmd->add_option("--registry", topology.registry_dir, "folder with jobcenters.csv and cases.csv")->required();
  topology_cmd->add_option("--prefix", topology.prefix, "prefix of every exchange and queue name")
      ->capture_default_str();
  mailroom::app::AddTlsOptions(topology_cmd, topology.tls);
  auto* management_opt = topology_cmd->add_option(
      "--management", topology.management_url,
      "RabbitMQ management API, e.g. http://host:15672/ (credentials: its own or --broker's); with it, one user "
      "per jobcenter that may read its own Postkorb queue only");
  topology_cmd
      ->add_option(
          "--credentials-out", topology.credentials_dir,
          "with --management: folder for <jobcenter_id>.url, each jobcenter's amqp URL with its password (0600)")
      ->needs(management_opt);
  management_opt->needs(topology_cmd->get_option("--credentials-out"));
  topology_cmd
      ->add_flag("--rotate-passwords", topology.rotate_passwords,
                 "with --management: new passwords for every jobcenter user (default: keep existing ones)")
      ->needs(management_opt);

  mailroom::app::IngestCommandOptions ingest;
  auto* ingest_cmd =
      app.add_subcommand("ingest", "hand a box folder to the distributed pipeline (content store + broker)");
  ingest_cmd->add_option("BOX_DIR", ingest.box_dir, "folder with the box's page images")->required();
  ingest_cmd->add_option("--broker", ingest.broker_url, "amqp://user:pass@host:port/vhost (or amqps://)")->required();
  ingest_cmd->add_option("--store", ingest.store_dir, "the content store folder shared with the workers")->required();
  ingest_cmd->add_option("--prefix", ingest.prefix, "prefix of every exchange and queue name")->capture_default_str();
  mailroom::app::AddTlsOptions(ingest_cmd, ingest.tls);
  ingest_cmd->add_option("--ledger", ingest.ledger_file,
                         "box ledger: the box must be registered there, and goes to processing");
  ingest.operator_id = mailroom::app::DefaultOperatorId();
  ingest_cmd->add_option("--operator", ingest.operator_id, "who hands it over, for the ledger's audit trail")
      ->capture_default_str();
  mailroom::app::MetricsSetting ingest_metrics;
  mailroom::app::AddMetricsOptions(ingest_cmd, ingest_metrics, /*with_file=*/true);

  mailroom::app::PostkorbCommandOptions postkorb;
  auto* postkorb_cmd =
      app.add_subcommand("postkorb", "the jobcenter side: write the documents of its Postkorb queue into a folder");
  postkorb_cmd->add_option("--jobcenter", postkorb.jobcenter_id, "jobcenter_id whose queue to read")->required();
  postkorb_cmd->add_option("--broker", postkorb.broker_url, "amqp(s)://user:pass@host:port/vhost, the jobcenter's user")
      ->required();
  postkorb_cmd->add_option("--out", postkorb.out_dir, "folder that receives postkorb/<jobcenter_id>/<team>/")
      ->required();
  postkorb_cmd->add_option("--prefix", postkorb.prefix, "prefix of every exchange and queue name")
      ->capture_default_str();
  mailroom::app::AddTlsOptions(postkorb_cmd, postkorb.tls);
  postkorb_cmd->add_option("--max-documents", postkorb.max_documents, "stop after this many documents (0: run on)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  mailroom::app::MetricsSetting postkorb_metrics;
  mailroom::app::AddMetricsOptions(postkorb_cmd, postkorb_metrics);

  mailroom::app::WorkerCommandOptions worker;
  auto* worker_cmd = app.add_subcommand("worker", "run one stage of the distributed pipeline until SIGINT/SIGTERM");
  worker_cmd->add_option("ROLE", worker.role, "ocr, classify or route")
      ->required()
      ->check(CLI::IsMember({"ocr", "classify", "route"}));
  worker_cmd->add_option("--broker", worker.broker_url, "amqp://user:pass@host:port/vhost (or amqps://)")->required();
  worker_cmd->add_option("--store", worker.store_dir, "the content store folder shared with the other workers")
      ->required();
  worker_cmd->add_option("--state", worker.state_dir,
                         "classify: the box journal; route: scratch space (default: /var/tmp/mailroom-<role>)");
  worker_cmd->add_option("--registry", worker.registry_dir, "classify: folder with jobcenters.csv and cases.csv");
  worker_cmd->add_option("--jobs", worker.jobs, "ocr: worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  worker_cmd
      ->add_option("--threshold", worker.classifier.route_threshold, "classify: route at or above this confidence")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  worker_cmd->add_option("--prefix", worker.prefix, "prefix of every exchange and queue name")->capture_default_str();
  worker_cmd->add_option("--ledger", worker.ledger_file,
                         "classify, route: the box ledger, to record each box's pages as accounted or delivered");
  mailroom::app::AddTlsOptions(worker_cmd, worker.tls);
  mailroom::app::MetricsSetting worker_metrics;
  mailroom::app::AddMetricsOptions(worker_cmd, worker_metrics);

  auto* version_cmd =
      app.add_subcommand("version", "versions of mailroom and its OCR libraries, and the OpenMP setting");

  auto ledger_commands = mailroom::app::AddLedgerCommands(app);
  mailroom::app::ScanCommandLine scan_command(app);
  mailroom::app::DashboardCommandLine dashboard_command(app);
  try {
    app.name("mailroom");  // parsing a vector leaves the program name unset
    mailroom::app::UseEnvironment(app);
    auto args = mailroom::app::WithConfigFile(argc, argv, app);
    if (!args) {
      mailroom::eventlog::CommandError(args.error().message);
      return kExitBadInput;
    }
    if (auto named = mailroom::app::CheckCommandName(*args, app); !named) {
      mailroom::eventlog::CommandError(named.error().message);
      return kExitBadInput;
    }
    std::reverse(args->begin(), args->end());  // CLI11 takes a vector last argument first
    app.parse(*args);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }
  if (auto configured = ConfigureLog(log); !configured) {
    std::fprintf(stderr, "mailroom: error: %s\n", configured.error().message.c_str());
    return kExitBadInput;
  }
  for (const auto& team : teams) {
    const auto eq = team.find('=');
    process.classifier.teams[team.substr(0, eq)] = team.substr(eq + 1);
  }
  if (auto code = ledger_commands.RunIfChosen()) return *code;
  if (auto code = scan_command.RunIfChosen()) return *code;
  if (auto code = dashboard_command.RunIfChosen()) return *code;
  if (*process_cmd) return WithMetrics(process_metrics, "process", [&] { return RunProcess(process); });
  if (*topology_cmd) return Report(mailroom::app::SetUpTopology(topology));
  if (*ingest_cmd) {
    return WithMetrics(ingest_metrics, "ingest", [&] { return Report(mailroom::app::IngestBoxCommand(ingest)); });
  }
  if (*postkorb_cmd) {
    return WithMetrics(postkorb_metrics, "postkorb",
                       [&] { return Report(mailroom::app::RunPostkorbCommand(postkorb)); });
  }
  if (*worker_cmd) {
    if (worker.state_dir.empty()) worker.state_dir = "/var/tmp/mailroom-" + worker.role;
    if (worker.role == "classify" && worker.registry_dir.empty()) {
      mailroom::eventlog::CommandError("worker classify needs --registry");
      return kExitBadInput;
    }
    return WithMetrics(worker_metrics, worker.role, [&] { return Report(mailroom::app::RunWorkerCommand(worker)); });
  }
  if (*version_cmd) {
    std::fputs(mailroom::app::VersionText().c_str(), stdout);
    return 0;
  }
  return RunSamplegen(scan_defects ? mailroom::samplegen::ScanDefects(sample) : sample);
}
