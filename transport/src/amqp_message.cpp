#include "amqp_message.h"

namespace mailroom::transport::detail {

namespace {
constexpr std::uint8_t kPersistent = 2;
}

OutgoingProperties::OutgoingProperties(const Message& message) {
  for (const auto& [key, value] : message.headers) headers_.AddString(key, value);
  props_._flags = AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_HEADERS_FLAG;
  props_.delivery_mode = kPersistent;
  props_.headers = headers_.Table();
  if (!message.message_id.empty()) {
    props_._flags |= AMQP_BASIC_MESSAGE_ID_FLAG;
    props_.message_id = Borrow(message.message_id);
  }
  if (!message.content_type.empty()) {
    props_._flags |= AMQP_BASIC_CONTENT_TYPE_FLAG;
    props_.content_type = Borrow(message.content_type);
  }
}

Delivery MakeDelivery(std::uint64_t delivery_tag, bool redelivered, amqp_bytes_t exchange, amqp_bytes_t routing_key,
                      const amqp_message_t& message) {
  Delivery d;
  d.delivery_tag = delivery_tag;
  d.redelivered = redelivered;
  d.exchange = ToString(exchange);
  d.routing_key = ToString(routing_key);
  d.message.body = ToString(message.body);
  const amqp_basic_properties_t& p = message.properties;
  if (p._flags & AMQP_BASIC_MESSAGE_ID_FLAG) d.message.message_id = ToString(p.message_id);
  if (p._flags & AMQP_BASIC_CONTENT_TYPE_FLAG) d.message.content_type = ToString(p.content_type);
  if (p._flags & AMQP_BASIC_HEADERS_FLAG) d.message.headers = StringEntries(p.headers);
  d.persistent = (p._flags & AMQP_BASIC_DELIVERY_MODE_FLAG) && p.delivery_mode == kPersistent;
  return d;
}

}  // namespace mailroom::transport::detail
