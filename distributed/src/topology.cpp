#include "mailroom/distributed/topology.h"

namespace mailroom::distributed {

std::vector<std::string> Topology::WorkQueues(const classifier::Registry& registry) const {
  std::vector<std::string> queues = {Pages(), Boxes(), Readings(), Documents(), Review()};
  for (const auto& [id, jobcenter] : registry.jobcenters) queues.push_back(Postkorb(id));
  return queues;
}

Result<std::vector<std::string>> DeclareTopology(transport::Connection& connection,
                                                 const classifier::Registry& registry, const TopologyOptions& options) {
  const Topology names(options.prefix);
  if (auto made = connection.DeclareExchange(names.Exchange()); !made) return tl::unexpected(made.error());
  if (auto made = connection.DeclareExchange(names.DeadExchange()); !made) return tl::unexpected(made.error());
  const auto queues = names.WorkQueues(registry);
  for (const auto& queue : queues) {
    // The dead-letter queue first: a work queue must never dead-letter into nowhere.
    const std::string dead = Topology::Dead(queue);
    if (auto made = connection.DeclareQueue(dead); !made) return tl::unexpected(made.error());
    if (auto bound = connection.Bind(dead, names.DeadExchange(), queue); !bound) return tl::unexpected(bound.error());

    transport::QueueOptions work;
    work.dead_letter_exchange = names.DeadExchange();
    work.dead_letter_routing_key = queue;
    work.delivery_limit = options.delivery_limit;
    if (auto made = connection.DeclareQueue(queue, work); !made) return tl::unexpected(made.error());
    if (auto bound = connection.Bind(queue, names.Exchange(), queue); !bound) return tl::unexpected(bound.error());
  }
  return queues;
}

}  // namespace mailroom::distributed
