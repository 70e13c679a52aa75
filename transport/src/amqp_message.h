// Our Message <-> rabbitmq-c's basic properties and received messages.
#pragma once

#include "amqp_api.h"
#include "amqp_table.h"
#include "mailroom/transport/message.h"

namespace mailroom::transport::detail {

/// The properties of an outgoing message: persistent, with id, content type and headers.
/// Borrows from `message`, which must outlive it.
class OutgoingProperties {
 public:
  explicit OutgoingProperties(const Message& message);
  OutgoingProperties(const OutgoingProperties&) = delete;
  OutgoingProperties& operator=(const OutgoingProperties&) = delete;
  [[nodiscard]] const amqp_basic_properties_t* get() const { return &props_; }

 private:
  TableBuilder headers_;
  amqp_basic_properties_t props_{};
};

/// Copies a received message out of the connection's buffers (which the next call may reuse).
Delivery MakeDelivery(std::uint64_t delivery_tag, bool redelivered, amqp_bytes_t exchange, amqp_bytes_t routing_key,
                      const amqp_message_t& message);

}  // namespace mailroom::transport::detail
