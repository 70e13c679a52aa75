#include "action_body.h"

#include <limits>

namespace mailroom::review {

tl::expected<ActionBody, web::Response> ActionBody::Parse(const std::string& body) {
  if (body.empty()) return ActionBody(nlohmann::json::object());
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return tl::unexpected(web::JsonError(400, "the request body is not a JSON object"));
  return ActionBody(std::move(json));
}

tl::expected<std::string, web::Response> ActionBody::Text(const std::string& name) const {
  auto text = OptionalText(name);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return tl::unexpected(web::JsonError(400, "the request has no field \"" + name + "\""));
  return std::move(**text);
}

tl::expected<std::optional<std::string>, web::Response> ActionBody::OptionalText(const std::string& name) const {
  const auto field = json_.find(name);
  if (field == json_.end() || field->is_null()) return std::nullopt;
  if (!field->is_string()) return tl::unexpected(web::JsonError(400, "the field \"" + name + "\" is not a string"));
  return field->get<std::string>();
}

tl::expected<int, web::Response> ActionBody::Number(const std::string& name) const {
  const auto field = json_.find(name);
  if (field == json_.end()) return tl::unexpected(web::JsonError(400, "the request has no field \"" + name + "\""));
  if (!field->is_number_integer() || *field > std::numeric_limits<int>::max() ||
      *field < std::numeric_limits<int>::min()) {
    return tl::unexpected(web::JsonError(400, "the field \"" + name + "\" is not a whole number"));
  }
  return field->get<int>();
}

}  // namespace mailroom::review
