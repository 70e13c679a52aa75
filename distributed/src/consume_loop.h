// The receive loop every consumer of the distributed mode runs: connect (retrying a broker that is
// away), hand each delivery to the stage, reconnect when the connection breaks, and stop on the
// flag or when the stage has done what it was asked to.
#pragma once

#include <chrono>
#include <functional>

#include "mailroom/common/result.h"
#include "mailroom/transport/reconnecting_connection.h"

namespace mailroom::distributed {

/// How long one wait for a delivery lasts: the stop flag is looked at this often.
inline constexpr std::chrono::milliseconds kConsumePoll{500};

/// Runs until `stop` is set or `finished()` says so. `on_delivery` handles (and acks or
/// dead-letters) one delivery; `on_idle` runs when a poll brought nothing. Fails only when the
/// connection cannot be set up for a reason no retry will fix (a missing queue, no rights on it):
/// a broker that is away is waited for.
[[nodiscard]] inline Result<void> ConsumeUntil(transport::ReconnectingConnection& connection,
                                               const transport::StopFlag& stop, const std::function<bool()>& finished,
                                               const std::function<void(const transport::Delivery&)>& on_delivery,
                                               const std::function<void()>& on_idle = {}) {
  if (auto connected = connection.Connect(); !connected && !stop.load()) return connected;
  while (!stop.load() && !finished()) {
    auto delivery = connection.Receive(kConsumePoll);
    if (!delivery) {
      if (auto again = connection.Connect(); !again && !stop.load()) return again;
      continue;
    }
    if (!delivery->has_value()) {
      if (on_idle) on_idle();
      continue;
    }
    on_delivery(**delivery);
  }
  return {};
}

}  // namespace mailroom::distributed
