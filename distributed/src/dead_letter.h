// Sending a message a stage cannot handle to its queue's dead-letter queue, with the reason in a
// header, then acking it: the error travels with the message, and the rest of the box goes on.
#pragma once

#include <string>
#include <string_view>

#include "mailroom/common/event_log.h"
#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/transport/reconnecting_connection.h"

namespace mailroom::distributed {

/// The original message, untouched but for the reason, so that it can be put back once the cause
/// is fixed.
[[nodiscard]] inline transport::Message WithReason(const transport::Message& message, const std::string& reason) {
  transport::Message out = message;
  out.headers[kErrorHeader] = reason;
  return out;
}

/// Publishes `delivery`'s message to `topology`'s dead exchange under `queue` (so it lands in
/// "<queue>.dead") with `reason` attached, then acks the delivery; counted as an error of `stage`
/// and logged as a warning "<stage>.dead_letter" (ids and the reason: never page text).
[[nodiscard]] inline Result<void> DeadLetter(std::string_view stage, transport::ReconnectingConnection& connection,
                                             const transport::Delivery& delivery, const Topology& topology,
                                             const std::string& queue, const std::string& reason) {
  metrics::CountError(stage, "dead_letter");
  eventlog::Fields fields{.more = {{"queue", queue}, {"message_id", delivery.message.message_id}}};
  if (auto box = delivery.message.headers.find("box_id"); box != delivery.message.headers.end()) {
    fields.box_id = box->second;
  }
  eventlog::Log(eventlog::Level::kWarning, std::string(stage) + ".dead_letter", fields, reason);
  if (auto sent = connection.Publish(topology.DeadExchange(), queue, WithReason(delivery.message, reason)); !sent) {
    return sent;
  }
  return connection.Ack(delivery.delivery_tag);
}

}  // namespace mailroom::distributed
