// Consuming with manual acks and a prefetch window.
#include <optional>
#include <string>

#include "amqp_message.h"
#include "connection_state.h"

namespace mailroom::transport {

using detail::Borrow;
using detail::CheckLastReply;

Result<void> Connection::Consume(const std::string& queue, std::uint16_t prefetch) {
  State& s = *state_;
  // The prefetch bounds how many unacked deliveries the broker pushes to us: the rest stay in
  // the queue for other workers.
  amqp_basic_qos(s.conn.get(), s.channel, 0, prefetch, /*global=*/0);
  if (auto r = CheckLastReply(s, "setting prefetch " + std::to_string(prefetch)); !r) return r;
  amqp_basic_consume(s.conn.get(), s.channel, Borrow(queue), amqp_empty_bytes, /*no_local=*/0, /*no_ack=*/0,
                     /*exclusive=*/0, amqp_empty_table);
  return CheckLastReply(s, "consuming from queue '" + queue + "'");
}

Result<std::optional<Delivery>> Connection::Receive(std::chrono::milliseconds timeout) {
  State& s = *state_;
  if (!s.pending.empty()) {
    Delivery d = std::move(s.pending.front());
    s.pending.pop_front();
    return d;
  }
  if (!s.usable) return Fail(s.broker + ": receiving: connection is closed");
  // The previous delivery was copied out; let the library reuse its frame memory.
  amqp_maybe_release_buffers(s.conn.get());
  amqp_envelope_t envelope;
  timeval tv = detail::ToTimeval(timeout);
  amqp_rpc_reply_t r = amqp_consume_message(s.conn.get(), &envelope, &tv, 0);
  if (r.reply_type == AMQP_RESPONSE_NORMAL) {
    Delivery d = detail::MakeDelivery(envelope.delivery_tag, envelope.redelivered != 0, envelope.exchange,
                                      envelope.routing_key, envelope.message);
    // Only on NORMAL: on an error the library already freed the envelope's fields.
    amqp_destroy_envelope(&envelope);
    return d;
  }
  if (r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && r.library_error == AMQP_STATUS_TIMEOUT) {
    return std::optional<Delivery>();
  }
  if (r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && r.library_error == AMQP_STATUS_UNEXPECTED_STATE) {
    // Some other frame came first; the library left it for us to read.
    amqp_frame_t frame;
    timeval now{0, 0};
    const int rc = amqp_simple_wait_frame_noblock(s.conn.get(), &frame, &now);
    if (rc == AMQP_STATUS_TIMEOUT) return std::optional<Delivery>();
    if (rc != AMQP_STATUS_OK) {
      s.usable = false;
      return Fail(s.broker + ": receiving: " + detail::LibraryError(rc));
    }
    if (frame.frame_type == AMQP_FRAME_METHOD && (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                                                  frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD)) {
      return tl::unexpected(detail::HandleClose(s, frame.payload.method).Prefixed(s.broker + ": receiving"));
    }
    return std::optional<Delivery>();  // e.g. a late confirm: nothing for the consumer
  }
  if (auto e = detail::CheckReply(s, r, "receiving"); !e) return tl::unexpected(e.error());
  return std::optional<Delivery>();
}

Result<void> Connection::Ack(std::uint64_t delivery_tag) {
  State& s = *state_;
  if (int rc = amqp_basic_ack(s.conn.get(), s.channel, delivery_tag, /*multiple=*/0); rc != AMQP_STATUS_OK) {
    s.usable = false;
    return Fail(s.broker + ": acking delivery " + std::to_string(delivery_tag) + ": " + detail::LibraryError(rc));
  }
  return {};
}

Result<void> Connection::Reject(std::uint64_t delivery_tag, bool requeue) {
  State& s = *state_;
  if (int rc = amqp_basic_reject(s.conn.get(), s.channel, delivery_tag, requeue ? 1 : 0); rc != AMQP_STATUS_OK) {
    s.usable = false;
    return Fail(s.broker + ": rejecting delivery " + std::to_string(delivery_tag) + ": " + detail::LibraryError(rc));
  }
  return {};
}

}  // namespace mailroom::transport
