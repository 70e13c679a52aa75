// A RabbitMQ node owned by one test process (tests/support/rabbitmq-node.sh), for the tests that
// need a broker of their own: one with a TLS listener, or one they stop and start again. The
// shared node of tools/test.sh serves everything else (a start-up costs about 4 s).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "temp_dir.h"

namespace mailroom::testing {

/// Runs one of the scripts in tests/support; true when it exited 0. Its output goes to the test log.
inline bool RunSupportScript(const std::string& script, const std::string& args) {
  const std::string command =
      "bash '" + std::string(MAILROOM_SOURCE_DIR) + "/tests/support/" + script + "' " + args + " >&2";
  return std::system(command.c_str()) == 0;
}

/// Certificates made by tests/support/make-test-certs.sh in a folder removed afterwards: a CA,
/// a server certificate for 127.0.0.1 and a client certificate signed by it, and an unrelated CA.
class TestCertificates {
 public:
  TestCertificates() {
    if (!RunSupportScript("make-test-certs.sh", "'" + dir_.path().string() + "'"))
      throw std::runtime_error("make-test-certs.sh failed (is the openssl command installed?)");
  }
  [[nodiscard]] std::string File(const std::string& name) const { return (dir_ / name).string(); }
  [[nodiscard]] const std::filesystem::path& Dir() const { return dir_.path(); }

 private:
  TempDir dir_;
};

/// A private node, started by the constructor and stopped (its data removed) by the destructor,
/// also when a test fails. Not copyable: exactly one owner stops it.
class PrivateBroker {
 public:
  /// Starts the node; with `tls_certs` (a TestCertificates folder) also an amqps:// listener that
  /// demands a client certificate. Throws when the node does not start (after cleaning up).
  explicit PrivateBroker(const std::filesystem::path& tls_certs = {}) {
    // --owner: should this process die without running destructors, the node goes with it.
    std::string args = "start '" + dir_.path().string() + "' --owner " + std::to_string(::getpid());
    if (!tls_certs.empty()) args += " --tls '" + tls_certs.string() + "'";
    if (!RunSupportScript("rabbitmq-node.sh", args)) {
      Stop();
      throw std::runtime_error("the private RabbitMQ node did not start");
    }
  }
  ~PrivateBroker() { Stop(); }
  PrivateBroker(const PrivateBroker&) = delete;
  PrivateBroker& operator=(const PrivateBroker&) = delete;

  [[nodiscard]] std::string Url() const { return ReadLine("url"); }
  /// Empty when the node was started without TLS.
  [[nodiscard]] std::string TlsUrl() const { return ReadLine("tls-url"); }

  /// Stops the node and keeps its data: durable queues and persistent messages survive.
  [[nodiscard]] bool Halt() { return RunSupportScript("rabbitmq-node.sh", "halt '" + dir_.path().string() + "'"); }
  /// Starts a halted node again, on the same port.
  [[nodiscard]] bool Resume() { return RunSupportScript("rabbitmq-node.sh", "resume '" + dir_.path().string() + "'"); }

 private:
  void Stop() { RunSupportScript("rabbitmq-node.sh", "stop '" + dir_.path().string() + "'"); }

  [[nodiscard]] std::string ReadLine(const std::string& name) const {
    std::ifstream in(dir_ / name);
    std::string line;
    std::getline(in, line);
    return line;
  }

  TempDir dir_;
};

}  // namespace mailroom::testing
