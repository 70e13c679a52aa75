// Decoding rabbitmq-c's four reply kinds into our errors, and answering the broker's closes.
#include <string>

#include "connection_state.h"

namespace mailroom::transport::detail {

std::string LibraryError(int status) {
  return amqp_error_string2(status);
}

Error HandleClose(Connection::State& state, const amqp_method_t& method) {
  amqp_connection_state_t conn = state.conn.get();
  if (method.id == AMQP_CHANNEL_CLOSE_METHOD) {
    const auto* m = static_cast<const amqp_channel_close_t*>(method.decoded);
    Error error{"channel closed by broker: " + std::to_string(m->reply_code) + " " + ToString(m->reply_text)};
    // The protocol requires the close-ok; then a fresh channel keeps the connection of use. Its
    // consumers and its confirm numbering are gone: callers see the error and start over.
    amqp_channel_close_ok_t ok{};
    amqp_send_method(conn, state.channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
    state.channel = static_cast<amqp_channel_t>(state.channel + 1);
    if (!OpenChannel(state)) state.usable = false;
    return error;
  }
  if (method.id == AMQP_CONNECTION_CLOSE_METHOD) {
    const auto* m = static_cast<const amqp_connection_close_t*>(method.decoded);
    Error error{"connection closed by broker: " + std::to_string(m->reply_code) + " " + ToString(m->reply_text)};
    amqp_connection_close_ok_t ok{};
    amqp_send_method(conn, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
    state.usable = false;
    return error;
  }
  char id[16];
  std::snprintf(id, sizeof id, "0x%08X", method.id);
  return Error{std::string("unexpected method from broker: ") + id};
}

Result<void> CheckReply(Connection::State& state, amqp_rpc_reply_t reply, const std::string& what) {
  switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
      return {};
    case AMQP_RESPONSE_NONE:
      state.usable = false;
      return Fail(state.broker + ": " + what + ": no reply from the library (missing RPC reply)");
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
      // A socket error or timeout leaves the connection in an unknown state: give it up.
      state.usable = false;
      return Fail(state.broker + ": " + what + ": " + LibraryError(reply.library_error));
    case AMQP_RESPONSE_SERVER_EXCEPTION:
      return tl::unexpected(HandleClose(state, reply.reply).Prefixed(state.broker + ": " + what));
  }
  return Fail(state.broker + ": " + what + ": unknown reply type");
}

Result<void> CheckLastReply(Connection::State& state, const std::string& what) {
  return CheckReply(state, amqp_get_rpc_reply(state.conn.get()), what);
}

Result<void> OpenChannel(Connection::State& state) {
  amqp_connection_state_t conn = state.conn.get();
  amqp_channel_open(conn, state.channel);
  if (auto r = CheckLastReply(state, "opening channel " + std::to_string(state.channel)); !r) return r;
  amqp_confirm_select(conn, state.channel);
  if (auto r = CheckLastReply(state, "turning on publisher confirms"); !r) return r;
  state.next_publish_seq = 1;
  return {};
}

}  // namespace mailroom::transport::detail
