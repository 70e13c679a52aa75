// The private broker of the test run (tests/support/rabbitmq-node.sh, started by tools/test.sh).
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "mailroom/transport/amqp_connection.h"

namespace mailroom::testing {

/// The broker URL; fails the test (never skips it) when there is none, so a broker test cannot
/// pass by not running.
inline std::string TestBrokerUrl() {
  const char* url = std::getenv("MAILROOM_TEST_BROKER");
  if (url == nullptr || *url == '\0') {
    FAIL(
        "MAILROOM_TEST_BROKER is not set. Run the tests with tools/test.sh, which starts a private "
        "RabbitMQ node, or start one yourself: tests/support/rabbitmq-node.sh start DIR && "
        "export MAILROOM_TEST_BROKER=$(cat DIR/url)  (stop it with tests/support/rabbitmq-node.sh stop DIR)");
  }
  return url;
}

inline transport::Connection OpenTestConnection() {
  auto conn = transport::Connection::Open({.url = TestBrokerUrl()});
  if (!conn) FAIL(conn.error().message);
  return std::move(*conn);
}

/// A queue or exchange name no other test (or earlier run) uses.
inline std::string UniqueName(const std::string& what) {
  static std::atomic<int> counter{0};
  return "test." + what + "." + std::to_string(::getpid()) + "." + std::to_string(counter++);
}

}  // namespace mailroom::testing
