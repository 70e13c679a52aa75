// The JSON body of an action POST, read field by field with answers the clerk's page can show.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "mailroom/web/server.h"

namespace mailroom::review {

class ActionBody {
 public:
  /// The body as JSON (an empty body is {}); else 400 saying it is not a JSON object.
  [[nodiscard]] static tl::expected<ActionBody, web::Response> Parse(const std::string& body);

  /// The string field `name`; 400 naming it when it is missing or not a string.
  [[nodiscard]] tl::expected<std::string, web::Response> Text(const std::string& name) const;
  /// The same for a field that may be left out (or null): none then.
  [[nodiscard]] tl::expected<std::optional<std::string>, web::Response> OptionalText(const std::string& name) const;
  /// The whole-number field `name`; 400 naming it when missing or not an integer.
  [[nodiscard]] tl::expected<int, web::Response> Number(const std::string& name) const;

 private:
  explicit ActionBody(nlohmann::json json) : json_(std::move(json)) {}
  nlohmann::json json_;
};

}  // namespace mailroom::review
