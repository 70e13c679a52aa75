// One connection to a RabbitMQ broker with one channel, owned by one thread.
//
// Every publish waits for the broker's confirm, every delivery is acked by hand: a message is
// either on the broker's disk or still with its sender, never nowhere.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/transport/message.h"

namespace mailroom::transport {

struct ConnectOptions {
  /// amqp://user:pass@host:port/vhost or amqps://... (TLS).
  std::string url;
  /// Seconds between heartbeats; 0 turns them off. Heartbeats are only serviced while the
  /// connection is inside a call (Receive with a timeout counts).
  int heartbeat_s = 30;
  /// Bounds the TCP connect, the login and every later request/reply with the broker.
  std::chrono::milliseconds timeout{5000};
  /// TLS only: CA bundle to verify the broker with, and an optional client certificate.
  std::string ca_cert_file;
  std::string client_cert_file;
  std::string client_key_file;
  bool verify_peer = true;
};

struct QueueOptions {
  /// Quorum queue (replicated, counts redeliveries); a durable classic queue otherwise.
  bool quorum = true;
  /// Where rejected (requeue=false) messages go; empty: they are dropped.
  std::string dead_letter_exchange;
  std::string dead_letter_routing_key;
  /// Quorum queues only: dead-letter a message after this many deliveries (poison messages).
  std::optional<int> delivery_limit;
};

/// What a queue holds now, as the broker answers a passive declare.
struct QueueStatus {
  std::uint32_t messages = 0;  ///< ready for delivery (not counting unacked ones)
  std::uint32_t consumers = 0;
};

class Connection {
 public:
  /// Connects, logs in, opens the channel and turns on publisher confirms.
  [[nodiscard]] static Result<Connection> Open(const ConnectOptions& options);

  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  /// Closes channel and connection politely when they are still healthy.
  ~Connection();

  /// The broker without credentials, e.g. "amqp://guest@127.0.0.1:5672/": safe for logs.
  [[nodiscard]] const std::string& Broker() const;

  /// False once the socket failed or the broker closed the connection: only a new Open helps.
  [[nodiscard]] bool IsOpen() const;
  /// The channel in use. It changes when the broker closed the previous one (after a failed
  /// declare, say): that ended its consumers and made its delivery tags worthless.
  [[nodiscard]] std::uint16_t Channel() const;

  /// Durable exchange; type "direct", "topic", "fanout" or "headers".
  [[nodiscard]] Result<void> DeclareExchange(const std::string& name, const std::string& type = "direct");
  [[nodiscard]] Result<void> DeclareQueue(const std::string& name, const QueueOptions& options = {});
  [[nodiscard]] Result<void> DeleteQueue(const std::string& name);
  /// The queue's depth and consumers, without creating it. A missing queue is an error, after
  /// which the broker has closed the channel (a new one is opened for the next call).
  [[nodiscard]] Result<QueueStatus> InspectQueue(const std::string& name);
  [[nodiscard]] Result<void> Bind(const std::string& queue, const std::string& exchange,
                                  const std::string& routing_key);

  /// Publishes persistently and mandatory, then waits for the broker's verdict: success only on
  /// basic.ack; a nack, an unroutable message (basic.return) or a closed channel is an error.
  [[nodiscard]] Result<void> Publish(const std::string& exchange, const std::string& routing_key,
                                     const Message& message);

  /// Starts consuming with manual acks; at most `prefetch` unacked deliveries at a time.
  [[nodiscard]] Result<void> Consume(const std::string& queue, std::uint16_t prefetch);
  /// The next delivery, or nullopt after `timeout` without one (so a loop can check a stop flag).
  [[nodiscard]] Result<std::optional<Delivery>> Receive(std::chrono::milliseconds timeout);
  [[nodiscard]] Result<void> Ack(std::uint64_t delivery_tag);
  /// requeue=false dead-letters the message (when the queue has a dead-letter exchange).
  [[nodiscard]] Result<void> Reject(std::uint64_t delivery_tag, bool requeue = false);

  struct State;

 private:
  explicit Connection(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace mailroom::transport
