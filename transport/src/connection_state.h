// What a Connection holds; shared by the files that implement its parts.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <string>

#include "amqp_api.h"
#include "mailroom/common/result.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::transport {

struct Connection::State {
  detail::AmqpConnPtr conn;
  /// URL without the password, for every error message.
  std::string broker;
  amqp_channel_t channel = 1;
  /// How long any reply (including a publisher confirm) may take.
  std::chrono::milliseconds timeout{5000};
  /// False once the socket failed or the broker closed the connection: then the destructor
  /// skips the close handshake, which could only time out.
  bool usable = true;
  /// Publisher confirms number the publishes on a channel 1, 2, 3, ... from confirm.select on.
  std::uint64_t next_publish_seq = 1;
  /// Deliveries that arrived while Publish was waiting for its confirm; Receive hands them out first.
  std::deque<Delivery> pending;
};

namespace detail {

/// Turns the outcome of an RPC into a Result. On a broker-side channel close it answers
/// close-ok and opens a fresh channel (so e.g. a failed redeclare does not kill the connection);
/// on a connection close or socket error it marks the connection unusable.
Result<void> CheckReply(Connection::State& state, amqp_rpc_reply_t reply, const std::string& what);

/// Same for the reply of the last RPC (amqp_get_rpc_reply): for calls returning *_ok_t*.
Result<void> CheckLastReply(Connection::State& state, const std::string& what);

/// A method frame that arrived unasked (channel.close or connection.close from the broker):
/// answers it as the protocol requires and returns the error it describes.
Error HandleClose(Connection::State& state, const amqp_method_t& method);

/// Opens `state.channel` and turns on publisher confirms there.
Result<void> OpenChannel(Connection::State& state);

timeval ToTimeval(std::chrono::milliseconds ms);

/// "PRECONDITION_FAILED - ..." style text of a library status code.
std::string LibraryError(int status);

}  // namespace detail
}  // namespace mailroom::transport
