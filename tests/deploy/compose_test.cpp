// The compose file: every volume, secret, service and host file it names exists, and every
// mailroom service keeps OpenMP to one thread.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "deploy_files.h"
#include "yaml_merge.h"

using mailroom::testing::DeployDir;

namespace {

std::filesystem::path ComposeDir() {
  return DeployDir() / "compose";
}

YAML::Node Compose() {
  return mailroom::testing::Resolved(YAML::LoadFile((ComposeDir() / "docker-compose.yml").string()));
}

std::set<std::string> Keys(const YAML::Node& map) {
  std::set<std::string> keys;
  for (const auto& entry : map) keys.insert(entry.first.as<std::string>());
  return keys;
}

// A short-syntax volume "source:target[:mode]" or a long-syntax map; its source.
std::string VolumeSource(const YAML::Node& volume) {
  if (volume.IsMap()) return volume["source"].as<std::string>("");
  const std::string spec = volume.as<std::string>();
  // ${VAR:-./default}:/target keeps a colon inside the braces.
  const auto braces = spec.rfind('}');
  const auto colon = spec.find(':', braces == std::string::npos ? 0 : braces);
  return spec.substr(0, colon);
}

// A file next to the compose file, or its shipped example (real secrets are not in git).
bool ExistsOrExample(const std::string& relative) {
  const auto path = ComposeDir() / relative;
  return std::filesystem::exists(path) || std::filesystem::exists(path.string() + ".example");
}

std::string Environment(const YAML::Node& service, const std::string& name) {
  const YAML::Node env = service["environment"];
  if (env.IsMap()) return env[name].as<std::string>("<unset>");
  for (const auto& entry : env) {
    const std::string line = entry.as<std::string>();
    if (line.rfind(name + "=", 0) == 0) return line.substr(name.size() + 1);
  }
  return "<unset>";
}

}  // namespace

TEST_CASE("compose services use only the volumes, secrets, services and files that exist") {
  const YAML::Node compose = Compose();
  const auto volumes = Keys(compose["volumes"]);
  const auto secrets = Keys(compose["secrets"]);
  const auto services = Keys(compose["services"]);
  CHECK(services.count("rabbitmq") == 1);
  CHECK(services.count("topology") == 1);
  for (const auto& secret : compose["secrets"]) {
    INFO("secret " << secret.first.as<std::string>());
    CHECK(ExistsOrExample(secret.second["file"].as<std::string>()));
  }
  for (const auto& entry : compose["services"]) {
    const std::string service = entry.first.as<std::string>();
    const YAML::Node spec = entry.second;
    INFO("service " << service);
    for (const auto& volume : spec["volumes"]) {
      const std::string source = VolumeSource(volume);
      INFO("volume " << source);
      if (source.rfind("./", 0) == 0 || source.rfind("../", 0) == 0) {
        CHECK(std::filesystem::exists(ComposeDir() / source));
      } else if (source[0] != '/' && source[0] != '$') {
        CHECK(volumes.count(source) == 1);
      }
    }
    for (const auto& secret : spec["secrets"]) {
      const std::string name = secret.IsMap() ? secret["source"].as<std::string>() : secret.as<std::string>();
      INFO("secret " << name);
      CHECK(secrets.count(name) == 1);
    }
    const YAML::Node depends = spec["depends_on"];
    for (const auto& dependency : depends) {
      const std::string name = depends.IsMap() ? dependency.first.as<std::string>() : dependency.as<std::string>();
      INFO("depends on " << name);
      CHECK(services.count(name) == 1);
    }
    for (const auto& env_file : spec["env_file"]) {
      INFO("env_file " << env_file.as<std::string>());
      CHECK(ExistsOrExample(env_file.as<std::string>()));
    }
  }
}

TEST_CASE("every mailroom service of the compose file keeps OpenMP to one thread") {
  const YAML::Node compose = Compose();
  int mailroom_services = 0;
  for (const auto& entry : compose["services"]) {
    if (entry.second["image"].as<std::string>("").find("mailroom") == std::string::npos) continue;
    ++mailroom_services;
    INFO("service " << entry.first.as<std::string>());
    CHECK(Environment(entry.second, "OMP_THREAD_LIMIT") == "1");
  }
  CHECK(mailroom_services >= 6);
  CHECK(compose["services"]["ocr"]["deploy"]["replicas"].as<int>(0) >= 2);
}
