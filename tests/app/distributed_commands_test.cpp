// `mailroom topology` and `mailroom ingest` as an operator runs them, against the test run's private
// broker.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "mailroom/samplegen/samplegen.h"
#include "private_broker.h"
#include "run_mailroom.h"
#include "scan_center.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;

namespace {

std::string BrokerUrl() {
  const char* url = std::getenv("MAILROOM_TEST_BROKER");
  if (url == nullptr || *url == '\0') FAIL("MAILROOM_TEST_BROKER is not set: run the tests with tools/test.sh");
  return url;
}

// A registry (and truth, without page images) from the sample generator.
std::filesystem::path GeneratedRegistry(const std::filesystem::path& dir) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.truth_only = true;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  return sample->registry_dir;
}

// The password of "amqp://user:password@host:port/".
std::string PasswordOf(const std::string& url) {
  const auto colon = url.find(':', url.find("://") + 3);
  return url.substr(colon + 1, url.find('@') - colon - 1);
}

}  // namespace

TEST_CASE("topology: declares the queues of every jobcenter in the registry, and again", "[topology][broker]") {
  TempDir dir;
  const auto registry_dir = GeneratedRegistry(dir.path());
  const std::string prefix = "topo" + std::to_string(::getpid());
  const std::string command =
      "topology --broker '" + BrokerUrl() + "' --registry " + testing::Quoted(registry_dir) + " --prefix " + prefix;
  for (int run = 0; run < 2; ++run) {
    const auto result = testing::RunMailroom(command);
    INFO(result.output);
    CHECK(result.exit_code == 0);
    CHECK(result.output.find(prefix + ".pages") != std::string::npos);
    CHECK(result.output.find(prefix + ".postkorb.") != std::string::npos);
    CHECK(result.output.find("guest:guest") == std::string::npos);  // the password is never printed
  }
}

TEST_CASE("topology: a broker that is not there is a run failure that names it without the password",
          "[topology][broker]") {
  TempDir dir;
  const auto registry_dir = GeneratedRegistry(dir.path());
  const auto result = testing::RunMailroom("topology --broker 'amqp://ops:s3cret@127.0.0.1:1/' --registry " +
                                           testing::Quoted(registry_dir));
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("127.0.0.1:1") != std::string::npos);
  CHECK(result.output.find("s3cret") == std::string::npos);
  const auto bad_registry = testing::RunMailroom("topology --broker 'amqp://ops:s3cret@127.0.0.1:1/' --registry " +
                                                 testing::Quoted(dir / "nowhere"));
  CHECK(bad_registry.exit_code == 2);
}

TEST_CASE("ingest: a box goes into the store and onto the broker, a broken box.json stops it", "[ingest][broker]") {
  TempDir dir;
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.envelopes = 2;
  options.dpi = 100;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  const std::string prefix = "ingest" + std::to_string(::getpid());
  const auto topology = testing::RunMailroom("topology --broker '" + BrokerUrl() + "' --registry " +
                                             testing::Quoted(sample->registry_dir) + " --prefix " + prefix);
  REQUIRE(topology.exit_code == 0);
  const std::string ingest = "ingest " + testing::Quoted(sample->box_dir) + " --broker '" + BrokerUrl() + "' --store " +
                             testing::Quoted(dir / "store") + " --prefix " + prefix;
  const auto result = testing::RunMailroom(ingest);
  INFO(result.output);
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("box BOX-1: " + std::to_string(sample->pages) + " pages stored") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "store" / "sha256"));

  std::ofstream(sample->box_dir / "box.json") << "{broken";
  const auto broken = testing::RunMailroom(ingest);
  CHECK(broken.exit_code == 2);
  CHECK(broken.output.find("box.json") != std::string::npos);
}

TEST_CASE("postkorb: runs until told to stop, and stops cleanly on SIGTERM", "[postkorb][broker]") {
  TempDir dir;
  const auto registry_dir = GeneratedRegistry(dir.path());
  const std::string prefix = "pk" + std::to_string(::getpid());
  REQUIRE(testing::RunMailroom("topology --broker '" + BrokerUrl() + "' --registry " + testing::Quoted(registry_dir) +
                               " --prefix " + prefix)
              .exit_code == 0);
  const auto result = testing::RunMailroomWithEnv(
      "timeout --preserve-status -s TERM 3", "postkorb --jobcenter jobcenter-hannover --broker '" + BrokerUrl() +
                                                 "' --out " + testing::Quoted(dir / "out") + " --prefix " + prefix);
  INFO(result.output);
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("postkorb jobcenter-hannover: 0 documents written") != std::string::npos);
}

TEST_CASE("postkorb: a jobcenter without a queue is an error, not a wait", "[postkorb][broker]") {
  TempDir dir;
  const auto result = testing::RunMailroomWithEnv(
      "timeout 20", "postkorb --jobcenter jobcenter-nowhere --broker '" + BrokerUrl() + "' --out " +
                        testing::Quoted(dir / "out") + " --prefix nosuchprefix");
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("nosuchprefix.postkorb.jobcenter-nowhere") != std::string::npos);
}

TEST_CASE("topology --management: one user per jobcenter, its URL in a 0600 file, its own queue only",
          "[topology][broker]") {
  const char* management = std::getenv("MAILROOM_TEST_MANAGEMENT");
  if (management == nullptr || *management == '\0') FAIL("MAILROOM_TEST_MANAGEMENT is not set: run tools/test.sh");
  TempDir dir;
  const auto registry_dir = GeneratedRegistry(dir.path());
  const std::string prefix = "users" + std::to_string(::getpid());
  const auto credentials = dir / "credentials";
  const auto result = testing::RunMailroom("topology --broker '" + BrokerUrl() + "' --registry " +
                                           testing::Quoted(registry_dir) + " --prefix " + prefix + " --management '" +
                                           management + "' --credentials-out " + testing::Quoted(credentials));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  CHECK(result.output.find("new password") != std::string::npos);

  std::vector<std::pair<std::string, std::string>> urls;  // jobcenter id, its URL
  for (const auto& entry : std::filesystem::directory_iterator(credentials)) {
    CHECK((std::filesystem::status(entry).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    std::ifstream in(entry.path());
    std::string url;
    std::getline(in, url);
    const auto password = PasswordOf(url);
    CHECK(password.size() >= 24);
    CHECK(result.output.find(password) == std::string::npos);  // never printed
    urls.emplace_back(entry.path().stem().string(), url);
  }
  REQUIRE(urls.size() >= 2);
  const auto& [own_id, own_url] = urls[0];
  const auto& other_id = urls[1].first;

  // The jobcenter's own queue: consumed until told to stop.
  const auto own = testing::RunMailroomWithEnv("timeout --preserve-status -s TERM 3",
                                               "postkorb --jobcenter " + own_id + " --broker '" + own_url + "' --out " +
                                                   testing::Quoted(dir / "out") + " --prefix " + prefix);
  INFO(own.output);
  CHECK(own.exit_code == 0);
  CHECK(own.output.find("0 documents written") != std::string::npos);

  // Another jobcenter's queue with these credentials: refused at once, not retried.
  const auto other =
      testing::RunMailroomWithEnv("timeout 20", "postkorb --jobcenter " + other_id + " --broker '" + own_url +
                                                    "' --out " + testing::Quoted(dir / "out") + " --prefix " + prefix);
  INFO(other.output);
  CHECK(other.exit_code == 1);
  CHECK(other.output.find("ACCESS_REFUSED") != std::string::npos);
  CHECK(other.output.find(prefix + ".postkorb." + other_id) != std::string::npos);
}

TEST_CASE("topology over amqps:// with the CA and a client certificate given as flags", "[topology][broker][tls]") {
  testing::TestCertificates certs;
  testing::PrivateBroker broker(certs.Dir());
  TempDir dir;
  const auto registry_dir = GeneratedRegistry(dir.path());
  const std::string command = "topology --broker '" + broker.TlsUrl() + "' --registry " +
                              testing::Quoted(registry_dir) + " --ca-cert " + certs.File("ca.pem");
  const auto with_cert = testing::RunMailroom(command + " --client-cert " + certs.File("client.pem") +
                                              " --client-key " + certs.File("client-key.pem"));
  INFO(with_cert.output);
  CHECK(with_cert.exit_code == 0);
  CHECK(with_cert.output.find("on amqps://guest@127.0.0.1:") != std::string::npos);
  // The broker demands a client certificate: without one the command fails, and says so.
  const auto without = testing::RunMailroom(command);
  INFO(without.output);
  CHECK(without.exit_code == 1);
  CHECK(without.output.find("amqps://guest@127.0.0.1:") != std::string::npos);
}

TEST_CASE("scan --broker: a scanned box goes into the store and onto the broker, and is processing in the ledger",
          "[scan][broker]") {
  testing::ScanCenter center;
  const auto registry = GeneratedRegistry(center.Dir());
  const std::string prefix = "scan" + std::to_string(::getpid());
  REQUIRE(testing::RunMailroom("topology --broker '" + BrokerUrl() + "' --registry " + testing::Quoted(registry) +
                               " --prefix " + prefix)
              .exit_code == 0);
  const auto scanned =
      center.Scan(testing::kSmallPages + "--box B-9 --seal S-9 --origin jobcenter-kiel --broker '" + BrokerUrl() +
                  "' --store " + testing::Quoted(center.Dir() / "store") + " --prefix " + prefix);
  INFO(scanned.output);
  REQUIRE(scanned.exit_code == 0);
  CHECK_THAT(scanned.output, Catch::Contains("box B-9 scanned: 10 pages"));
  CHECK_THAT(scanned.output, Catch::Contains("box B-9: 10 pages stored"));
  CHECK(center.Ledger("B-9").state == ledger::BoxState::kProcessing);
  CHECK(std::filesystem::exists(center.Dir() / "store" / "sha256"));
}
