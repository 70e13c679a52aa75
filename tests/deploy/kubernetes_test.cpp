// The Kubernetes manifests: whole objects, every mailroom container single-threaded for OpenMP,
// sized and watched through /metrics, a kustomization that lists exactly its folder, Secrets
// whose example values nobody could take for real ones, and the ledger from one Secret, with
// nothing pinned to a node.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "deploy_files.h"
#include "ledger_url.h"

using mailroom::testing::DeployDir;
using mailroom::testing::FilesEndingIn;
using mailroom::testing::Shown;

namespace {

std::filesystem::path Kubernetes() {
  return DeployDir() / "kubernetes";
}

struct Object {
  std::string file;
  YAML::Node node;
};

// Every object of every manifest (kustomization.yaml is not one), alternatives included.
std::vector<Object> Objects() {
  std::vector<Object> objects;
  for (const auto& file : FilesEndingIn(Kubernetes(), {".yaml", ".yml"})) {
    if (file.filename() == "kustomization.yaml") continue;
    for (const auto& node : YAML::LoadAllFromFile(file.string())) objects.push_back({Shown(file), node});
  }
  return objects;
}

// The pod template of a workload, or an undefined node.
YAML::Node PodSpec(const YAML::Node& object) {
  const std::string kind = object["kind"].as<std::string>("");
  if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "Job") {
    return object["spec"]["template"]["spec"];
  }
  if (kind == "CronJob") return object["spec"]["jobTemplate"]["spec"]["template"]["spec"];
  return YAML::Node(YAML::NodeType::Undefined);
}

bool IsMailroomImage(const std::string& image) {
  return image == "mailroom" || image.rfind("mailroom:", 0) == 0 || image.find("/mailroom") != std::string::npos;
}

std::string EnvValue(const YAML::Node& container, const std::string& name) {
  for (const auto& variable : container["env"]) {
    if (variable["name"].as<std::string>("") == name) return variable["value"].as<std::string>("<not a value>");
  }
  return "<unset>";
}

// The Secret and key a container's variable comes from ("name/key"), or "" when it is not one.
std::string EnvSecret(const YAML::Node& container, const std::string& name) {
  for (const auto& variable : container["env"]) {
    if (variable["name"].as<std::string>("") != name) continue;
    const YAML::Node ref = variable["valueFrom"]["secretKeyRef"];
    if (ref) return ref["name"].as<std::string>("") + "/" + ref["key"].as<std::string>("");
  }
  return "";
}

const Object* Find(const std::vector<Object>& objects, const std::string& kind, const std::string& name) {
  for (const auto& object : objects) {
    if (object.node["kind"].as<std::string>("") == kind &&
        object.node["metadata"]["name"].as<std::string>("") == name) {
      return &object;
    }
  }
  return nullptr;
}

std::string Emitted(const YAML::Node& node) {
  YAML::Emitter out;
  out << node;
  return out.c_str();
}

}  // namespace

TEST_CASE("every Kubernetes object has apiVersion, kind, metadata.name and the mailroom namespace") {
  const auto objects = Objects();
  CHECK(objects.size() >= 15);
  for (const auto& [file, object] : objects) {
    INFO(file << ": " << object["kind"].as<std::string>("?") << " " << object["metadata"]["name"].as<std::string>("?"));
    CHECK_FALSE(object["apiVersion"].as<std::string>("").empty());
    CHECK_FALSE(object["kind"].as<std::string>("").empty());
    CHECK_FALSE(object["metadata"]["name"].as<std::string>("").empty());
    if (object["kind"].as<std::string>("") != "Namespace") {
      CHECK(object["metadata"]["namespace"].as<std::string>("") == "mailroom");
    }
  }
}

TEST_CASE("every mailroom container keeps OpenMP to one thread, is sized, runs unprivileged and is probed") {
  int containers = 0;
  for (const auto& [file, object] : Objects()) {
    const YAML::Node pod = PodSpec(object);
    if (!pod) continue;
    const bool long_running = object["kind"].as<std::string>() != "Job";
    for (const char* list : {"initContainers", "containers"}) {
      for (const auto& container : pod[list]) {
        if (!IsMailroomImage(container["image"].as<std::string>(""))) continue;
        ++containers;
        INFO(file << ": container " << container["name"].as<std::string>(""));
        CHECK(EnvValue(container, "OMP_THREAD_LIMIT") == "1");
        CHECK(container["resources"]["requests"]["cpu"]);
        CHECK(container["resources"]["requests"]["memory"]);
        CHECK(container["resources"]["limits"]["memory"]);
        CHECK(pod["securityContext"]["runAsNonRoot"].as<bool>(false));
        CHECK(container["securityContext"]["readOnlyRootFilesystem"].as<bool>(false));
        CHECK_FALSE(container["securityContext"]["allowPrivilegeEscalation"].as<bool>(true));
        if (long_running) CHECK(container["livenessProbe"]["httpGet"]["path"].as<std::string>("") == "/metrics");
        // The dashboard listens on 127.0.0.1 unless told otherwise: its probe and Service need more.
        const auto args = container["args"].as<std::vector<std::string>>(std::vector<std::string>{});
        if (!args.empty() && args.front() == "dashboard") {
          const auto bind = std::find(args.begin(), args.end(), "--bind");
          CHECK((bind != args.end() && bind + 1 != args.end() && *(bind + 1) == "0.0.0.0"));
        }
      }
    }
  }
  CHECK(containers >= 6);  // ocr, classify, route, postkorb, dashboard, topology
}

TEST_CASE("kustomization.yaml lists every manifest of its folder, and the alternatives stay out") {
  const YAML::Node kustomization = YAML::LoadFile((Kubernetes() / "kustomization.yaml").string());
  std::set<std::string> listed;
  for (const auto& resource : kustomization["resources"]) listed.insert(resource.as<std::string>());
  std::set<std::string> present;
  for (const auto& entry : std::filesystem::directory_iterator(Kubernetes())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" && name != "kustomization.yaml") {
      present.insert(name);
    }
  }
  CHECK(listed == present);
  CHECK(FilesEndingIn(Kubernetes() / "alternatives", {".yaml"}).size() >= 2);
}

TEST_CASE("the Kubernetes Secrets carry only clearly fake example values") {
  int secrets = 0;
  for (const auto& [file, object] : Objects()) {
    if (object["kind"].as<std::string>("") != "Secret") continue;
    ++secrets;
    INFO(file << ": " << object["metadata"]["name"].as<std::string>(""));
    CHECK_FALSE(object["data"]);  // stringData only, so a reader sees what the values are
    bool fake = false;
    for (const auto& entry : object["stringData"]) {
      fake = fake || entry.second.as<std::string>().find("FAKE") != std::string::npos;
    }
    CHECK(fake);
  }
  CHECK(secrets >= 2);
}

TEST_CASE("every mailroom container that needs the ledger takes MAILROOM_LEDGER from the Secret mailroom-ledger") {
  const auto objects = Objects();
  const Object* secret = Find(objects, "Secret", "mailroom-ledger");
  REQUIRE(secret);
  const auto url = mailroom::testing::ParseLedgerUrl(secret->node["stringData"]["url"].as<std::string>(""));
  CHECK(url);
  // Not in the ConfigMap: the URL carries the password.
  const Object* config = Find(objects, "ConfigMap", "mailroom-config");
  REQUIRE(config);
  CHECK_FALSE(config->node["data"]["MAILROOM_LEDGER"]);
  int with_ledger = 0;
  for (const auto& [file, object] : objects) {
    const YAML::Node pod = PodSpec(object);
    if (!pod) continue;
    for (const auto& container : pod["containers"]) {
      if (!IsMailroomImage(container["image"].as<std::string>(""))) continue;
      INFO(file << ": container " << container["name"].as<std::string>(""));
      const auto args = container["args"].as<std::vector<std::string>>(std::vector<std::string>{});
      CHECK(std::find(args.begin(), args.end(), "--ledger") == args.end());
      const std::string from = EnvSecret(container, "MAILROOM_LEDGER");
      CHECK((from.empty() ? EnvValue(container, "MAILROOM_LEDGER") == "<unset>" : from == "mailroom-ledger/url"));
      if (!mailroom::testing::NeedsLedger(args)) continue;
      ++with_ledger;
      CHECK(from == "mailroom-ledger/url");
    }
  }
  CHECK(with_ledger >= 3);  // classify, route, dashboard
}

TEST_CASE("classify runs several replicas, and no workload is pinned to a node or shares a ReadWriteOnce claim") {
  const auto objects = Objects();
  const Object* classify = Find(objects, "Deployment", "mailroom-classify");
  REQUIRE(classify);
  CHECK(classify->node["spec"]["replicas"].as<int>(0) >= 2);
  CHECK(classify->node["spec"]["strategy"]["type"].as<std::string>("RollingUpdate") != "Recreate");
  std::map<std::string, std::vector<std::string>> access_modes;
  for (const auto& [file, object] : objects) {
    if (object["kind"].as<std::string>("") != "PersistentVolumeClaim") continue;
    const std::string name = object["metadata"]["name"].as<std::string>("");
    CHECK(name.find("ledger") == std::string::npos);
    access_modes[name] = object["spec"]["accessModes"].as<std::vector<std::string>>(std::vector<std::string>{});
  }
  for (const auto& [file, object] : objects) {
    const YAML::Node pod = PodSpec(object);
    if (!pod) continue;
    const std::string name = object["metadata"]["name"].as<std::string>("");
    INFO(file << ": " << name);
    CHECK(Emitted(pod).find("ledger-node") == std::string::npos);
    CHECK_FALSE(pod["nodeSelector"]);
    // A Deployment without a replica count is scaled (KEDA): it may run several pods too.
    if (object["kind"].as<std::string>("") != "Deployment" || object["spec"]["replicas"].as<int>(2) < 2) continue;
    for (const auto& volume : pod["volumes"]) {
      const YAML::Node reference = volume["persistentVolumeClaim"];
      if (!reference) continue;
      const std::string claim = reference["claimName"].as<std::string>("");
      INFO("claim " << claim);
      REQUIRE(access_modes.count(claim) == 1);
      CHECK(access_modes[claim] == std::vector<std::string>{"ReadWriteMany"});
    }
  }
}
