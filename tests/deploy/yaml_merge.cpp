#include "yaml_merge.h"

#include <set>
#include <string>

namespace mailroom::testing {
namespace {

void MergeInto(YAML::Node& out, std::set<std::string>& keys, const YAML::Node& source) {
  if (source.IsSequence()) {
    for (const auto& item : source) MergeInto(out, keys, item);
    return;
  }
  for (const auto& entry : Resolved(source)) {
    const std::string key = entry.first.as<std::string>();
    if (keys.insert(key).second) out[key] = entry.second;
  }
}

}  // namespace

YAML::Node Resolved(const YAML::Node& node) {
  if (node.IsSequence()) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const auto& item : node) out.push_back(Resolved(item));
    return out;
  }
  if (!node.IsMap()) return YAML::Clone(node);
  YAML::Node out(YAML::NodeType::Map);
  std::set<std::string> keys;
  for (const auto& entry : node) {
    const std::string key = entry.first.as<std::string>();
    if (key == "<<") continue;
    keys.insert(key);
    out[key] = Resolved(entry.second);
  }
  if (node["<<"]) MergeInto(out, keys, node["<<"]);
  return out;
}

}  // namespace mailroom::testing
