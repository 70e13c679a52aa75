#include "mailroom/app/distributed_commands.h"

#include <fmt/format.h>

#include <csignal>
#include <optional>
#include <system_error>

#include "box_custody.h"
#include "desk_sink.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/common/event_log.h"
#include "mailroom/distributed/ingest.h"
#include "mailroom/distributed/jobcenter_users.h"
#include "mailroom/distributed/ocr_worker.h"
#include "mailroom/distributed/postkorb.h"
#include "mailroom/distributed/review_intake.h"
#include "mailroom/distributed/stage_workers.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/ingest/box.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::app {

// amqps:// needs the CA that signed the broker's certificate, and the broker may demand ours.
void AddTlsOptions(CLI::App* command, BrokerTls& tls) {
  command->add_option("--ca-cert", tls.ca_cert, "amqps: the CA file that signed the broker's certificate");
  command->add_option("--client-cert", tls.client_cert, "amqps: this side's certificate, if the broker asks for one");
  command->add_option("--client-key", tls.client_key, "amqps: the key of --client-cert");
}

transport::ConnectOptions BrokerConnectOptions(const std::string& url, const BrokerTls& tls) {
  transport::ConnectOptions options;
  options.url = url;
  options.ca_cert_file = tls.ca_cert;
  options.client_cert_file = tls.client_cert;
  options.client_key_file = tls.client_key;
  return options;
}

namespace {

// Set by SIGINT/SIGTERM: a long-running consumer finishes the document in hand and stops.
transport::StopFlag g_stop{false};

void RequestStop(int /*signal*/) {
  g_stop = true;
}

void StopOnSignals() {
  std::signal(SIGINT, RequestStop);
  std::signal(SIGTERM, RequestStop);
}

// Reconnects are worth an event: the operator sees that the broker is away.
transport::RetryPolicy LoggedRetry() {
  transport::RetryPolicy retry;
  retry.on_retry = [](int attempt, const Error& error, std::chrono::milliseconds wait) {
    eventlog::Log(eventlog::Level::kWarning, "broker.unreachable",
                  {.more = {{"attempt", std::to_string(attempt)}, {"retry_in_ms", std::to_string(wait.count())}}},
                  error.message);
  };
  return retry;
}

tl::unexpected<ProcessError> Failed(const Error& error) {
  return tl::unexpected(ProcessError{FailureKind::kRunFailed, error.message});
}

}  // namespace

tl::expected<std::string, ProcessError> SetUpTopology(const TopologyCommandOptions& options) {
  auto registry = classifier::LoadRegistry(options.registry_dir);
  if (!registry) return tl::unexpected(ProcessError{FailureKind::kBadInput, registry.error().message});
  auto connection = transport::Connection::Open(BrokerConnectOptions(options.broker_url, options.tls));
  if (!connection) return tl::unexpected(ProcessError{FailureKind::kRunFailed, connection.error().message});
  auto queues = distributed::DeclareTopology(*connection, *registry, {.prefix = options.prefix});
  if (!queues) return tl::unexpected(ProcessError{FailureKind::kRunFailed, queues.error().message});
  std::string text = fmt::format("topology '{}' on {}: {} work queues, each with a dead-letter queue\n", options.prefix,
                                 connection->Broker(), queues->size());
  for (const auto& queue : *queues) text += "  " + queue + "\n";
  if (options.management_url.empty()) return text;
  auto users = distributed::SetUpJobcenterUsers(*registry, {.management_url = options.management_url,
                                                            .broker_url = options.broker_url,
                                                            .credentials_dir = options.credentials_dir,
                                                            .prefix = options.prefix,
                                                            .rotate_passwords = options.rotate_passwords});
  if (!users) return Failed(users.error());
  text += fmt::format("{} jobcenter users, each reading its own Postkorb queue only\n", users->size());
  for (const auto& user : *users) {
    text += fmt::format("  {}: {} ({})\n", user.user, user.url_file.string(),
                        user.new_password ? "new password" : "password kept");
  }
  return text;
}

tl::expected<std::string, ProcessError> IngestBoxCommand(const IngestCommandOptions& options) {
  // The box is checked before anything is stored or sent.
  if (auto info = ingest::ReadBoxInfo(options.box_dir); !info) {
    return tl::unexpected(ProcessError{FailureKind::kBadInput, info.error().message});
  }
  auto pages = ingest::ListPages(options.box_dir, options.page_limits);
  if (!pages) return tl::unexpected(ProcessError{FailureKind::kBadInput, pages.error().message});
  std::string arrived_at;
  if (!options.ledger_file.empty()) {
    auto box = ingest::ReadBoxInfo(options.box_dir);
    auto custody = BoxCustody::Begin(options.ledger_file, *box, static_cast<int>(pages->size()), options.operator_id);
    if (!custody) return tl::unexpected(custody.error());
    arrived_at = custody->arrived_at();
  }
  auto store = store::ContentStore::Open(options.store_dir);
  if (!store) return tl::unexpected(ProcessError{FailureKind::kRunFailed, store.error().message});
  auto connection = transport::Connection::Open(BrokerConnectOptions(options.broker_url, options.tls));
  if (!connection) return tl::unexpected(ProcessError{FailureKind::kRunFailed, connection.error().message});
  const distributed::Topology topology(options.prefix);
  auto done = distributed::IngestBox(options.box_dir, *store, *connection, topology, arrived_at, options.page_limits);
  if (!done) return tl::unexpected(ProcessError{FailureKind::kRunFailed, done.error().message});
  return fmt::format("box {}: {} pages stored in {} and published to {} on {}\n", done->box_id, done->pages,
                     options.store_dir.string(), topology.Pages(), connection->Broker());
}

tl::expected<std::string, ProcessError> RunPostkorbCommand(const PostkorbCommandOptions& options) {
  StopOnSignals();
  distributed::PostkorbOptions postkorb{options.jobcenter_id, options.out_dir, distributed::Topology(options.prefix),
                                        options.max_documents};
  auto written =
      distributed::RunPostkorb(BrokerConnectOptions(options.broker_url, options.tls), postkorb, g_stop, LoggedRetry());
  if (!written) return Failed(written.error());
  return fmt::format("postkorb {}: {} documents written to {}\n", options.jobcenter_id, *written,
                     (options.out_dir / "postkorb" / options.jobcenter_id).string());
}

namespace {

// The desk's side: the review queue into OUT_DIR/review/, where `mailroom review` works.
tl::expected<std::string, ProcessError> RunReviewIntakeWorker(const WorkerCommandOptions& options) {
  distributed::ReviewIntakeOptions intake;
  intake.connect = BrokerConnectOptions(options.broker_url, options.tls);
  intake.retry = LoggedRetry();
  intake.topology = distributed::Topology(options.prefix);
  intake.out_dir = options.out_dir;
  intake.ledger_file = options.ledger_file;
  auto written = distributed::RunReviewIntake(intake, g_stop);
  if (!written) return Failed(written.error());
  return fmt::format("review intake: {} documents written to {}\n", *written, (options.out_dir / "review").string());
}

// What a role needs besides the broker, checked before anything starts.
std::optional<std::string> MissingOption(const WorkerCommandOptions& options) {
  if (options.role == "review-intake") {
    if (options.out_dir.empty()) return "worker review-intake needs --out";
    std::error_code ec;
    if (!options.ledger_file.empty() && !ledger::IsServerLedger(options.ledger_file.string()) &&
        !std::filesystem::exists(options.ledger_file, ec)) {
      return "ledger " + options.ledger_file.string() + ": no such file (the review intake never creates one)";
    }
    return std::nullopt;
  }
  if (options.store_dir.empty()) return "worker " + options.role + " needs --store";
  if (options.role == "classify" && options.registry_dir.empty()) return "worker classify needs --registry";
  return std::nullopt;
}

}  // namespace

tl::expected<std::string, ProcessError> RunWorkerCommand(const WorkerCommandOptions& options) {
  if (auto missing = MissingOption(options)) return tl::unexpected(ProcessError{FailureKind::kBadInput, *missing});
  StopOnSignals();
  if (options.role == "review-intake") return RunReviewIntakeWorker(options);
  const distributed::Topology topology(options.prefix);
  if (options.role == "ocr") {
    distributed::OcrWorkerOptions ocr;
    ocr.connect = BrokerConnectOptions(options.broker_url, options.tls);
    ocr.retry = LoggedRetry();
    ocr.topology = topology;
    ocr.store_dir = options.store_dir;
    ocr.jobs = options.jobs;
    ocr.ocr.tessdata_dir = options.tessdata_dir;
    ocr.page_limits = options.page_limits;
    auto done = distributed::RunOcrWorker(ocr, g_stop);
    if (!done) return Failed(done.error());
    return fmt::format("ocr worker: {} readings published, {} pages dead-lettered\n", done->readings,
                       done->dead_lettered);
  }
  distributed::StageWorkerOptions stage;
  stage.connect = BrokerConnectOptions(options.broker_url, options.tls);
  stage.retry = LoggedRetry();
  stage.topology = topology;
  stage.store_dir = options.store_dir;
  stage.state_dir =
      options.state_dir.empty() ? std::filesystem::path("/var/tmp/mailroom-" + options.role) : options.state_dir;
  stage.ledger_file = options.ledger_file;
  stage.classify_claim = std::chrono::seconds(options.claim_seconds);
  if (options.role == "classify") {
    // The registry and the classifier options are checked here, once, before the worker starts.
    auto registry = classifier::LoadRegistry(options.registry_dir);
    if (!registry) return tl::unexpected(ProcessError{FailureKind::kBadInput, registry.error().message});
    auto classifier = classifier::Classifier::Create(*registry, options.classifier);
    if (!classifier) return tl::unexpected(ProcessError{FailureKind::kBadInput, classifier.error().message});
    auto boxes = distributed::RunClassifyWorker(stage, *classifier, g_stop);
    if (!boxes) return Failed(boxes.error());
    return fmt::format("classify worker: {} boxes classified\n", *boxes);
  }
  auto documents = distributed::RunRouteWorker(stage, g_stop);
  if (!documents) return Failed(documents.error());
  return fmt::format("route worker: {} documents routed\n", *documents);
}

}  // namespace mailroom::app
