// Reconnecting, re-running the setup, and keeping delivery tags apart across connections.
#include "mailroom/transport/reconnecting_connection.h"

#include <utility>

namespace mailroom::transport {

ReconnectingConnection::ReconnectingConnection(ConnectOptions options, RetryPolicy policy, Setup setup,
                                               const StopFlag* stop)
    : options_(std::move(options)), policy_(std::move(policy)), setup_(std::move(setup)), stop_(stop) {}

Result<void> ReconnectingConnection::Connect() {
  if (conn_) return {};
  bool fatal = false;
  // Open and setup are one attempt: a broker that goes down again during the setup is as
  // transient as one that refuses the connection.
  auto done = Retry(
      policy_, stop_,
      [&]() -> Result<void> {
        auto conn = Connection::Open(options_);
        if (!conn) return tl::unexpected(conn.error());
        if (setup_) {
          if (auto r = setup_(*conn); !r) {
            fatal = conn->IsOpen();
            return tl::unexpected(r.error().Prefixed("setting up the new connection"));
          }
        }
        channel_ = conn->Channel();
        conn_.emplace(std::move(*conn));
        return {};
      },
      [&](const Error&) { return !fatal; });
  if (!done) return done;
  ++connects_;
  return {};
}

Result<void> ReconnectingConnection::Publish(const std::string& exchange, const std::string& routing_key,
                                             const Message& message) {
  if (auto r = Connect(); !r) return r;
  auto r = conn_->Publish(exchange, routing_key, message);
  if (!r) ForgetIfBroken();
  return r;
}

Result<std::optional<Delivery>> ReconnectingConnection::Receive(std::chrono::milliseconds timeout) {
  if (auto r = Connect(); !r) return tl::unexpected(r.error());
  auto d = conn_->Receive(timeout);
  if (!d) {
    ForgetIfBroken();
    return d;
  }
  if (d->has_value()) {
    const std::uint64_t ours = next_tag_++;
    outstanding_.emplace(ours, (*d)->delivery_tag);
    (*d)->delivery_tag = ours;
  }
  return d;
}

Result<void> ReconnectingConnection::Ack(std::uint64_t delivery_tag) {
  const auto broker_tag = TakeBrokerTag(delivery_tag);
  if (!broker_tag) {
    return Fail("acking delivery " + std::to_string(delivery_tag) +
                ": not outstanding on the current connection (acked already, or received on a connection "
                "since lost, in which case the broker delivers it again)");
  }
  auto r = conn_->Ack(*broker_tag);
  if (!r) ForgetIfBroken();
  return r;
}

Result<void> ReconnectingConnection::Reject(std::uint64_t delivery_tag, bool requeue) {
  const auto broker_tag = TakeBrokerTag(delivery_tag);
  if (!broker_tag) {
    return Fail("rejecting delivery " + std::to_string(delivery_tag) +
                ": not outstanding on the current connection (acked already, or received on a connection "
                "since lost, in which case the broker delivers it again)");
  }
  auto r = conn_->Reject(*broker_tag, requeue);
  if (!r) ForgetIfBroken();
  return r;
}

void ReconnectingConnection::ForgetIfBroken() {
  if (conn_ && (!conn_->IsOpen() || conn_->Channel() != channel_)) Forget();
}

void ReconnectingConnection::Forget() {
  // Its unacked deliveries return to the queue when the broker sees the connection go; their
  // tags must not reach the next connection.
  outstanding_.clear();
  conn_.reset();
}

std::optional<std::uint64_t> ReconnectingConnection::TakeBrokerTag(std::uint64_t our_tag) {
  const auto it = outstanding_.find(our_tag);
  if (it == outstanding_.end() || !conn_) return std::nullopt;
  const std::uint64_t broker_tag = it->second;
  outstanding_.erase(it);
  return broker_tag;
}

}  // namespace mailroom::transport
