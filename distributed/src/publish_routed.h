// The one way a routed document leaves for its queue, whoever sends it: the route worker (documents
// the classifier decided) and the review desk (documents a clerk decided, see desk_delivery.h).
// One place, so that both publish the same message to the same queue with the broker's confirm.
#pragma once

#include <string>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/transport/reconnecting_connection.h"

namespace mailroom::distributed {

/// The queue of a routed document: review for destination "review", else its jobcenter's
/// Postkorb queue.
[[nodiscard]] std::string QueueOf(const Topology& topology, const mailroom::v1::RoutedDocument& routed);

/// Publishes `routed` (persistent, mandatory) to QueueOf() under `message_id`, with the box id as
/// a header, and waits for the broker's confirm. Returns the queue. Fails, naming the document and
/// the queue, on a nack, an unroutable message (no such queue) or a lost connection: then it may or
/// may not be stored, and the caller sends it again under the same id for the receiver to recognise.
[[nodiscard]] Result<std::string> PublishRoutedDocument(transport::ReconnectingConnection& connection,
                                                        const Topology& topology,
                                                        const mailroom::v1::RoutedDocument& routed,
                                                        const std::string& message_id);

}  // namespace mailroom::distributed
