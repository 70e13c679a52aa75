// The compose file: every volume, secret, service and host file it names exists, every mailroom
// service keeps OpenMP to one thread, and the ledger is the postgres service's, for all of them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "deploy_files.h"
#include "ledger_url.h"
#include "yaml_merge.h"

using mailroom::testing::DeployDir;
using mailroom::testing::NeedsLedger;
using mailroom::testing::ParseLedgerUrl;

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

std::vector<std::string> Command(const YAML::Node& service) {
  return service["command"].as<std::vector<std::string>>(std::vector<std::string>{});
}

bool IsMailroom(const YAML::Node& service) {
  return service["image"].as<std::string>("").find("mailroom") != std::string::npos;
}

// Every scalar of `node`, at every depth.
void Scalars(const YAML::Node& node, std::vector<std::string>& out) {
  if (node.IsScalar()) out.push_back(node.as<std::string>());
  if (node.IsSequence()) {
    for (const auto& item : node) Scalars(item, out);
  }
  if (node.IsMap()) {
    for (const auto& entry : node) Scalars(entry.second, out);
  }
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

TEST_CASE("every compose service that needs the ledger has the postgres service's URL, its password from a secret") {
  const YAML::Node compose = Compose();
  const YAML::Node postgres = compose["services"]["postgres"];
  REQUIRE(postgres);
  CHECK(postgres["image"].as<std::string>("").find("postgres") != std::string::npos);
  const auto health = postgres["healthcheck"]["test"].as<std::vector<std::string>>(std::vector<std::string>{});
  CHECK(std::find(health.begin(), health.end(), "pg_isready") != health.end());
  bool data_volume = false;
  for (const auto& volume : postgres["volumes"]) {
    const std::string spec = volume.as<std::string>("");
    data_volume = data_volume || (spec.find(":/var/lib/postgresql/data") != std::string::npos &&
                                  compose["volumes"][VolumeSource(volume)].IsDefined());
  }
  CHECK(data_volume);

  // The one place: the shared environment, a URL without a password, on the postgres service.
  const std::string url = compose["x-mailroom-env"]["MAILROOM_LEDGER"].as<std::string>("");
  INFO("MAILROOM_LEDGER=" << url);
  const auto ledger = ParseLedgerUrl(url);
  REQUIRE(ledger);
  CHECK(ledger->host == "postgres");
  CHECK_FALSE(ledger->password);
  CHECK(postgres["environment"]["POSTGRES_USER"].as<std::string>("") == ledger->user);
  CHECK(postgres["environment"]["POSTGRES_DB"].as<std::string>("") == ledger->database);

  int with_ledger = 0;
  for (const auto& entry : compose["services"]) {
    const std::string name = entry.first.as<std::string>();
    const YAML::Node service = entry.second;
    if (!IsMailroom(service)) continue;
    INFO("service " << name);
    const auto command = Command(service);
    CHECK(std::find(command.begin(), command.end(), "--ledger") == command.end());
    const std::string value = Environment(service, "MAILROOM_LEDGER");
    CHECK((value == "<unset>" || value == url));
    if (!NeedsLedger(command) && name != "cli") continue;  // cli: ingest, register, user, ...
    ++with_ledger;
    CHECK(value == url);
    CHECK(service["depends_on"]["postgres"]["condition"].as<std::string>("") == "service_healthy");
    // libpq's password file, mounted as one of the service's secrets.
    const std::string passfile = Environment(service, "PGPASSFILE");
    std::set<std::string> mounted;
    for (const auto& secret : service["secrets"]) mounted.insert("/run/secrets/" + secret.as<std::string>(""));
    CHECK(mounted.count(passfile) == 1);
    const std::string secret_file =
        compose["secrets"][passfile.substr(passfile.rfind('/') + 1)]["file"].as<std::string>("");
    const auto password = mailroom::testing::PgpassPassword(
        mailroom::testing::ReadText(ComposeDir() / (secret_file + ".example")), *ledger);
    REQUIRE(password);
    CHECK(password->find("FAKE") != std::string::npos);
  }
  CHECK(with_ledger >= 4);  // classify, route, dashboard, cli
}

TEST_CASE("compose runs several classify workers on the ledger, and nothing keeps a SQLite ledger") {
  const YAML::Node compose = Compose();
  const YAML::Node classify = compose["services"]["classify"];
  CHECK(classify["deploy"]["replicas"].as<int>(0) >= 2);
  CHECK(Environment(classify, "MAILROOM_LEDGER").rfind("postgresql://", 0) == 0);
  std::vector<std::string> scalars;
  Scalars(compose, scalars);
  for (const auto& value : scalars) {
    INFO(value);
    CHECK(value.find(".sqlite") == std::string::npos);
  }
}
