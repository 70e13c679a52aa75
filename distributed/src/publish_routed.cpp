#include "publish_routed.h"

namespace mailroom::distributed {

std::string QueueOf(const Topology& topology, const mailroom::v1::RoutedDocument& routed) {
  return routed.destination() == "review" ? topology.Review()
                                          : topology.Postkorb(routed.document().jobcenter_id().string_value());
}

Result<std::string> PublishRoutedDocument(transport::ReconnectingConnection& connection, const Topology& topology,
                                          const mailroom::v1::RoutedDocument& routed, const std::string& message_id) {
  const std::string queue = QueueOf(topology, routed);
  transport::Message message;
  routed.SerializeToString(&message.body);
  message.message_id = message_id;
  message.headers = {{"box_id", routed.document().box_id()}};
  if (auto sent = connection.Publish(topology.Exchange(), queue, message); !sent) {
    return tl::unexpected(sent.error().Prefixed("document " + routed.document().document_id() + " to " + queue));
  }
  return queue;
}

}  // namespace mailroom::distributed
