// The one place that knows where rabbitmq-c's headers live and how its handles are freed.
// rabbitmq-c 0.11 (Debian 12) installs <amqp.h>; 0.12 and later moved them under rabbitmq-c/.
#pragma once

#if __has_include(<rabbitmq-c/amqp.h>)
#include <rabbitmq-c/amqp.h>
#include <rabbitmq-c/ssl_socket.h>
#include <rabbitmq-c/tcp_socket.h>
#else
#include <amqp.h>
#include <amqp_ssl_socket.h>
#include <amqp_tcp_socket.h>
#endif

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace mailroom::transport::detail {

/// The connection owns its socket: destroying the connection closes and frees both.
struct AmqpConnFree {
  void operator()(amqp_connection_state_t c) const noexcept { amqp_destroy_connection(c); }
};
using AmqpConnPtr = std::unique_ptr<std::remove_pointer_t<amqp_connection_state_t>, AmqpConnFree>;

/// Borrows the bytes of `s` (no copy): valid only while `s` lives and is not modified.
inline amqp_bytes_t Borrow(std::string_view s) {
  return amqp_bytes_t{s.size(), const_cast<char*>(s.data())};
}

inline std::string ToString(amqp_bytes_t b) {
  return b.len == 0 ? std::string() : std::string(static_cast<const char*>(b.bytes), b.len);
}

}  // namespace mailroom::transport::detail
