// amqps:// against a real broker that demands mutual TLS, with certificates the test makes itself.
//
// One test case with sections, so that one node start-up (about 4 s) serves every case even when
// ctest runs each test case in its own process.
#include <chrono>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "mailroom/transport/amqp_connection.h"
#include "private_broker.h"
#include "test_broker.h"

using mailroom::testing::PrivateBroker;
using mailroom::testing::TestCertificates;
using mailroom::testing::UniqueName;
using mailroom::transport::Connection;
using mailroom::transport::ConnectOptions;
using namespace std::chrono_literals;

namespace {

// The certificates and the node that trusts them, made on first use and stopped when the test
// process ends (normally, or after failed assertions: Catch2 still unwinds to exit).
struct TlsSetup {
  TestCertificates certs;
  PrivateBroker broker{certs.Dir()};
};

TlsSetup& Tls() {
  static TlsSetup setup;
  return setup;
}

ConnectOptions MutualTls() {
  const TlsSetup& tls = Tls();
  return {.url = tls.broker.TlsUrl(),
          .timeout = 3000ms,
          .ca_cert_file = tls.certs.File("ca.pem"),
          .client_cert_file = tls.certs.File("client.pem"),
          .client_key_file = tls.certs.File("client-key.pem")};
}

// Opens with `options` and returns the error, checking that the refusal came quickly.
std::string Refusal(const ConnectOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const auto conn = Connection::Open(options);
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(conn);
  CHECK(took < 2s);  // refused, not timed out
  const std::string& message = conn.error().message;
  CHECK_THAT(message, Catch::Contains("amqps://guest@127.0.0.1:"));
  CHECK_THAT(message, !Catch::Contains("guest:guest"));
  return message;
}

}  // namespace

TEST_CASE("amqps:// with mutual TLS", "[transport][tls]") {
  REQUIRE_THAT(Tls().broker.TlsUrl(), Catch::StartsWith("amqps://"));

  SECTION("the CA and a client certificate: connects, and a confirmed message round-trips") {
    auto conn = Connection::Open(MutualTls());
    if (!conn) FAIL(conn.error().message);
    CHECK_THAT(conn->Broker(), Catch::StartsWith("amqps://guest@127.0.0.1:"));
    const std::string queue = UniqueName("tls");
    REQUIRE(conn->DeclareQueue(queue, {.quorum = false}));
    REQUIRE(conn->Publish("", queue, {.body = std::string("sealed\0bytes", 12), .message_id = "doc-1"}));
    REQUIRE(conn->Consume(queue, 1));
    auto d = conn->Receive(5s);
    REQUIRE(d);
    REQUIRE(d->has_value());
    CHECK((*d)->message.message_id == "doc-1");
    CHECK((*d)->message.body == std::string("sealed\0bytes", 12));
    REQUIRE(conn->Ack((*d)->delivery_tag));
    REQUIRE(conn->DeleteQueue(queue));
  }

  SECTION("no client certificate: the broker refuses, with an error that points at the certificate") {
    ConnectOptions options = MutualTls();
    options.client_cert_file.clear();
    options.client_key_file.clear();
    const std::string message = Refusal(options);
    INFO(message);
    CHECK_THAT(message, Catch::Contains("TLS") || Catch::Contains("SSL"));
    CHECK_THAT(message, Catch::Contains("client certificate"));
  }

  SECTION("a CA that did not sign the broker's certificate: we refuse the broker") {
    ConnectOptions options = MutualTls();
    options.ca_cert_file = Tls().certs.File("other-ca.pem");
    const std::string message = Refusal(options);
    INFO(message);
    CHECK_THAT(message, Catch::Contains("peer cert verification failed"));
  }

  SECTION("plain amqp:// to the TLS port fails quickly instead of hanging") {
    ConnectOptions options = MutualTls();
    options.url.replace(0, 5, "amqp");  // amqps:// -> amqp://
    const auto start = std::chrono::steady_clock::now();
    const auto conn = Connection::Open(options);
    REQUIRE_FALSE(conn);
    CHECK(std::chrono::steady_clock::now() - start < 4s);
  }
}
