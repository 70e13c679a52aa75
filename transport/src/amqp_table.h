// Field tables (message headers, queue arguments) between our types and rabbitmq-c's.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amqp_api.h"

namespace mailroom::transport::detail {

/// Builds an amqp_table_t that borrows its keys and values: the strings passed in must outlive
/// every use of Table().
class TableBuilder {
 public:
  void AddString(std::string_view key, std::string_view value);
  void AddInt(std::string_view key, std::int64_t value);
  [[nodiscard]] amqp_table_t Table();

 private:
  std::vector<amqp_table_entry_t> entries_;
};

/// The string-like entries of a received table; numbers and booleans become their decimal or
/// "true"/"false" text; nested tables and arrays (the broker's x-death) are left out.
std::map<std::string, std::string> StringEntries(const amqp_table_t& table);

}  // namespace mailroom::transport::detail
