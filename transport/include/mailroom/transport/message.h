// What travels over the broker: opaque bytes with the few properties the stages rely on.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace mailroom::transport {

/// A message as the stages see it. The body is bytes (a serialized protobuf), not text.
struct Message {
  std::string body;
  /// The stage-level id (page or document id): how a redelivered message is recognised.
  std::string message_id;
  std::string content_type;
  /// String headers only; the broker's own non-string headers (x-death tables) are dropped on receipt.
  std::map<std::string, std::string> headers;
};

/// A message handed to a consumer, with what is needed to ack or reject it.
struct Delivery {
  Message message;
  std::uint64_t delivery_tag = 0;
  /// Set by the broker when an earlier delivery of this message was not acked.
  bool redelivered = false;
  /// Delivery mode 2: the broker kept it on disk.
  bool persistent = false;
  std::string exchange;
  std::string routing_key;
};

}  // namespace mailroom::transport
