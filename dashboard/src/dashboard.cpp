#include "mailroom/dashboard/dashboard.h"

#include <mutex>
#include <nlohmann/json.hpp>

#include "ledger_gauges.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/metrics/http_endpoint.h"
#include "queue_depths.h"
#include "web_assets.h"

namespace mailroom::dashboard {

struct Dashboard::State {
  DashboardOptions options;
  std::vector<std::string> queues;
  std::mutex mutex;  // one snapshot at a time: the broker connection is not thread-safe
  std::optional<transport::Connection> broker;
  std::unique_ptr<metrics::HttpEndpoint> endpoint;
  int collector = 0;

  // The queue depths, connecting (again) when needed; the error text where the broker fails.
  void AddQueues(Overview& overview) {
    if (!options.broker) return;
    if (!broker || !broker->IsOpen()) {
      broker.reset();
      auto opened = transport::Connection::Open(*options.broker);
      if (!opened) {
        overview.queues_error = opened.error().message;
        return;
      }
      broker.emplace(std::move(*opened));
    }
    auto depths = ReadQueueDepths(*broker, queues);
    if (!depths) {
      overview.queues_error = depths.error().message;
      return;
    }
    overview.queues = std::move(*depths);
  }
};

Result<std::unique_ptr<Dashboard>> Dashboard::Start(const DashboardOptions& options) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(options.ledger_file, error)) {
    return Fail("no box ledger at " + options.ledger_file.string() +
                " (give the scan center's ledger with --ledger or MAILROOM_LEDGER)");
  }
  auto state = std::make_unique<State>();
  state->options = options;
  if (options.broker) {
    std::optional<classifier::Registry> registry;
    if (!options.registry_dir.empty()) {
      auto loaded = classifier::LoadRegistry(options.registry_dir);
      if (!loaded) return tl::unexpected(loaded.error());
      registry.emplace(std::move(*loaded));
    }
    state->queues = PipelineQueues(options.prefix, registry ? &*registry : nullptr);
  }
  std::unique_ptr<Dashboard> dashboard(new Dashboard(std::move(state)));
  Dashboard* self = dashboard.get();

  // Prometheus reads the same snapshot as the page; a failed read leaves the gauges as they were.
  self->state_->collector = metrics::Registry::Default().AddCollector([self](metrics::Registry& registry) {
    if (auto overview = self->Snapshot()) SetGauges(registry, *overview);
  });
  auto file = [](std::string path, const char* body, std::string type) {
    return metrics::Route{std::move(path), std::move(type),
                          [body]() -> Result<std::string> { return std::string(body); }};
  };
  std::vector<metrics::Route> routes;
  routes.push_back(file("/", kIndexHtml, "text/html; charset=utf-8"));
  routes.push_back(file("/dashboard.js", kDashboardJs, "text/javascript; charset=utf-8"));
  routes.push_back(file("/dashboard.css", kDashboardCss, "text/css; charset=utf-8"));
  routes.push_back({"/api/overview", "application/json", [self]() -> Result<std::string> {
                      auto overview = self->Snapshot();
                      if (!overview) return tl::unexpected(overview.error());
                      return ToJson(*overview).dump();
                    }});
  routes.push_back(metrics::MetricsRoute());
  auto endpoint = metrics::HttpEndpoint::Start(options.bind, options.port, std::move(routes));
  if (!endpoint) return tl::unexpected(endpoint.error().Prefixed("dashboard"));
  self->state_->endpoint = std::move(*endpoint);
  return dashboard;
}

Dashboard::Dashboard(std::unique_ptr<State> state) : state_(std::move(state)) {}

Dashboard::~Dashboard() {
  state_->endpoint.reset();  // no request may run into a half-destroyed dashboard
  metrics::Registry::Default().RemoveCollector(state_->collector);
}

int Dashboard::port() const {
  return state_->endpoint->port();
}

Result<Overview> Dashboard::Snapshot() {
  std::lock_guard lock(state_->mutex);
  // Opened per snapshot: cheap next to a page load, and the file is read as the workers write it.
  auto ledger = ledger::Ledger::Open(state_->options.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  auto overview = ReadOverview(*ledger, UtcNow(), state_->options.hours);
  if (!overview) return tl::unexpected(overview.error().Prefixed(state_->options.ledger_file.string()));
  state_->AddQueues(*overview);
  return overview;
}

}  // namespace mailroom::dashboard
