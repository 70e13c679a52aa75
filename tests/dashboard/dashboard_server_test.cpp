// `mailroom dashboard` as a server: the page and its JSON behind the login, the Prometheus gauges
// without one, over real HTTP, and the queue depths from the test run's broker.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "mailroom/classifier/registry.h"
#include "mailroom/dashboard/dashboard.h"
#include "mailroom/distributed/topology.h"
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
