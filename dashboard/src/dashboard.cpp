#include "mailroom/dashboard/dashboard.h"

#include <mutex>
#include <nlohmann/json.hpp>

#include "ledger_gauges.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/stations.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/web/server.h"
#include "queue_depths.h"
#include "web_assets.h"

namespace mailroom::dashboard {

struct Dashboard::State {
  DashboardOptions options;
  std::vector<std::string> queues;
  std::mutex mutex;  // one snapshot at a time: the broker connection is not thread-safe
  std::optional<transport::Connection> broker;
  std::unique_ptr<web::Server> server;
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

  web::Response Resume(const std::string& station_id, const std::string& login) const {
    auto ledger = ledger::Ledger::Open(options.ledger_file);
    if (!ledger) return web::JsonError(500, ledger.error().message);
    auto resumed = ledger::Stations(*ledger).RequestResume(station_id, ledger::Stamp{login, UtcNow()});
    if (!resumed) return web::JsonError(500, resumed.error().message);
    switch (resumed->outcome) {
      case ledger::ResumeRequest::Outcome::kNeverRan:
        return web::JsonError(404, "station " + station_id + " has never run");
      case ledger::ResumeRequest::Outcome::kNotPaused:
        return web::JsonError(409, "station " + station_id + " is " + resumed->state.state + ", not paused");
      case ledger::ResumeRequest::Outcome::kRequested:
        break;
    }
    return web::Response{200, "application/json", StationJson(resumed->state).dump(), {}};
  }
};

Result<std::unique_ptr<Dashboard>> Dashboard::Start(const DashboardOptions& options) {
  std::error_code error;
  if (!ledger::IsServerLedger(options.ledger_file.string()) &&
      !std::filesystem::is_regular_file(options.ledger_file, error)) {
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
  // Everything but /metrics needs a login (web/: users and sessions in the ledger); Prometheus
  // scrapes /metrics without one, and it holds only counts and jobcenter ids.
  auto file = [](std::string path, const char* body, std::string type) {
    return web::Route{"GET", std::move(path), [body, type](const web::Request&) {
                        return web::Response{200, type, body, {}};
                      }};
  };
  std::vector<web::Route> routes;
  routes.push_back(file("/", kIndexHtml, "text/html; charset=utf-8"));
  routes.push_back(file("/dashboard.js", kDashboardJs, "text/javascript; charset=utf-8"));
  routes.push_back(file("/dashboard.css", kDashboardCss, "text/css; charset=utf-8"));
  routes.push_back({"GET", "/api/overview", [self](const web::Request&) {
                      auto overview = self->Snapshot();
                      // The reason names the ledger file or the broker, never a person: the page shows it.
                      if (!overview) return web::JsonError(500, overview.error().message);
                      return web::Response{200, "application/json", ToJson(*overview).dump(), {}};
                    }});
  // The operator's resume of a paused station: the same request in the ledger as `mailroom station
  // resume`, by the logged-in user (the server has checked the session and its CSRF token).
  routes.push_back({"POST", R"(/api/stations/([A-Za-z0-9._-]+)/resume)", [self](const web::Request& request) {
                      return self->state_->Resume(request.matches.at(0), request.session->login);
                    }});
  routes.push_back(
      {"GET", "/metrics",
       [](const web::Request&) {
         return web::Response{
             200, "text/plain; version=0.0.4; charset=utf-8", metrics::Registry::Default().Exposition(), {}};
       },
       true});
  web::ServerOptions server;
  server.bind = options.bind;
  server.port = options.port;
  server.ledger_file = options.ledger_file;
  server.title = "mailroom operations";
  server.secure_cookie = options.secure_cookie;
  auto started = web::Server::Start(server, std::move(routes));
  if (!started) return tl::unexpected(started.error().Prefixed("dashboard"));
  self->state_->server = std::move(*started);
  return dashboard;
}

Dashboard::Dashboard(std::unique_ptr<State> state) : state_(std::move(state)) {}

Dashboard::~Dashboard() {
  state_->server.reset();  // no request may run into a half-destroyed dashboard
  metrics::Registry::Default().RemoveCollector(state_->collector);
}

int Dashboard::port() const {
  return state_->server->port();
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
