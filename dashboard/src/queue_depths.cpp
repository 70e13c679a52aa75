#include "queue_depths.h"

#include "mailroom/distributed/topology.h"

namespace mailroom::dashboard {

std::vector<std::string> PipelineQueues(const std::string& prefix, const classifier::Registry* registry) {
  const distributed::Topology topology(prefix);
  const std::vector<std::string> work =
      registry != nullptr ? topology.WorkQueues(*registry)
                          : std::vector<std::string>{topology.Pages(), topology.Boxes(), topology.Readings(),
                                                     topology.Documents(), topology.Review()};
  std::vector<std::string> queues;
  for (const auto& queue : work) {
    queues.push_back(queue);
    queues.push_back(distributed::Topology::Dead(queue));
  }
  return queues;
}

Result<std::vector<QueueDepth>> ReadQueueDepths(transport::Connection& connection,
                                                const std::vector<std::string>& queues) {
  std::vector<QueueDepth> depths;
  for (const auto& queue : queues) {
    auto status = connection.InspectQueue(queue);
    if (!status) {
      return tl::unexpected(status.error().Prefixed("queue " + queue + " (is the topology set up?)"));
    }
    depths.push_back({queue, status->messages, status->consumers});
  }
  return depths;
}

}  // namespace mailroom::dashboard
