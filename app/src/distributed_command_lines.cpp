// The commands of the distributed mode on the command line: topology, ingest, postkorb, worker.
#include "command_lines.h"
#include "mailroom/app/distributed_commands.h"
#include "mailroom/app/settings.h"

namespace mailroom::app {
namespace {

class TopologyCommandLine : public SubcommandLine {
 public:
  explicit TopologyCommandLine(CLI::App& app)
      : SubcommandLine(
            app, "topology",
            "set up the broker for the distributed mode: exchanges, stage and dead-letter queues, Postkorb queues") {
    CLI::App* c = command();
    TopologyCommandOptions& o = options_;
    c->add_option("--broker", o.broker_url, "amqp://user:pass@host:port/vhost (or amqps://)")->required();
    c->add_option("--registry", o.registry_dir, "folder with jobcenters.csv and cases.csv")->required();
    c->add_option("--prefix", o.prefix, "prefix of every exchange and queue name")->capture_default_str();
    AddTlsOptions(c, o.tls);
    auto* management = c->add_option(
        "--management", o.management_url,
        "RabbitMQ management API, e.g. http://host:15672/ (credentials: its own or --broker's); with it, one user "
        "per jobcenter that may read its own Postkorb queue only");
    auto* credentials = c->add_option(
        "--credentials-out", o.credentials_dir,
        "with --management: folder for <jobcenter_id>.url, each jobcenter's amqp URL with its password (0600)");
    credentials->needs(management);
    management->needs(credentials);
    c->add_flag("--rotate-passwords", o.rotate_passwords,
                "with --management: new passwords for every jobcenter user (default: keep existing ones)")
        ->needs(management);
  }

  int Run() override { return Report(SetUpTopology(options_)); }

 private:
  TopologyCommandOptions options_;
};

class IngestCommandLine : public SubcommandLine {
 public:
  explicit IngestCommandLine(CLI::App& app)
      : SubcommandLine(app, "ingest", "hand a box folder to the distributed pipeline (content store + broker)") {
    CLI::App* c = command();
    IngestCommandOptions& o = options_;
    c->add_option("BOX_DIR", o.box_dir, "folder with the box's page images")->required();
    c->add_option("--broker", o.broker_url, "amqp://user:pass@host:port/vhost (or amqps://)")->required();
    c->add_option("--store", o.store_dir, "the content store folder shared with the workers")->required();
    c->add_option("--prefix", o.prefix, "prefix of every exchange and queue name")->capture_default_str();
    AddTlsOptions(c, o.tls);
    c->add_option("--ledger", o.ledger_file, "box ledger: the box must be registered there, and goes to processing");
    o.operator_id = DefaultOperatorId();
    c->add_option("--operator", o.operator_id, "who hands it over, for the ledger's audit trail")
        ->capture_default_str();
    AddPageLimitOptions(c, o.page_limits);
    AddMetricsOptions(c, metrics_, /*with_file=*/true);
  }

  int Run() override {
    return WithMetrics(metrics_, "ingest", [this] { return Report(IngestBoxCommand(options_)); });
  }

 private:
  IngestCommandOptions options_;
  MetricsSetting metrics_;
};

class PostkorbCommandLine : public SubcommandLine {
 public:
  explicit PostkorbCommandLine(CLI::App& app)
      : SubcommandLine(app, "postkorb", "the jobcenter side: write the documents of its Postkorb queue into a folder") {
    CLI::App* c = command();
    PostkorbCommandOptions& o = options_;
    c->add_option("--jobcenter", o.jobcenter_id, "jobcenter_id whose queue to read")->required();
    c->add_option("--broker", o.broker_url, "amqp(s)://user:pass@host:port/vhost, the jobcenter's user")->required();
    c->add_option("--out", o.out_dir, "folder that receives postkorb/<jobcenter_id>/<team>/")->required();
    c->add_option("--prefix", o.prefix, "prefix of every exchange and queue name")->capture_default_str();
    AddTlsOptions(c, o.tls);
    c->add_option("--max-documents", o.max_documents, "stop after this many documents (0: run on)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    AddMetricsOptions(c, metrics_);
  }

  int Run() override {
    return WithMetrics(metrics_, "postkorb", [this] { return Report(RunPostkorbCommand(options_)); });
  }

 private:
  PostkorbCommandOptions options_;
  MetricsSetting metrics_;
};

class WorkerCommandLine : public SubcommandLine {
 public:
  explicit WorkerCommandLine(CLI::App& app)
      : SubcommandLine(app, "worker", "run one stage of the distributed pipeline until SIGINT/SIGTERM") {
    CLI::App* c = command();
    WorkerCommandOptions& o = options_;
    c->add_option("ROLE", o.role, "ocr, classify, route, or review-intake (the review queue into the desk's in-tray)")
        ->required()
        ->check(CLI::IsMember({"ocr", "classify", "route", "review-intake"}));
    c->add_option("--broker", o.broker_url, "amqp://user:pass@host:port/vhost (or amqps://)")->required();
    c->add_option("--store", o.store_dir,
                  "ocr, classify, route: the content store folder shared with the other workers");
    c->add_option("--out", o.out_dir, "review-intake: the review desk's output folder (documents go into its review/)");
    c->add_option("--state", o.state_dir,
                  "classify: the box journal; route: scratch space (default: /var/tmp/mailroom-<role>)");
    c->add_option("--registry", o.registry_dir, "classify: folder with jobcenters.csv and cases.csv");
    c->add_option("--jobs", o.jobs, "ocr: worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
    c->add_option("--tessdata", o.tessdata_dir, "ocr: Tesseract model folder")->capture_default_str();
    AddPageLimitOptions(c, o.page_limits, "ocr: ");
    AddClassifierOptions(c, o.classifier, "classify: ");
    c->add_option("--prefix", o.prefix, "prefix of every exchange and queue name")->capture_default_str();
    c->add_option("--ledger", o.ledger_file,
                  "classify, route: the box ledger, to record each box's pages as accounted or delivered; "
                  "classify: also the journal all classify workers on it share (several at once); "
                  "review-intake: a document resolved there is not taken into review again");
    c->add_option("--claim-seconds", o.claim_seconds,
                  "classify with --ledger: a box being finished is this worker's for so long; another worker "
                  "takes over a box whose worker died once its claim ran out")
        ->capture_default_str()
        ->check(CLI::Range(5, 3600));
    AddTlsOptions(c, o.tls);
    AddMetricsOptions(c, metrics_);
  }

  int Run() override {
    return WithMetrics(metrics_, options_.role, [this] { return Report(RunWorkerCommand(options_)); });
  }

 private:
  WorkerCommandOptions options_;
  MetricsSetting metrics_;
};

}  // namespace

std::unique_ptr<CommandLine> TopologyCommand(CLI::App& app) {
  return std::make_unique<TopologyCommandLine>(app);
}

std::unique_ptr<CommandLine> IngestCommand(CLI::App& app) {
  return std::make_unique<IngestCommandLine>(app);
}

std::unique_ptr<CommandLine> PostkorbCommand(CLI::App& app) {
  return std::make_unique<PostkorbCommandLine>(app);
}

std::unique_ptr<CommandLine> WorkerCommand(CLI::App& app) {
  return std::make_unique<WorkerCommandLine>(app);
}

}  // namespace mailroom::app
