// Publish with publisher confirms. rabbitmq-c 0.11 has no confirm helper (0.15 added
// amqp_publisher_confirm_wait), so this file reads the frames itself.
#include <chrono>
#include <optional>
#include <string>

#include "amqp_message.h"
#include "connection_state.h"

namespace mailroom::transport {

using detail::Borrow;

namespace {

using Clock = std::chrono::steady_clock;

// Does an ack/nack for `tag` (possibly `multiple`: everything up to tag) cover publish `seq`?
bool Covers(std::uint64_t tag, bool multiple, std::uint64_t seq) {
  return tag == seq || (multiple && tag >= seq);
}

// A delivery for our consumer that arrived while we wait for a confirm: keep it for Receive.
Result<void> KeepDelivery(Connection::State& s, const amqp_frame_t& frame) {
  const auto* d = static_cast<const amqp_basic_deliver_t*>(frame.payload.method.decoded);
  const std::uint64_t tag = d->delivery_tag;
  const bool redelivered = d->redelivered != 0;
  const std::string exchange = detail::ToString(d->exchange);
  const std::string routing_key = detail::ToString(d->routing_key);
  amqp_message_t message;
  amqp_rpc_reply_t r = amqp_read_message(s.conn.get(), frame.channel, &message, 0);
  if (auto ok = detail::CheckReply(s, r, "reading a delivery"); !ok) return ok;
  s.pending.push_back(detail::MakeDelivery(tag, redelivered, Borrow(exchange), Borrow(routing_key), message));
  amqp_destroy_message(&message);
  return {};
}

// Waits for the broker's verdict on publish number `seq`. Publishes are one at a time, but a
// `multiple` ack may still cover it, and a basic.return (unroutable) comes before its ack.
Result<void> WaitForConfirm(Connection::State& s, std::uint64_t seq) {
  std::optional<std::string> returned;
  const auto deadline = Clock::now() + s.timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      // Whether the broker stored the message is unknown: the caller must reconnect and publish
      // again (the stages are idempotent), so this connection is done.
      s.usable = false;
      return Fail("no confirm from the broker within " + std::to_string(s.timeout.count()) + " ms");
    }
    timeval tv = detail::ToTimeval(left);
    amqp_frame_t frame;
    const int rc = amqp_simple_wait_frame_noblock(s.conn.get(), &frame, &tv);
    if (rc == AMQP_STATUS_TIMEOUT) continue;
    if (rc != AMQP_STATUS_OK) {
      s.usable = false;
      return Fail("waiting for the confirm: " + detail::LibraryError(rc));
    }
    if (frame.frame_type != AMQP_FRAME_METHOD) continue;
    const amqp_method_t& method = frame.payload.method;
    switch (method.id) {
      case AMQP_BASIC_ACK_METHOD: {
        const auto* ack = static_cast<const amqp_basic_ack_t*>(method.decoded);
        if (!Covers(ack->delivery_tag, ack->multiple != 0, seq)) break;
        if (returned) return Fail("unroutable, returned by the broker: " + *returned);
        return {};
      }
      case AMQP_BASIC_NACK_METHOD: {
        const auto* nack = static_cast<const amqp_basic_nack_t*>(method.decoded);
        if (Covers(nack->delivery_tag, nack->multiple != 0, seq)) return Fail("refused by the broker (basic.nack)");
        break;
      }
      case AMQP_BASIC_RETURN_METHOD: {
        const auto* ret = static_cast<const amqp_basic_return_t*>(method.decoded);
        returned = std::to_string(ret->reply_code) + " " + detail::ToString(ret->reply_text);
        // The returned message's header and body follow; read them so the stream stays in step.
        amqp_message_t message;
        amqp_rpc_reply_t r = amqp_read_message(s.conn.get(), frame.channel, &message, 0);
        if (auto ok = detail::CheckReply(s, r, "reading a returned message"); !ok) return ok;
        amqp_destroy_message(&message);
        break;
      }
      case AMQP_BASIC_DELIVER_METHOD:
        if (auto ok = KeepDelivery(s, frame); !ok) return ok;
        break;
      case AMQP_CHANNEL_CLOSE_METHOD:
      case AMQP_CONNECTION_CLOSE_METHOD:
        return tl::unexpected(detail::HandleClose(s, method));
      default:
        break;  // nothing else concerns a publisher
    }
  }
}

}  // namespace

Result<void> Connection::Publish(const std::string& exchange, const std::string& routing_key, const Message& message) {
  State& s = *state_;
  const std::string what =
      "publishing message '" + message.message_id + "' to exchange '" + exchange + "' with key '" + routing_key + "'";
  if (!s.usable) return Fail(s.broker + ": " + what + ": connection is closed");
  detail::OutgoingProperties props(message);
  // mandatory: an unroutable message comes back as basic.return instead of vanishing with an ack.
  const int rc = amqp_basic_publish(s.conn.get(), s.channel, Borrow(exchange), Borrow(routing_key), /*mandatory=*/1,
                                    /*immediate=*/0, props.get(), Borrow(message.body));
  if (rc != AMQP_STATUS_OK) {
    s.usable = false;
    return Fail(s.broker + ": " + what + ": " + detail::LibraryError(rc));
  }
  const std::uint64_t seq = s.next_publish_seq++;
  auto confirmed = WaitForConfirm(s, seq);
  // Frees the frame memory of this round trip; a long-running publisher would grow otherwise.
  amqp_maybe_release_buffers(s.conn.get());
  if (!confirmed) return tl::unexpected(confirmed.error().Prefixed(s.broker + ": " + what));
  return {};
}

}  // namespace mailroom::transport
