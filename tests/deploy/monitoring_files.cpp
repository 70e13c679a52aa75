#include "monitoring_files.h"

#include <nlohmann/json.hpp>

#include "deploy_files.h"

namespace mailroom::testing {
namespace {

void CollectExprs(const nlohmann::json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "expr" && value.is_string()) {
        out.push_back(value.get<std::string>());
      } else {
        CollectExprs(value, out);
      }
    }
  } else if (node.is_array()) {
    for (const auto& item : node) CollectExprs(item, out);
  }
}

}  // namespace

std::vector<Rule> LoadRules(const std::filesystem::path& file) {
  std::vector<Rule> rules;
  const YAML::Node root = YAML::LoadFile(file.string());
  for (const auto& group : root["groups"]) {
    for (const auto& node : group["rules"]) {
      Rule rule;
      rule.group = group["name"].as<std::string>();
      rule.is_alert = static_cast<bool>(node["alert"]);
      rule.name = node[rule.is_alert ? "alert" : "record"].as<std::string>();
      rule.expr = node["expr"].as<std::string>();
      rule.node = static_cast<const YAML::Node&>(node);
      rules.push_back(rule);
    }
  }
  return rules;
}

std::set<std::string> RecordedNames(const std::vector<Rule>& rules) {
  std::set<std::string> names;
  for (const auto& rule : rules) {
    if (!rule.is_alert) names.insert(rule.name);
  }
  return names;
}

std::vector<std::string> DashboardQueries(const std::filesystem::path& file) {
  std::vector<std::string> queries;
  CollectExprs(nlohmann::json::parse(ReadText(file)), queries);
  return queries;
}

}  // namespace mailroom::testing
