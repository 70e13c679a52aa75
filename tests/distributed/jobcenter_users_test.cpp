// One broker user per jobcenter: made through the management API of the test run's node, then
// tried over AMQP. A jobcenter's user reads its own Postkorb queue and nothing else.
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "mailroom/distributed/jobcenter_users.h"
#include "mailroom/distributed/topology.h"
#include "management_api.h"
#include "temp_dir.h"
#include "test_broker.h"
#include "url_parts.h"

using namespace mailroom;
using namespace mailroom::distributed;
using mailroom::testing::OpenTestConnection;
using mailroom::testing::TempDir;
using mailroom::testing::TestBrokerUrl;

namespace {

// Fails (never skips) without the management API, like TestBrokerUrl without a broker.
std::string TestManagementUrl() {
  const char* url = std::getenv("MAILROOM_TEST_MANAGEMENT");
  if (url == nullptr || *url == '\0') {
    FAIL(
        "MAILROOM_TEST_MANAGEMENT is not set. Run the tests with tools/test.sh, or start a node with "
        "tests/support/rabbitmq-node.sh start DIR --management and export MAILROOM_TEST_MANAGEMENT=$(cat "
        "DIR/management-url)");
  }
  return url;
}

classifier::Registry TwoJobcenters() {
  classifier::Registry registry;
  registry.jobcenters["jc-kiel"] = {"jc-kiel", "Jobcenter Kiel", "23101"};
  registry.jobcenters["jc-rostock"] = {"jc-rostock", "Jobcenter Rostock", "13201"};
  return registry;
}

std::string FirstLine(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

transport::Message Named(const std::string& id) {
  transport::Message m;
  m.body = "x";
  m.message_id = id;
  return m;
}

// Consuming `queue` as the user of `url`: the error, empty when the broker let it happen.
std::string ConsumeError(const std::string& url, const std::string& queue) {
  auto conn = transport::Connection::Open({.url = url});
  if (!conn) return "login: " + conn.error().message;
  auto consumed = conn->Consume(queue, 1);
  return consumed ? "" : consumed.error().message;
}

}  // namespace

TEST_CASE("url parts: credentials and vhost are percent-decoded, and a jobcenter URL is built back", "[distributed]") {
  auto parts = ParseUrl("AMQPS://ops:p%40ss:w@broker.example:5671/mail%2Froom");
  REQUIRE(parts);
  CHECK(parts->scheme == "amqps");
  CHECK(parts->user == "ops");
  CHECK(parts->password == "p@ss:w");
  CHECK(parts->authority == "broker.example:5671");
  CHECK(parts->Vhost() == "mail/room");
  CHECK(parts->Redacted() == "amqps://ops@broker.example:5671/");
  CHECK(AmqpUrl(*parts, "mr-jc", "s3cret") == "amqps://mr-jc:s3cret@broker.example:5671/mail%2Froom");
  auto plain = ParseUrl("amqp://guest:guest@127.0.0.1:5672/");
  REQUIRE(plain);
  CHECK(plain->Vhost() == "/");
  CHECK(AmqpUrl(*plain, "mr-jc", "pw") == "amqp://mr-jc:pw@127.0.0.1:5672/");
  auto bad = ParseUrl("amqp://ops:secret%zz@host/");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("secret") == std::string::npos);
  CHECK_FALSE(ParseUrl("no-scheme"));
}

TEST_CASE("a jobcenter may read its own Postkorb queue and nothing else", "[distributed]") {
  const Topology names("mr");
  CHECK(names.JobcenterUser("jc-kiel") == "mr-jc-kiel");
  const auto permissions = JobcenterPermissions(names, "jc-kiel");
  CHECK(permissions.configure == "^$");
  CHECK(permissions.write == "^$");
  CHECK(permissions.read == R"(^mr\.postkorb\.jc-kiel$)");
  CHECK(RegexEscape("a.b*c(d)[e]{f}|g+h?i^j$k\\") == R"(a\.b\*c\(d\)\[e\]\{f\}\|g\+h\?i\^j\$k\\)");
}

TEST_CASE("jobcenter users: each consumes its own queue, is refused on another's, cannot publish",
          "[distributed][broker]") {
  TempDir dir;
  auto admin = OpenTestConnection();
  const TopologyOptions topology{.prefix = testing::UniqueName("jcu"), .delivery_limit = 5};
  REQUIRE(DeclareTopology(admin, TwoJobcenters(), topology));
  const Topology names(topology.prefix);
  JobcenterUsersOptions options;
  options.management_url = TestManagementUrl();
  options.broker_url = TestBrokerUrl();
  options.credentials_dir = dir / "credentials";
  options.prefix = topology.prefix;
  auto users = SetUpJobcenterUsers(TwoJobcenters(), options);
  REQUIRE(users);
  REQUIRE(users->size() == 2);
  CHECK((*users)[0].user == names.JobcenterUser("jc-kiel"));
  CHECK((*users)[0].new_password);

  for (const auto& user : *users) {
    struct stat st {};
    REQUIRE(::stat(user.url_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }
  const std::string kiel_url = FirstLine(dir / "credentials" / "jc-kiel.url");
  auto kiel_parts = ParseUrl(kiel_url);
  REQUIRE(kiel_parts);
  CHECK(kiel_parts->user == names.JobcenterUser("jc-kiel"));
  CHECK(kiel_parts->password.size() >= 24);

  CHECK(ConsumeError(kiel_url, names.Postkorb("jc-kiel")).empty());
  const std::string refused = ConsumeError(kiel_url, names.Postkorb("jc-rostock"));
  CHECK(refused.find("ACCESS_REFUSED") != std::string::npos);
  CHECK(refused.find(names.Postkorb("jc-rostock")) != std::string::npos);
  CHECK(ConsumeError(kiel_url, names.Pages()).find("ACCESS_REFUSED") != std::string::npos);

  auto kiel = transport::Connection::Open({.url = kiel_url});
  REQUIRE(kiel);
  auto published = kiel->Publish(names.Exchange(), names.Postkorb("jc-rostock"), Named("forged"));
  REQUIRE_FALSE(published);
  CHECK(published.error().message.find("ACCESS_REFUSED") != std::string::npos);
  // "^$" does not open the default exchange either: RabbitMQ checks it as "amq.default".
  auto direct = kiel->Publish("", names.Postkorb("jc-rostock"), Named("forged-direct"));
  REQUIRE_FALSE(direct);
  CHECK(direct.error().message.find("ACCESS_REFUSED") != std::string::npos);
  auto declared = kiel->DeclareQueue(names.Postkorb("jc-kiel") + ".mine");
  CHECK_FALSE(declared);

  SECTION("running again keeps the passwords, --rotate-passwords replaces them") {
    auto again = SetUpJobcenterUsers(TwoJobcenters(), options);
    REQUIRE(again);
    CHECK_FALSE((*again)[0].new_password);
    CHECK(FirstLine(dir / "credentials" / "jc-kiel.url") == kiel_url);
    CHECK(ConsumeError(kiel_url, names.Postkorb("jc-kiel")).empty());

    options.rotate_passwords = true;
    auto rotated = SetUpJobcenterUsers(TwoJobcenters(), options);
    REQUIRE(rotated);
    CHECK((*rotated)[0].new_password);
    const std::string new_url = FirstLine(dir / "credentials" / "jc-kiel.url");
    CHECK(new_url != kiel_url);
    CHECK(ConsumeError(new_url, names.Postkorb("jc-kiel")).empty());
    CHECK(ConsumeError(kiel_url, names.Postkorb("jc-kiel")).find("login") == 0);
  }
  for (const auto& queue : names.WorkQueues(TwoJobcenters())) {
    REQUIRE(admin.DeleteQueue(queue));
    REQUIRE(admin.DeleteQueue(Topology::Dead(queue)));
  }
}

TEST_CASE("jobcenter users: a refused management login names the API, never the password", "[distributed][broker]") {
  TempDir dir;
  auto broker = ParseUrl(TestBrokerUrl());
  REQUIRE(broker);
  JobcenterUsersOptions options;
  options.management_url = TestManagementUrl();
  options.broker_url = AmqpUrl(*broker, broker->user, "wrong-pa55word");
  options.credentials_dir = dir / "credentials";
  options.prefix = testing::UniqueName("jcu");
  auto users = SetUpJobcenterUsers(TwoJobcenters(), options);
  REQUIRE_FALSE(users);
  INFO(users.error().message);
  CHECK(users.error().message.find("HTTP 401") != std::string::npos);
  CHECK(users.error().message.find("wrong-pa55word") == std::string::npos);

  options.management_url = "http://127.0.0.1:1/";
  options.broker_url = TestBrokerUrl();
  options.timeout = std::chrono::milliseconds(2000);
  auto unreachable = SetUpJobcenterUsers(TwoJobcenters(), options);
  REQUIRE_FALSE(unreachable);
  CHECK(unreachable.error().message.find("127.0.0.1:1") != std::string::npos);
  CHECK(unreachable.error().message.find(":" + broker->password + "@") == std::string::npos);
}
