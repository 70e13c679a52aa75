// The wire messages (generated from mailroom.proto) and their JSON form.
#pragma once

#include <string>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"

namespace mailroom::proto {

/// Written into every message's schema_version field.
inline constexpr unsigned kSchemaVersion = 1;

/// Prints a message as pretty JSON with the .proto field names (snake_case), printing default
/// values too (e.g. "priority": false, "evidence": []) so every contract field is present.
[[nodiscard]] Result<std::string> ToJson(const google::protobuf::Message& message);

/// Parses JSON into `message`, ignoring unknown fields. The error carries protobuf's reason.
[[nodiscard]] Result<void> FromJson(const std::string& json, google::protobuf::Message& message);

}  // namespace mailroom::proto
