// YAML merge keys (`<<: *anchor`), which compose files use and yaml-cpp 0.7 does not resolve.
#pragma once

#include <yaml-cpp/yaml.h>

namespace mailroom::testing {

/// A deep copy of `node` with every `<<` merge key resolved: the merged map's (or maps') keys
/// are added where the map does not set them itself, at every depth.
YAML::Node Resolved(const YAML::Node& node);

}  // namespace mailroom::testing
