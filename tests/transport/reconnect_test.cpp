// Reconnecting with backoff: the waits, giving up, stopping, and a real broker restart.
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "mailroom/transport/reconnect.h"
#include "mailroom/transport/reconnecting_connection.h"
#include "private_broker.h"
#include "test_broker.h"

using mailroom::Error;
using mailroom::testing::PrivateBroker;
using mailroom::testing::UniqueName;
using mailroom::transport::Backoff;
using mailroom::transport::Connection;
using mailroom::transport::Delivery;
using mailroom::transport::Message;
using mailroom::transport::OpenWithRetry;
using mailroom::transport::ReconnectingConnection;
using mailroom::transport::RetryPolicy;
using mailroom::transport::StopFlag;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// Nothing listens on port 1 of the loopback (it would need root), so connecting is refused at once.
const std::string kNobody = "amqp://guest:guest@127.0.0.1:1/";

}  // namespace

TEST_CASE("backoff doubles from the initial wait up to the maximum, and starts over after a reset", "[transport]") {
  Backoff backoff(RetryPolicy{.initial = 200ms, .max = 1000ms, .factor = 2});
  std::vector<std::chrono::milliseconds> waits;
  for (int i = 0; i < 6; ++i) waits.push_back(backoff.Next());
  CHECK(waits == std::vector<std::chrono::milliseconds>{200ms, 400ms, 800ms, 1000ms, 1000ms, 1000ms});
  backoff.Reset();
  CHECK(backoff.Next() == 200ms);

  // The defaults: 200 ms, doubling, at most 10 s, without overflowing after many failures.
  Backoff defaults(RetryPolicy{});
  CHECK(defaults.Next() == 200ms);
  for (int i = 0; i < 100; ++i) (void)defaults.Next();
  CHECK(defaults.Next() == 10s);
}

TEST_CASE("OpenWithRetry gives up after give_up_after, saying how often it tried", "[transport]") {
  std::vector<int> attempts;
  RetryPolicy policy{.initial = 100ms, .max = 200ms, .give_up_after = 700ms};
  policy.on_retry = [&](int attempt, const Error&, std::chrono::milliseconds) { attempts.push_back(attempt); };
  const auto start = Clock::now();
  const auto conn = OpenWithRetry({.url = kNobody, .timeout = 1000ms}, policy);
  const auto took = Clock::now() - start;
  REQUIRE_FALSE(conn);
  CHECK_THAT(conn.error().message, Catch::StartsWith("gave up after"));
  CHECK_THAT(conn.error().message, Catch::Contains("cannot connect"));
  CHECK_THAT(conn.error().message, !Catch::Contains("guest:guest"));
  CHECK(took >= 700ms);
  CHECK(took < 2s);
  CHECK(attempts.size() >= 4);  // 100 + 200 + 200 + 200 ms of waits fit into 700 ms
}

TEST_CASE("a stop flag ends OpenWithRetry that would otherwise retry forever", "[transport]") {
  StopFlag stop{false};
  std::thread stopper([&] {
    std::this_thread::sleep_for(300ms);
    stop = true;
  });
  const auto start = Clock::now();
  const auto conn = OpenWithRetry({.url = kNobody}, RetryPolicy{.initial = 10s}, &stop);
  const auto took = Clock::now() - start;
  stopper.join();
  REQUIRE_FALSE(conn);
  CHECK_THAT(conn.error().message, Catch::StartsWith("stopped"));
  CHECK(took < 1s);  // not the 10 s wait
}

TEST_CASE("a setup that fails on a healthy connection is not retried", "[transport]") {
  int setups = 0;
  ReconnectingConnection conn({.url = mailroom::testing::TestBrokerUrl()}, RetryPolicy{.give_up_after = 10s},
                              [&](Connection& c) {
                                ++setups;
                                // Consuming from a queue nobody declared: the broker closes the
                                // channel (404), the connection itself stays open.
                                return c.Consume(UniqueName("missing"), 1);
                              });
  const auto r = conn.Connect();
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("NOT_FOUND"));
  CHECK(setups == 1);
  CHECK_FALSE(conn.IsConnected());
}

TEST_CASE("workers carry on across a broker restart, and no message is lost", "[transport][restart]") {
  PrivateBroker broker;
  const std::string queue = UniqueName("durable");
  // Short waits keep the test short; give_up_after bounds it if the node never comes back.
  const RetryPolicy policy{.initial = 100ms, .max = 500ms, .give_up_after = 30s};
  const auto declare = [&](Connection& c) { return c.DeclareQueue(queue); };  // quorum: durable
  StopFlag stop{false};
  ReconnectingConnection publisher({.url = broker.Url(), .timeout = 2000ms}, policy, declare, &stop);
  ReconnectingConnection consumer(
      {.url = broker.Url(), .timeout = 2000ms}, policy,
      [&](Connection& c) -> mailroom::Result<void> {
        if (auto r = declare(c); !r) return r;
        return c.Consume(queue, 1);
      },
      &stop);

  REQUIRE(publisher.Publish("", queue, {.body = "1", .message_id = "before-1"}));
  REQUIRE(publisher.Publish("", queue, {.body = "2", .message_id = "before-2"}));
  // The consumer holds before-1 unacked through the restart, as a worker in the middle of a page.
  auto held = consumer.Receive(5s);
  REQUIRE(held);
  REQUIRE(held->has_value());
  CHECK((*held)->message.message_id == "before-1");

  REQUIRE(broker.Halt());
  const auto during = publisher.Publish("", queue, {.body = "x", .message_id = "during"});
  REQUIRE_FALSE(during);
  INFO("publish while the broker is down: " << during.error().message);
  CHECK_THAT(during.error().message, !Catch::Contains("guest:guest"));
  CHECK_FALSE(publisher.IsConnected());

  // The broker comes back while the publisher is already retrying.
  bool resumed = false;
  std::thread resume([&] {
    resumed = broker.Resume();
    if (!resumed) stop = true;  // end the retrying at once instead of after give_up_after
  });
  const auto start = Clock::now();
  const auto after = publisher.Publish("", queue, {.body = "3", .message_id = "after"});
  const auto reconnect_took = std::chrono::duration<double>(Clock::now() - start).count();
  resume.join();
  REQUIRE(resumed);
  if (!after) FAIL(after.error().message);
  WARN("publisher reconnected " << reconnect_took << " s after the broker was stopped");
  CHECK(publisher.Connects() == 2);

  std::map<std::string, bool> seen;  // message id -> redelivered
  for (int i = 0; i < 20 && seen.size() < 3; ++i) {
    auto d = consumer.Receive(1s);
    if (!d) continue;  // the consumer meets the lost connection first, then reconnects
    if (!d->has_value()) continue;
    seen[(*d)->message.message_id] = (*d)->redelivered;
    // The broker numbers the new channel from 1 again; our tags go on counting.
    CHECK((*d)->delivery_tag != (*held)->delivery_tag);
    REQUIRE(consumer.Ack((*d)->delivery_tag));
  }
  CHECK(seen == std::map<std::string, bool>{{"before-1", true}, {"before-2", false}, {"after", false}});
  CHECK(consumer.Connects() == 2);

  // The tag of the delivery held through the restart is worthless now: refused, never sent, so
  // it cannot ack whatever the new channel numbered the same.
  const auto stale = consumer.Ack((*held)->delivery_tag);
  REQUIRE_FALSE(stale);
  CHECK_THAT(stale.error().message, Catch::Contains("not outstanding"));
}
