// The alert rules: complete for the person who gets woken, aimed at the queues the topology
// really declares, and accepted (and unit-tested) by Prometheus's own promtool.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "deploy_files.h"
#include "mailroom/distributed/topology.h"
#include "monitoring_files.h"
#include "run_command.h"
#include "temp_dir.h"

using mailroom::testing::DeployDir;
using mailroom::testing::RunCommand;

namespace {

std::filesystem::path Prometheus() {
  return DeployDir() / "prometheus";
}

std::vector<mailroom::testing::Rule> Alerts() {
  std::vector<mailroom::testing::Rule> alerts;
  for (auto& rule : mailroom::testing::LoadRules(Prometheus() / "alerts.yml")) {
    if (rule.is_alert) alerts.push_back(rule);
  }
  return alerts;
}

const mailroom::testing::Rule* FindAlert(const std::vector<mailroom::testing::Rule>& alerts, const std::string& name) {
  for (const auto& alert : alerts) {
    if (alert.name == name) return &alert;
  }
  return nullptr;
}

// The regular expression of the first `queue=~"..."` matcher in `expr`.
std::string QueueRegex(const std::string& expr) {
  std::smatch match;
  return std::regex_search(expr, match, std::regex(R"re(queue=~"([^"]*)")re")) ? match[1].str() : "";
}

std::string Promtool(const std::string& arguments) {
  return "'" + std::string(PROMTOOL) + "' " + arguments;
}

}  // namespace

TEST_CASE("every alert waits for a while and tells its severity, what happened and what to do") {
  const auto alerts = Alerts();
  REQUIRE(alerts.size() >= 4);
  const std::regex duration("([0-9]+(ms|s|m|h|d|w|y))+");
  for (const auto& alert : alerts) {
    INFO(alert.name);
    REQUIRE(alert.node["for"]);
    CHECK(std::regex_match(alert.node["for"].as<std::string>(), duration));
    const std::string severity = alert.node["labels"]["severity"].as<std::string>("");
    CHECK((severity == "warning" || severity == "critical"));
    CHECK_FALSE(alert.node["annotations"]["summary"].as<std::string>("").empty());
    CHECK_FALSE(alert.node["annotations"]["description"].as<std::string>("").empty());
  }
}

TEST_CASE("the alerts operations asked for are there and watch the queues the topology declares") {
  const auto alerts = Alerts();
  const mailroom::distributed::Topology names;

  const auto* backlog = FindAlert(alerts, "MailroomJobcenterBacklogOver24h");
  REQUIRE(backlog != nullptr);
  CHECK(backlog->expr.find("mailroom_oldest_undelivered_page_age_seconds") != std::string::npos);
  CHECK(backlog->expr.find("86400") != std::string::npos);

  const auto* dead = FindAlert(alerts, "MailroomDeadLetters");
  REQUIRE(dead != nullptr);
  const std::regex dead_queues(QueueRegex(dead->expr));
  for (const auto& queue : {names.Pages(), names.Readings(), names.Documents(), names.Postkorb("jobcenter-hannover")}) {
    INFO(queue);
    CHECK(std::regex_match(names.Dead(queue), dead_queues));
    CHECK_FALSE(std::regex_match(queue, dead_queues));
  }

  const auto* idle = FindAlert(alerts, "MailroomStageWithoutConsumer");
  REQUIRE(idle != nullptr);
  const std::regex stage_queues(QueueRegex(idle->expr));
  for (const auto& queue : {names.Pages(), names.Boxes(), names.Readings(), names.Documents()}) {
    INFO(queue);
    CHECK(std::regex_match(queue, stage_queues));
    CHECK_FALSE(std::regex_match(names.Dead(queue), stage_queues));
  }

  const auto* shift = FindAlert(alerts, "MailroomNoOcrThroughputInShift");
  REQUIRE(shift != nullptr);
  CHECK(shift->expr.find(R"(mailroom_pages_total{stage="ocr")") != std::string::npos);
  CHECK(FindAlert(alerts, "MailroomReviewRateJump") != nullptr);
}

TEST_CASE("promtool accepts the rules and the scrape config, and the rules pass their unit tests") {
  INFO("promtool comes with Debian's prometheus package (deploy/install-deps.sh)");
  REQUIRE(std::string(PROMTOOL) != "");
  for (const std::string& arguments : {"check rules '" + (Prometheus() / "alerts.yml").string() + "'",
                                       "check config '" + (Prometheus() / "prometheus.yml").string() + "'",
                                       "test rules '" + (Prometheus() / "alerts_test.yml").string() + "' '" +
                                           (Prometheus() / "alerts_time_test.yml").string() + "'"}) {
    const auto result = RunCommand(Promtool(arguments));
    INFO("promtool " << arguments << "\n" << result.output);
    CHECK(result.exit_code == 0);
  }
}

TEST_CASE("promtool parses every query of the Grafana dashboard") {
  REQUIRE(std::string(PROMTOOL) != "");
  YAML::Emitter rules;
  rules << YAML::BeginMap << YAML::Key << "groups" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
  rules << YAML::Key << "name" << YAML::Value << "grafana" << YAML::Key << "rules" << YAML::Value << YAML::BeginSeq;
  int n = 0;
  for (const auto& query : mailroom::testing::DashboardQueries(DeployDir() / "grafana" / "mailroom.json")) {
    rules << YAML::BeginMap << YAML::Key << "record" << YAML::Value << "grafana:query" + std::to_string(n++);
    rules << YAML::Key << "expr" << YAML::Value << YAML::DoubleQuoted << query << YAML::EndMap;
  }
  rules << YAML::EndSeq << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
  REQUIRE(n > 0);

  mailroom::testing::TempDir dir;
  std::ofstream(dir / "grafana-queries.yml") << rules.c_str() << "\n";
  const auto result = RunCommand(Promtool("check rules '" + (dir / "grafana-queries.yml").string() + "'"));
  INFO(result.output);
  CHECK(result.exit_code == 0);
}
