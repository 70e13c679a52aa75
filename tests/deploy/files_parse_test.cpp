// Every deployment file is readable by the tool that will read it: YAML (every document), JSON,
// systemd units and their environment files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "deploy_files.h"
#include "systemd_unit.h"

using mailroom::testing::DeployDir;
using mailroom::testing::FilesEndingIn;
using mailroom::testing::ReadText;
using mailroom::testing::Shown;

namespace {

// The example files in deploy/systemd that an EnvironmentFile= path stands for; `%i` is any
// instance (/etc/mailroom/worker-%i.env: worker-ocr.env, worker-route.env, ...).
std::vector<std::string> ExamplesOf(std::string path) {
  if (!path.empty() && path[0] == '-') path.erase(0, 1);
  std::string pattern;
  for (char c : std::filesystem::path(path).filename().string()) {
    pattern += c == '.' ? std::string("[.]") : std::string(1, c);
  }
  const std::regex name(std::regex_replace(pattern, std::regex("%i"), ".+"));
  std::vector<std::string> found;
  for (const auto& file : FilesEndingIn(DeployDir() / "systemd", {".env"})) {
    if (std::regex_match(file.filename().string(), name)) found.push_back(file.filename().string());
  }
  return found;
}

}  // namespace

TEST_CASE("every YAML file under deploy/ parses, every document of it") {
  const auto files = FilesEndingIn(DeployDir(), {".yml", ".yaml"});
  CHECK(files.size() >= 20);
  for (const auto& file : files) {
    INFO(Shown(file));
    std::vector<YAML::Node> documents;
    try {
      documents = YAML::LoadAllFromFile(file.string());
    } catch (const YAML::Exception& e) {
      FAIL(e.what());
    }
    CHECK_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.IsMap());
  }
}

TEST_CASE("every JSON file under deploy/ parses") {
  const auto files = FilesEndingIn(DeployDir(), {".json"});
  CHECK_FALSE(files.empty());
  for (const auto& file : files) {
    INFO(Shown(file));
    CHECK_NOTHROW(nlohmann::json::parse(ReadText(file)));
  }
}

TEST_CASE("every systemd unit is well-formed, hardened, restarted and keeps OpenMP to one thread") {
  const auto units = FilesEndingIn(DeployDir() / "systemd", {".service"});
  CHECK(units.size() >= 4);
  for (const auto& file : units) {
    INFO(Shown(file));
    const auto unit = mailroom::testing::ParseUnit(ReadText(file));
    CHECK(unit.errors == std::vector<std::string>{});
    CHECK_FALSE(unit.Values("Unit", "Description").empty());
    CHECK_FALSE(unit.Values("Install", "WantedBy").empty());
    const auto exec = unit.Values("Service", "ExecStart");
    REQUIRE(exec.size() == 1);
    CHECK(exec[0].rfind("/usr/local/bin/mailroom ", 0) == 0);
    CHECK(unit.Has("Service", "Environment", "OMP_THREAD_LIMIT=1"));
    CHECK(unit.Has("Service", "Restart", "on-failure"));
    CHECK((unit.Has("Service", "User", "mailroom") || unit.Has("Service", "DynamicUser", "yes")));
    CHECK(unit.Has("Service", "NoNewPrivileges", "yes"));
    CHECK(unit.Has("Service", "ProtectSystem", "strict"));
    CHECK(unit.Has("Service", "PrivateTmp", "yes"));
    CHECK(unit.Has("Service", "UMask", "0077"));
    for (const auto& env_file : unit.Values("Service", "EnvironmentFile")) {
      INFO("EnvironmentFile=" << env_file);
      CHECK_FALSE(ExamplesOf(env_file).empty());
    }
  }
}

TEST_CASE("the systemd environment files are NAME=value lines, with one metrics port each") {
  const auto files = FilesEndingIn(DeployDir() / "systemd", {".env"});
  CHECK(files.size() >= 2);
  std::set<std::string> ports;
  for (const auto& file : files) {
    INFO(Shown(file));
    const auto env = mailroom::testing::ParseEnvFile(ReadText(file));
    CHECK(env.errors == std::vector<std::string>{});
    if (const auto port = env.values.find("MAILROOM_METRICS_PORT"); port != env.values.end()) {
      CHECK(ports.insert(port->second).second);  // processes on one host need ports of their own
      CHECK(port->second != "8080");             // the dashboard's
    }
  }
  CHECK(ports.size() >= 4);
}
