// Connecting, logging in, closing, and the topology calls (exchanges, queues, bindings).
#include <sys/time.h>

#include <string>
#include <vector>

#include "amqp_table.h"
#include "connection_state.h"

namespace mailroom::transport {

using detail::Borrow;
using detail::CheckLastReply;

namespace {

// Big enough for a routed document's inline PDF to travel in few frames.
constexpr int kFrameMax = 131072;

// The broker as it may appear in logs and errors: no password.
std::string RedactedBroker(const amqp_connection_info& info) {
  std::string vhost = info.vhost;
  return std::string(info.ssl ? "amqps://" : "amqp://") + info.user + "@" + info.host + ":" +
         std::to_string(info.port) + (vhost == "/" ? "/" : "/" + vhost);
}

Result<void> SetUpTls(amqp_socket_t* socket, const ConnectOptions& o, const std::string& broker) {
  if (!o.ca_cert_file.empty()) {
    if (int rc = amqp_ssl_socket_set_cacert(socket, o.ca_cert_file.c_str()); rc != AMQP_STATUS_OK)
      return Fail(broker + ": reading CA file " + o.ca_cert_file + ": " + detail::LibraryError(rc));
  }
  if (!o.client_cert_file.empty()) {
    if (int rc = amqp_ssl_socket_set_key(socket, o.client_cert_file.c_str(), o.client_key_file.c_str());
        rc != AMQP_STATUS_OK)
      return Fail(broker + ": reading client certificate " + o.client_cert_file + ": " + detail::LibraryError(rc));
  }
  amqp_ssl_socket_set_verify_peer(socket, o.verify_peer ? 1 : 0);
  amqp_ssl_socket_set_verify_hostname(socket, o.verify_peer ? 1 : 0);
  return {};
}

}  // namespace

namespace detail {
timeval ToTimeval(std::chrono::milliseconds ms) {
  if (ms.count() < 0) ms = std::chrono::milliseconds(0);
  return timeval{static_cast<time_t>(ms.count() / 1000), static_cast<suseconds_t>((ms.count() % 1000) * 1000)};
}
}  // namespace detail

Result<Connection> Connection::Open(const ConnectOptions& options) {
  // amqp_parse_url writes into its argument and points the parsed fields into it.
  std::vector<char> url(options.url.begin(), options.url.end());
  url.push_back('\0');
  amqp_connection_info info;
  amqp_default_connection_info(&info);
  if (int rc = amqp_parse_url(url.data(), &info); rc != AMQP_STATUS_OK) {
    // Not echoing the URL: it may carry a password.
    return Fail("invalid broker URL (expected amqp[s]://user:password@host:port/vhost): " + detail::LibraryError(rc));
  }

  // Strictly, "amqp://host/" names the empty vhost, which no RabbitMQ broker has; like most
  // clients we take it to mean the default vhost "/".
  if (info.vhost == nullptr || *info.vhost == '\0') info.vhost = const_cast<char*>("/");

  auto state = std::make_unique<State>();
  state->broker = RedactedBroker(info);
  state->timeout = options.timeout;
  state->conn.reset(amqp_new_connection());
  if (!state->conn) return Fail(state->broker + ": cannot allocate a connection");
  amqp_connection_state_t conn = state->conn.get();

  amqp_socket_t* socket = info.ssl ? amqp_ssl_socket_new(conn) : amqp_tcp_socket_new(conn);
  if (socket == nullptr) return Fail(state->broker + ": cannot create a socket");
  if (info.ssl) {
    if (auto r = SetUpTls(socket, options, state->broker); !r) return tl::unexpected(r.error());
  }

  timeval tv = detail::ToTimeval(options.timeout);
  amqp_set_handshake_timeout(conn, &tv);
  amqp_set_rpc_timeout(conn, &tv);
  if (int rc = amqp_socket_open_noblock(socket, info.host, info.port, &tv); rc != AMQP_STATUS_OK) {
    state->usable = false;
    return Fail(state->broker + ": cannot connect: " + detail::LibraryError(rc));
  }

  amqp_rpc_reply_t login =
      amqp_login(conn, info.vhost, 0, kFrameMax, options.heartbeat_s, AMQP_SASL_METHOD_PLAIN, info.user, info.password);
  if (auto r = detail::CheckReply(*state, login, "logging in as " + std::string(info.user)); !r) {
    state->usable = false;
    // With TLS 1.3 the broker checks our certificate only after the handshake has succeeded on
    // our side, so a missing or untrusted client certificate shows up as a failed first read.
    if (info.ssl && login.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION) {
      return Fail(r.error().message + " (the broker ended the TLS session: " +
                  (options.client_cert_file.empty() ? "it may require a client certificate"
                                                    : "it may not trust our client certificate") +
                  ")");
    }
    return tl::unexpected(r.error());
  }
  if (auto r = detail::OpenChannel(*state); !r) return tl::unexpected(r.error());
  return Connection(std::move(state));
}

Connection::Connection(std::unique_ptr<State> state) : state_(std::move(state)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;

Connection::~Connection() {
  if (!state_ || !state_->usable) return;
  // Closing the channel returns our unacked deliveries to the queue right away (not only when
  // the broker notices the socket is gone). Bounded by the RPC timeout.
  amqp_channel_close(state_->conn.get(), state_->channel, AMQP_REPLY_SUCCESS);
  amqp_connection_close(state_->conn.get(), AMQP_REPLY_SUCCESS);
}

const std::string& Connection::Broker() const {
  return state_->broker;
}

bool Connection::IsOpen() const {
  return state_ && state_->usable;
}

std::uint16_t Connection::Channel() const {
  return state_->channel;
}

Result<void> Connection::DeclareExchange(const std::string& name, const std::string& type) {
  amqp_exchange_declare(state_->conn.get(), state_->channel, Borrow(name), Borrow(type), /*passive=*/0,
                        /*durable=*/1, /*auto_delete=*/0, /*internal=*/0, amqp_empty_table);
  return CheckLastReply(*state_, "declaring exchange '" + name + "'");
}

Result<void> Connection::DeclareQueue(const std::string& name, const QueueOptions& options) {
  detail::TableBuilder args;
  if (options.quorum) args.AddString("x-queue-type", "quorum");
  if (!options.dead_letter_exchange.empty()) args.AddString("x-dead-letter-exchange", options.dead_letter_exchange);
  if (!options.dead_letter_routing_key.empty())
    args.AddString("x-dead-letter-routing-key", options.dead_letter_routing_key);
  if (options.delivery_limit) args.AddInt("x-delivery-limit", *options.delivery_limit);
  amqp_queue_declare(state_->conn.get(), state_->channel, Borrow(name), /*passive=*/0, /*durable=*/1,
                     /*exclusive=*/0, /*auto_delete=*/0, args.Table());
  return CheckLastReply(*state_, "declaring queue '" + name + "'");
}

Result<QueueStatus> Connection::InspectQueue(const std::string& name) {
  const amqp_queue_declare_ok_t* ok =
      amqp_queue_declare(state_->conn.get(), state_->channel, Borrow(name), /*passive=*/1, /*durable=*/0,
                         /*exclusive=*/0, /*auto_delete=*/0, amqp_empty_table);
  if (auto checked = CheckLastReply(*state_, "inspecting queue '" + name + "'"); !checked) {
    return tl::unexpected(checked.error());
  }
  if (ok == nullptr) return Fail("inspecting queue '" + name + "': no answer from the broker");
  return QueueStatus{ok->message_count, ok->consumer_count};
}

Result<void> Connection::DeleteQueue(const std::string& name) {
  amqp_queue_delete(state_->conn.get(), state_->channel, Borrow(name), /*if_unused=*/0, /*if_empty=*/0);
  return CheckLastReply(*state_, "deleting queue '" + name + "'");
}

Result<void> Connection::Bind(const std::string& queue, const std::string& exchange, const std::string& routing_key) {
  amqp_queue_bind(state_->conn.get(), state_->channel, Borrow(queue), Borrow(exchange), Borrow(routing_key),
                  amqp_empty_table);
  return CheckLastReply(*state_, "binding queue '" + queue + "' to exchange '" + exchange + "'");
}

}  // namespace mailroom::transport
