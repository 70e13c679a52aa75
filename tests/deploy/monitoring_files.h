// The PromQL of deploy/: the rules of a Prometheus rule file and the queries of a Grafana
// dashboard.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace mailroom::testing {

struct Rule {
  std::string group;
  std::string name;  ///< the alert's name, or the recorded series' name
  bool is_alert = false;
  std::string expr;
  YAML::Node node;  ///< the whole rule, for `for:`, labels and annotations
};

/// Every rule of every group of a Prometheus rule file.
std::vector<Rule> LoadRules(const std::filesystem::path& file);

/// The series the recording rules among `rules` define.
std::set<std::string> RecordedNames(const std::vector<Rule>& rules);

/// Every `expr` of a Grafana dashboard (panel targets, rows' panels, template queries).
std::vector<std::string> DashboardQueries(const std::filesystem::path& file);

}  // namespace mailroom::testing
