// A Connection that survives a broker restart: when the connection is lost it connects again
// with backoff and rebuilds what it had (exchanges, queues, bindings, consumers) through a setup
// callback. Owned by one thread, like Connection.
//
// Nothing is hidden from the caller: the call that meets the broken connection fails (a publish
// whose confirm never came may or may not be stored, so the caller publishes again and the
// stages' idempotency absorbs a duplicate); the next call reconnects. Unacked deliveries of the
// lost connection go back to the queue and come again, marked redelivered.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "mailroom/common/result.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom/transport/message.h"
#include "mailroom/transport/reconnect.h"

namespace mailroom::transport {

class ReconnectingConnection {
 public:
  /// Runs on every new connection before it is used: declare the topology, and Consume when this
  /// is a consumer. Must be idempotent (it runs again after every reconnect). An error while the
  /// connection is still open (a conflicting declare, say) is not retried.
  using Setup = std::function<Result<void>(Connection&)>;

  /// Connects lazily: on the first call that needs the broker. `stop` (may be null) must outlive
  /// this object; setting it ends any reconnect wait within about 50 ms.
  ReconnectingConnection(ConnectOptions options, RetryPolicy policy, Setup setup, const StopFlag* stop = nullptr);

  /// Connects (and runs the setup) unless connected; retries as `policy` says.
  [[nodiscard]] Result<void> Connect();

  /// As Connection::Publish, after connecting if needed.
  [[nodiscard]] Result<void> Publish(const std::string& exchange, const std::string& routing_key,
                                     const Message& message);
  /// As Connection::Receive, after connecting if needed. The delivery tags it hands out are its
  /// own and stay unique across reconnects (the broker numbers each channel from 1 again), so an
  /// old tag can never ack a newer message.
  [[nodiscard]] Result<std::optional<Delivery>> Receive(std::chrono::milliseconds timeout);
  /// Fails without touching the broker when the delivery came on a connection that has since
  /// been lost: the broker delivers that message again.
  [[nodiscard]] Result<void> Ack(std::uint64_t delivery_tag);
  [[nodiscard]] Result<void> Reject(std::uint64_t delivery_tag, bool requeue = false);

  /// How many connections were made so far (1 after the first, 2 after one reconnect...).
  [[nodiscard]] int Connects() const { return connects_; }
  [[nodiscard]] bool IsConnected() const { return conn_.has_value(); }

 private:
  // Drops the connection when the last call left it unusable, or when the broker closed its
  // channel (which ended the consumers the setup started): the next call starts over.
  void ForgetIfBroken();
  void Forget();
  // Our tag for a broker tag; nullopt when the delivery is not outstanding on this connection.
  std::optional<std::uint64_t> TakeBrokerTag(std::uint64_t our_tag);

  ConnectOptions options_;
  RetryPolicy policy_;
  Setup setup_;
  const StopFlag* stop_;
  std::optional<Connection> conn_;
  std::uint16_t channel_ = 0;  // the channel the setup ran on
  int connects_ = 0;
  std::uint64_t next_tag_ = 1;
  std::unordered_map<std::uint64_t, std::uint64_t> outstanding_;  // our tag -> broker tag
};

}  // namespace mailroom::transport
