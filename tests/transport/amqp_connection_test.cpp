// Publish/consume semantics the distributed mode relies on, against a real broker.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "mailroom/transport/amqp_connection.h"
#include "test_broker.h"

using mailroom::testing::OpenTestConnection;
using mailroom::testing::UniqueName;
using mailroom::transport::Connection;
using mailroom::transport::Delivery;
using mailroom::transport::Message;
using mailroom::transport::QueueOptions;
using namespace std::chrono_literals;

namespace {

Message PageMessage(const std::string& id) {
  Message m;
  m.body = std::string("page\0bytes\xff", 11);  // binary, with a NUL inside
  m.message_id = id;
  m.content_type = "application/x-protobuf";
  m.headers = {{"box", "B-0001"}, {"stage", "ocr"}};
  return m;
}

// The next delivery, failing the test on an error or when none comes within 5 s.
Delivery Next(Connection& conn) {
  auto d = conn.Receive(5s);
  REQUIRE(d);
  REQUIRE(d->has_value());
  return std::move(**d);
}

}  // namespace

TEST_CASE("a confirmed publish arrives intact and persistent", "[transport]") {
  Connection conn = OpenTestConnection();
  const std::string exchange = UniqueName("x");
  const std::string queue = UniqueName("q");
  REQUIRE(conn.DeclareExchange(exchange));
  REQUIRE(conn.DeclareQueue(queue, {.quorum = false}));
  REQUIRE(conn.Bind(queue, exchange, "pages"));

  const Message sent = PageMessage("page-42");
  const auto publish = conn.Publish(exchange, "pages", sent);
  REQUIRE(publish);

  REQUIRE(conn.Consume(queue, 10));
  const Delivery d = Next(conn);
  CHECK(d.message.body == sent.body);
  CHECK(d.message.message_id == "page-42");
  CHECK(d.message.content_type == sent.content_type);
  CHECK(d.message.headers == sent.headers);
  CHECK(d.persistent);
  CHECK_FALSE(d.redelivered);
  CHECK(d.routing_key == "pages");
  REQUIRE(conn.Ack(d.delivery_tag));

  auto none = conn.Receive(200ms);
  REQUIRE(none);
  CHECK_FALSE(none->has_value());
  REQUIRE(conn.DeleteQueue(queue));
}

TEST_CASE("an unacked delivery comes back, marked redelivered, after its consumer is gone", "[transport]") {
  const std::string queue = UniqueName("q");
  {
    Connection conn = OpenTestConnection();
    REQUIRE(conn.DeclareQueue(queue));
    REQUIRE(conn.Publish("", queue, PageMessage("page-7")));
    REQUIRE(conn.Consume(queue, 1));
    const Delivery d = Next(conn);
    CHECK(d.message.message_id == "page-7");
    CHECK_FALSE(d.redelivered);
    // No ack: the connection closes here, as if the worker had crashed mid-page.
  }
  Connection conn = OpenTestConnection();
  REQUIRE(conn.Consume(queue, 1));
  const Delivery again = Next(conn);
  CHECK(again.message.message_id == "page-7");
  CHECK(again.redelivered);
  REQUIRE(conn.Ack(again.delivery_tag));
  REQUIRE(conn.DeleteQueue(queue));
}

TEST_CASE("a rejected delivery lands in the dead-letter queue", "[transport]") {
  Connection conn = OpenTestConnection();
  const std::string dlx = UniqueName("dlx");
  const std::string dead = UniqueName("dead");
  const std::string work = UniqueName("work");
  REQUIRE(conn.DeclareExchange(dlx));
  REQUIRE(conn.DeclareQueue(dead));
  REQUIRE(conn.Bind(dead, dlx, "poison"));
  REQUIRE(conn.DeclareQueue(work, {.dead_letter_exchange = dlx, .dead_letter_routing_key = "poison"}));

  Message poison = PageMessage("page-13");
  poison.headers["error"] = "unreadable TIFF strip";
  REQUIRE(conn.Publish("", work, poison));
  REQUIRE(conn.Consume(work, 1));
  const Delivery d = Next(conn);
  REQUIRE(conn.Reject(d.delivery_tag, /*requeue=*/false));

  Connection reader = OpenTestConnection();
  REQUIRE(reader.Consume(dead, 1));
  const Delivery corpse = Next(reader);
  CHECK(corpse.message.message_id == "page-13");
  CHECK(corpse.message.body == poison.body);
  CHECK(corpse.message.headers.at("error") == "unreadable TIFF strip");
  CHECK(corpse.message.headers.at("x-first-death-reason") == "rejected");
  REQUIRE(reader.Ack(corpse.delivery_tag));
  REQUIRE(conn.DeleteQueue(work));
  REQUIRE(conn.DeleteQueue(dead));
}

TEST_CASE("a quorum queue is declared, and a conflicting redeclare fails without killing the connection",
          "[transport]") {
  Connection conn = OpenTestConnection();
  const std::string queue = UniqueName("quorum");
  REQUIRE(conn.DeclareQueue(queue, {.quorum = true, .delivery_limit = 5}));
  REQUIRE(conn.DeclareQueue(queue, {.quorum = true, .delivery_limit = 5}));  // idempotent

  const auto conflict = conn.DeclareQueue(queue, {.quorum = false});
  REQUIRE_FALSE(conflict);
  CHECK_THAT(conflict.error().message, Catch::Contains("PRECONDITION_FAILED"));

  // The broker closed the channel; the connection opened a new one and goes on.
  REQUIRE(conn.Publish("", queue, PageMessage("page-1")));
  REQUIRE(conn.Consume(queue, 1));
  const Delivery d = Next(conn);
  CHECK(d.message.message_id == "page-1");
  CHECK(d.message.headers.count("x-delivery-count") == 0);  // first delivery of a quorum queue
  REQUIRE(conn.Ack(d.delivery_tag));
  REQUIRE(conn.DeleteQueue(queue));
}

TEST_CASE("one connection can consume and publish confirmed at the same time", "[transport]") {
  Connection conn = OpenTestConnection();
  const std::string queue = UniqueName("q");
  REQUIRE(conn.DeclareQueue(queue, {.quorum = false}));
  REQUIRE(conn.Consume(queue, 10));
  // Deliveries of the first messages arrive while later publishes wait for their confirms.
  for (int i = 0; i < 5; ++i) REQUIRE(conn.Publish("", queue, PageMessage("page-" + std::to_string(i))));
  for (int i = 0; i < 5; ++i) {
    const Delivery d = Next(conn);
    CHECK(d.message.message_id == "page-" + std::to_string(i));
    REQUIRE(conn.Ack(d.delivery_tag));
  }
  REQUIRE(conn.DeleteQueue(queue));
}

TEST_CASE("publish with confirm takes about a millisecond", "[transport][timing]") {
  Connection conn = OpenTestConnection();
  const std::string queue = UniqueName("q");
  REQUIRE(conn.DeclareQueue(queue));
  constexpr int kCount = 200;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kCount; ++i) REQUIRE(conn.Publish("", queue, PageMessage("page-" + std::to_string(i))));
  const auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  WARN("publish + confirm to a quorum queue: " << took.count() / kCount << " ms each (" << kCount << " messages)");
  REQUIRE(conn.DeleteQueue(queue));
}
