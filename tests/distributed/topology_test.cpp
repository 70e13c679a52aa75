// The distributed mode's exchanges and queues, declared on a real broker.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "mailroom/distributed/topology.h"
#include "test_broker.h"

using mailroom::distributed::DeclareTopology;
using mailroom::distributed::Topology;
using mailroom::distributed::TopologyOptions;
using mailroom::testing::OpenTestConnection;
using mailroom::testing::UniqueName;
using mailroom::transport::Message;
using namespace std::chrono_literals;

namespace {

mailroom::classifier::Registry TwoJobcenters() {
  mailroom::classifier::Registry registry;
  registry.jobcenters["jc-kiel"] = {"jc-kiel", "Jobcenter Kiel", "23101"};
  registry.jobcenters["jc-rostock"] = {"jc-rostock", "Jobcenter Rostock", "13201"};
  return registry;
}

Message Named(const std::string& id) {
  Message m;
  m.body = "x";
  m.message_id = id;
  return m;
}

}  // namespace

TEST_CASE("the topology has a queue per stage, review, and a Postkorb queue per jobcenter", "[distributed]") {
  const Topology names("mr");
  CHECK(names.WorkQueues(TwoJobcenters()) == std::vector<std::string>{"mr.pages", "mr.boxes", "mr.readings",
                                                                      "mr.documents", "mr.review",
                                                                      "mr.postkorb.jc-kiel", "mr.postkorb.jc-rostock"});
  CHECK(Topology::Dead("mr.pages") == "mr.pages.dead");
}

TEST_CASE("declaring the topology twice is harmless, and every work queue is routed", "[distributed][broker]") {
  auto conn = OpenTestConnection();
  const TopologyOptions options{.prefix = UniqueName("mr"), .delivery_limit = 5};
  const auto queues = DeclareTopology(conn, TwoJobcenters(), options);
  REQUIRE(queues);
  const auto again = DeclareTopology(conn, TwoJobcenters(), options);
  REQUIRE(again);
  CHECK(*again == *queues);
  const Topology names(options.prefix);
  for (const auto& queue : *queues) {
    // Publishes are mandatory: an unbound routing key would be an error.
    INFO(queue);
    CHECK(conn.Publish(names.Exchange(), queue, Named("m-" + queue)));
  }
  for (const auto& queue : *queues) {
    REQUIRE(conn.DeleteQueue(queue));
    REQUIRE(conn.DeleteQueue(Topology::Dead(queue)));
  }
}

TEST_CASE("a message a worker rejects lands in its queue's dead-letter queue", "[distributed][broker]") {
  auto conn = OpenTestConnection();
  const TopologyOptions options{.prefix = UniqueName("mr"), .delivery_limit = 5};
  REQUIRE(DeclareTopology(conn, TwoJobcenters(), options));
  const Topology names(options.prefix);
  REQUIRE(conn.Publish(names.Exchange(), names.Pages(), Named("poison-page")));
  REQUIRE(conn.Consume(names.Pages(), 1));
  auto got = conn.Receive(5s);
  REQUIRE(got);
  REQUIRE(got->has_value());
  REQUIRE(conn.Reject((*got)->delivery_tag, false));

  auto dead = OpenTestConnection();
  REQUIRE(dead.Consume(Topology::Dead(names.Pages()), 1));
  auto poisoned = dead.Receive(5s);
  REQUIRE(poisoned);
  REQUIRE(poisoned->has_value());
  CHECK((*poisoned)->message.message_id == "poison-page");
  REQUIRE(dead.Ack((*poisoned)->delivery_tag));
  for (const auto& queue : names.WorkQueues(TwoJobcenters())) {
    REQUIRE(conn.DeleteQueue(queue));
    REQUIRE(conn.DeleteQueue(Topology::Dead(queue)));
  }
}
