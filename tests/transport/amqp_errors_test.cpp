// Connection failures must be quick and say what failed, without leaking the password.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "mailroom/transport/amqp_connection.h"
#include "test_broker.h"

using mailroom::testing::OpenTestConnection;
using mailroom::testing::TestBrokerUrl;
using mailroom::testing::UniqueName;
using mailroom::transport::Connection;
using namespace std::chrono_literals;

namespace {

// A loopback port that nothing listens on: bound once by us, then released.
int ClosedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// The test URL with another password: amqp://guest:guest@... -> amqp://guest:<password>@...
std::string WithPassword(const std::string& url, const std::string& password) {
  const auto user_start = url.find("://") + 3;
  const auto colon = url.find(':', user_start);
  const auto at = url.find('@', user_start);
  REQUIRE(colon < at);
  return url.substr(0, colon + 1) + password + url.substr(at);
}

}  // namespace

TEST_CASE("a wrong password is refused with a message naming the broker, not the password", "[transport]") {
  const std::string url = WithPassword(TestBrokerUrl(), "wrong-secret-pw");
  const auto conn = Connection::Open({.url = url});
  REQUIRE_FALSE(conn);
  const std::string& message = conn.error().message;
  CHECK_THAT(message, Catch::Contains("amqp://guest@127.0.0.1:"));
  CHECK_THAT(message, Catch::Contains("ACCESS_REFUSED"));
  CHECK_THAT(message, !Catch::Contains("wrong-secret-pw"));
}

TEST_CASE("connecting to a closed port fails fast with a clear message", "[transport]") {
  const std::string url = "amqp://guest:guest@127.0.0.1:" + std::to_string(ClosedPort()) + "/";
  const auto start = std::chrono::steady_clock::now();
  const auto conn = Connection::Open({.url = url, .timeout = 2000ms});
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(conn);
  CHECK_THAT(conn.error().message, Catch::Contains("cannot connect"));
  CHECK_THAT(conn.error().message, Catch::Contains("127.0.0.1"));
  CHECK(took < 3s);
}

TEST_CASE("a malformed URL is an error that does not echo the URL", "[transport]") {
  const auto conn = Connection::Open({.url = "http://user:secret@host/"});
  REQUIRE_FALSE(conn);
  CHECK_THAT(conn.error().message, Catch::Contains("invalid broker URL"));
  CHECK_THAT(conn.error().message, !Catch::Contains("secret"));
}

TEST_CASE("an unroutable publish is an error, not a silent loss", "[transport]") {
  Connection conn = OpenTestConnection();
  const std::string exchange = UniqueName("x");
  REQUIRE(conn.DeclareExchange(exchange));
  const auto r = conn.Publish(exchange, "nobody-listens", {.body = "x", .message_id = "page-9"});
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("unroutable"));
  CHECK_THAT(r.error().message, Catch::Contains("page-9"));
  // The connection is still fine afterwards.
  const std::string queue = UniqueName("q");
  REQUIRE(conn.DeclareQueue(queue, {.quorum = false}));
  REQUIRE(conn.DeleteQueue(queue));
}
