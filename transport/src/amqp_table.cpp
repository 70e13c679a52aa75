#include "amqp_table.h"

namespace mailroom::transport::detail {

void TableBuilder::AddString(std::string_view key, std::string_view value) {
  amqp_table_entry_t entry{};
  entry.key = Borrow(key);
  entry.value.kind = AMQP_FIELD_KIND_UTF8;
  entry.value.value.bytes = Borrow(value);
  entries_.push_back(entry);
}

void TableBuilder::AddInt(std::string_view key, std::int64_t value) {
  amqp_table_entry_t entry{};
  entry.key = Borrow(key);
  entry.value.kind = AMQP_FIELD_KIND_I64;
  entry.value.value.i64 = value;
  entries_.push_back(entry);
}

amqp_table_t TableBuilder::Table() {
  if (entries_.empty()) return amqp_empty_table;
  return amqp_table_t{static_cast<int>(entries_.size()), entries_.data()};
}

namespace {

std::optional<std::string> AsText(const amqp_field_value_t& v) {
  switch (v.kind) {
    case AMQP_FIELD_KIND_UTF8:
    case AMQP_FIELD_KIND_BYTES:
      return ToString(v.value.bytes);
    case AMQP_FIELD_KIND_BOOLEAN:
      return v.value.boolean ? "true" : "false";
    case AMQP_FIELD_KIND_I8:
      return std::to_string(v.value.i8);
    case AMQP_FIELD_KIND_U8:
      return std::to_string(v.value.u8);
    case AMQP_FIELD_KIND_I16:
      return std::to_string(v.value.i16);
    case AMQP_FIELD_KIND_U16:
      return std::to_string(v.value.u16);
    case AMQP_FIELD_KIND_I32:
      return std::to_string(v.value.i32);
    case AMQP_FIELD_KIND_U32:
      return std::to_string(v.value.u32);
    case AMQP_FIELD_KIND_I64:
    case AMQP_FIELD_KIND_TIMESTAMP:
      return std::to_string(v.value.i64);
    case AMQP_FIELD_KIND_U64:
      return std::to_string(v.value.u64);
    default:
      return std::nullopt;
  }
}

}  // namespace

std::map<std::string, std::string> StringEntries(const amqp_table_t& table) {
  std::map<std::string, std::string> out;
  for (int i = 0; i < table.num_entries; ++i) {
    const amqp_table_entry_t& e = table.entries[i];
    if (auto text = AsText(e.value)) out.emplace(ToString(e.key), std::move(*text));
  }
  return out;
}

}  // namespace mailroom::transport::detail
