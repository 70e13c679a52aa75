#include <google/protobuf/util/json_util.h>

#include "mailroom/proto/messages.h"

namespace mailroom::proto {

Result<std::string> ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) return Fail("cannot print " + message.GetTypeName() + " as JSON: " + status.ToString());
  return json;
}

Result<void> FromJson(const std::string& json, google::protobuf::Message& message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  auto status = google::protobuf::util::JsonStringToMessage(json, &message, options);
  if (!status.ok()) return Fail(std::string(status.message()));
  return {};
}

}  // namespace mailroom::proto
