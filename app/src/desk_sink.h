// The review desk's Postkorb sink for distributed mode, built from the broker options the command
// line was given: a clerk's assignment is then also published to the jobcenter's Postkorb queue
// (distributed/desk_delivery.h), besides the desk's own OUT_DIR/postkorb/.
#pragma once

#include <memory>
#include <string>

#include "mailroom/app/distributed_commands.h"
#include "mailroom/review/desk.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::app {

/// What `--broker URL` with `--ca-cert`, `--client-cert` and `--client-key` (AddTlsOptions) say,
/// as the transport takes it. The same for every command that talks to the broker.
[[nodiscard]] transport::ConnectOptions BrokerConnectOptions(const std::string& url, const BrokerTls& tls);

/// The sink for DeskOptions::sink: publishes each delivered document to "<prefix>.postkorb.<jobcenter>"
/// with the broker's confirm, failing the action with the reason (after about 10 s of retrying)
/// when the broker is away. Connects only when a document is delivered, so building it checks
/// nothing; thread-safe (each delivery has its own connection).
[[nodiscard]] std::shared_ptr<review::PostkorbSink> MakeDeskSink(const transport::ConnectOptions& broker,
                                                                 const std::string& prefix = "mailroom");

}  // namespace mailroom::app
