// `mailroom dashboard` as a server: the page and its JSON behind the login, the Prometheus gauges
// without one, over real HTTP, and the queue depths from the test run's broker.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "mailroom/classifier/registry.h"
#include "mailroom/dashboard/dashboard.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/ledger/stations.h"
#include "mailroom/ledger/users.h"
#include "temp_dir.h"
#include "test_broker.h"
#include "web_login.h"

namespace mailroom::dashboard {
namespace {

using mailroom::testing::TempDir;
using mailroom::testing::WithSession;

constexpr const char* kPassword = "correct horse battery";

// One registered box, and the user op-1 (any user may see the dashboard: counts and ids only).
std::filesystem::path LedgerWithOneBox(const TempDir& dir) {
  auto ledger = ledger::Ledger::Open(dir / "ledger.sqlite");
  REQUIRE(ledger);
  REQUIRE(ledger->RegisterBox({"B-7", "S-7", "jobcenter-kiel", UtcNow(), "op-1"}));
  REQUIRE(ledger::Users(*ledger).Add("op-1", kPassword, {}, {"admin", UtcNow()}));
  return dir / "ledger.sqlite";
}

std::unique_ptr<Dashboard> Start(DashboardOptions options) {
  options.port = 0;
  auto dashboard = Dashboard::Start(options);
  REQUIRE(dashboard);
  return std::move(*dashboard);
}

TEST_CASE("the dashboard refuses to start without an existing ledger", "[dashboard]") {
  TempDir dir;
  DashboardOptions options;
  options.ledger_file = dir / "typo.sqlite";
  auto dashboard = Dashboard::Start(options);
  REQUIRE_FALSE(dashboard);
  CHECK(dashboard.error().message.find("typo.sqlite") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "typo.sqlite"));  // and it did not make one
}

TEST_CASE("the page, the JSON and the metrics are served", "[dashboard][http]") {
  TempDir dir;
  DashboardOptions options;
  options.ledger_file = LedgerWithOneBox(dir);
  auto dashboard = Start(options);
  httplib::Client client("127.0.0.1", dashboard->port());
  const auto session = WithSession(mailroom::testing::LogInThroughForm(client, "op-1", kPassword));

  auto page = client.Get("/", session);
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->body.find("dashboard.js") != std::string::npos);
  for (const char* asset : {"/dashboard.js", "/dashboard.css"}) {
    auto file = client.Get(asset, session);
    REQUIRE(file);
    CHECK(file->status == 200);
    CHECK_FALSE(file->body.empty());
  }

  auto api = client.Get("/api/overview", session);
  REQUIRE(api);
  REQUIRE(api->status == 200);
  const auto json = nlohmann::json::parse(api->body);
  CHECK(json["totals"]["boxes"] == 1);
  CHECK(json["backlog"][0]["jobcenter"] == "jobcenter-kiel");

  auto metrics = client.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("mailroom_boxes{state=\"received\"} 1\n") != std::string::npos);
  CHECK(metrics->body.find("mailroom_undelivered_pages{jobcenter=\"jobcenter-kiel\"} 0\n") != std::string::npos);
  CHECK(metrics->body.find("mailroom_oldest_undelivered_page_age_seconds{jobcenter=\"jobcenter-kiel\"}") !=
        std::string::npos);
  CHECK(metrics->body.find("mailroom_destruction_due_boxes 0\n") != std::string::npos);
}

TEST_CASE("the page and the JSON need a login, the metrics do not", "[dashboard][http]") {
  TempDir dir;
  DashboardOptions options;
  options.ledger_file = LedgerWithOneBox(dir);
  auto dashboard = Start(options);
  httplib::Client client("127.0.0.1", dashboard->port());
  auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 303);
  CHECK(page->get_header_value("Location").rfind("/login?next=/", 0) == 0);
  auto api = client.Get("/api/overview");
  REQUIRE(api);
  CHECK(api->status == 401);
  CHECK(api->body.find("B-7") == std::string::npos);
  auto login = client.Get("/login");
  REQUIRE(login);
  CHECK(login->body.find("mailroom operations") != std::string::npos);
  CHECK(mailroom::testing::PostLoginForm(client, "op-1", "not the password").status == 401);
  auto metrics = client.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->status == 200);
  CHECK(metrics->body.find("mailroom_boxes{state=\"received\"} 1\n") != std::string::npos);
}

TEST_CASE("the dashboard shows each station and resumes a paused one for a logged-in user with the CSRF token",
          "[dashboard][http][stations]") {
  TempDir dir;
  DashboardOptions options;
  options.ledger_file = LedgerWithOneBox(dir);
  {
    auto ledger = ledger::Ledger::Open(options.ledger_file);
    REQUIRE(ledger);
    ledger::Stations stations(*ledger);
    REQUIRE(ledger->RegisterBox({"B-8", "S-8", "jobcenter-kiel", UtcNow(), "op-1"}));
    REQUIRE(stations.Assign("B-7", "scan-1", {"op-1", UtcNow()}));
    REQUIRE(stations.Assign("B-8", "scan-1", {"op-1", UtcNow()}));
    REQUIRE(stations.TakeNext("scan-1", UtcNow()).value() == std::optional<std::string>{"B-7"});
    REQUIRE(stations.Report({.station_id = "scan-1",
                             .state = "paused",
                             .reason = "Paper jam at sheet 3; then: mailroom station resume --station scan-1",
                             .box_id = "B-7",
                             .pages = 4,
                             .running = true,
                             .updated_at = UtcNow()}));
    REQUIRE(stations.Report({.station_id = "scan-2", .state = "idle", .running = true, .updated_at = UtcNow()}));
  }
  auto dashboard = Start(options);
  httplib::Client client("127.0.0.1", dashboard->port());
  const std::string cookie = mailroom::testing::LogInThroughForm(client, "op-1", kPassword);
  const auto session = WithSession(cookie);

  auto api = client.Get("/api/overview", session);
  REQUIRE(api);
  REQUIRE(api->status == 200);
  const auto stations = nlohmann::json::parse(api->body)["stations"];
  INFO(stations.dump());
  REQUIRE(stations.size() == 2);
  CHECK(stations[0]["station"] == "scan-1");
  CHECK(stations[0]["state"] == "paused");
  CHECK(stations[0]["box_id"] == "B-7");
  CHECK(stations[0]["pages"] == 4);
  CHECK(stations[0]["jobs_waiting"] == 1);
  CHECK(stations[0]["running"] == true);
  CHECK(stations[0]["resume_requested"] == false);
  CHECK_THAT(stations[0]["reason"].get<std::string>(), Catch::Contains("Paper jam at sheet 3"));
  CHECK(stations[1]["station"] == "scan-2");
  CHECK(stations[1]["state"] == "idle");

  // No session, or no CSRF token: refused, nothing requested.
  auto anonymous = client.Post("/api/stations/scan-1/resume", "", "application/json");
  REQUIRE(anonymous);
  CHECK(anonymous->status == 401);
  auto no_token = client.Post("/api/stations/scan-1/resume", session, "", "application/json");
  REQUIRE(no_token);
  CHECK(no_token->status == 403);
  auto session_json = client.Get("/api/session", session);
  REQUIRE(session_json);
  const std::string csrf = nlohmann::json::parse(session_json->body)["csrf_token"];
  const auto with_token = WithSession(cookie, {{"X-CSRF-Token", csrf}});
  auto idle = client.Post("/api/stations/scan-2/resume", with_token, "", "application/json");
  REQUIRE(idle);
  CHECK(idle->status == 409);
  CHECK_THAT(idle->body, Catch::Contains("station scan-2 is idle, not paused"));
  auto unknown = client.Post("/api/stations/scan-9/resume", with_token, "", "application/json");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  auto bad_id = client.Post("/api/stations/scan%2F1/resume", with_token, "", "application/json");
  REQUIRE(bad_id);
  CHECK(bad_id->status == 404);
  {
    auto ledger = ledger::Ledger::Open(options.ledger_file);
    REQUIRE_FALSE(ledger::Stations(*ledger).StateOf("scan-1").value()->resume_requested);
  }

  auto resumed = client.Post("/api/stations/scan-1/resume", with_token, "", "application/json");
  REQUIRE(resumed);
  INFO(resumed->body);
  CHECK(resumed->status == 200);
  CHECK(nlohmann::json::parse(resumed->body)["resume_requested"] == true);
  // The same request as `mailroom station resume`: the station takes it; the audit names the user.
  auto ledger = ledger::Ledger::Open(options.ledger_file);
  REQUIRE(ledger);
  CHECK(ledger::Stations(*ledger).StateOf("scan-1").value()->resume_requested);
  const auto trail = ledger->AuditTrail("B-7").value();
  REQUIRE_FALSE(trail.empty());
  CHECK(trail.back().what == "station job: resumed at scan-1");
  CHECK(trail.back().who == "op-1");
  CHECK(ledger::Stations(*ledger).TakeResume("scan-1").value());
}

TEST_CASE("the dashboard shows the depth of every pipeline queue", "[dashboard][broker]") {
  TempDir dir;
  const std::string prefix = mailroom::testing::UniqueName("dashboard");
  auto connection = mailroom::testing::OpenTestConnection();
  const classifier::Registry no_jobcenters;
  REQUIRE(distributed::DeclareTopology(connection, no_jobcenters, {.prefix = prefix}));
  const distributed::Topology topology(prefix);
  for (int i = 0; i < 3; ++i) {
    transport::Message message;
    message.body = "page " + std::to_string(i);
    message.message_id = "m-" + std::to_string(i);
    REQUIRE(connection.Publish(topology.Exchange(), topology.Pages(), message));
  }

  DashboardOptions options;
  options.ledger_file = LedgerWithOneBox(dir);
  options.broker = transport::ConnectOptions{.url = mailroom::testing::TestBrokerUrl()};
  options.prefix = prefix;
  auto dashboard = Start(options);
  auto overview = dashboard->Snapshot();
  REQUIRE(overview);
  REQUIRE(overview->queues);
  CHECK_FALSE(overview->queues_error);
  REQUIRE(overview->queues->size() == 10);  // five work queues, each with its dead-letter queue
  CHECK((*overview->queues)[0].name == topology.Pages());
  CHECK((*overview->queues)[0].messages == 3);
  CHECK((*overview->queues)[1].name == topology.Dead(topology.Pages()));
  CHECK((*overview->queues)[1].messages == 0);

  httplib::Client client("127.0.0.1", dashboard->port());
  auto metrics = client.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("mailroom_queue_messages{queue=\"" + topology.Pages() + "\"} 3\n") != std::string::npos);
  for (const auto& queue : *overview->queues) REQUIRE(connection.DeleteQueue(queue.name));
}

TEST_CASE("a broker without the topology is reported, not fatal", "[dashboard][broker]") {
  TempDir dir;
  DashboardOptions options;
  options.ledger_file = LedgerWithOneBox(dir);
  options.broker = transport::ConnectOptions{.url = mailroom::testing::TestBrokerUrl()};
  options.prefix = mailroom::testing::UniqueName("no-topology");
  auto dashboard = Start(options);
  auto overview = dashboard->Snapshot();
  REQUIRE(overview);  // the ledger's figures still come
  CHECK_FALSE(overview->queues);
  REQUIRE(overview->queues_error);
  CHECK(overview->queues_error->find(options.prefix + ".pages") != std::string::npos);
  CHECK(overview->totals.boxes == 1);
}

}  // namespace
}  // namespace mailroom::dashboard
