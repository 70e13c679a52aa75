// The HTTP endpoint that Prometheus scrapes: real sockets on 127.0.0.1.
#include <httplib.h>
#include <catch2/catch.hpp>

#include "mailroom/metrics/http_endpoint.h"

namespace mailroom::metrics {
namespace {

TEST_CASE("GET /metrics answers the registry's exposition on a port of its own choosing", "[metrics][http]") {
  Registry registry;
  registry.Add("mailroom_pages_total", {"route", "out"}, 5);
  auto endpoint = HttpEndpoint::Start("127.0.0.1", 0, {MetricsRoute(registry)});
  REQUIRE(endpoint);
  REQUIRE((*endpoint)->port() > 0);

  httplib::Client client("127.0.0.1", (*endpoint)->port());
  auto response = client.Get("/metrics");
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(response->get_header_value("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
  CHECK(response->body.find("mailroom_pages_total{stage=\"route\",direction=\"out\"} 5\n") != std::string::npos);

  // Counted after the first scrape: the next scrape sees it.
  registry.Add("mailroom_pages_total", {"route", "out"});
  response = client.Get("/metrics");
  REQUIRE(response);
  CHECK(response->body.find("direction=\"out\"} 6\n") != std::string::npos);

  auto missing = client.Get("/nothing-here");
  REQUIRE(missing);
  CHECK(missing->status == 404);
}

TEST_CASE("a failing route answers 500 with the reason, and the endpoint keeps serving", "[metrics][http]") {
  auto endpoint = HttpEndpoint::Start(
      "127.0.0.1", 0, {Route{"/broken", "text/plain", []() -> Result<std::string> { return Fail("ledger locked"); }}});
  REQUIRE(endpoint);
  httplib::Client client("127.0.0.1", (*endpoint)->port());
  auto response = client.Get("/broken");
  REQUIRE(response);
  CHECK(response->status == 500);
  CHECK(response->body == "ledger locked\n");
}

TEST_CASE("a port in use is refused naming the address", "[metrics][http]") {
  auto first = HttpEndpoint::Start("127.0.0.1", 0, {});
  REQUIRE(first);
  auto second = HttpEndpoint::Start("127.0.0.1", (*first)->port(), {});
  REQUIRE_FALSE(second);
  CHECK(second.error().message.find("127.0.0.1:" + std::to_string((*first)->port())) != std::string::npos);
}

}  // namespace
}  // namespace mailroom::metrics
