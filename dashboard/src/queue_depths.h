// The depths of the pipeline's queues, asked of the broker with passive declares.
#pragma once

#include <string>
#include <vector>

#include "mailroom/classifier/registry.h"
#include "mailroom/common/result.h"
#include "mailroom/dashboard/overview.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::dashboard {

/// The work queues of `prefix` (with a registry also its jobcenters' Postkorb queues), each
/// followed by its dead-letter queue.
[[nodiscard]] std::vector<std::string> PipelineQueues(const std::string& prefix, const classifier::Registry* registry);

/// Each queue's depth; a queue that does not exist fails naming it (the topology is not set up).
[[nodiscard]] Result<std::vector<QueueDepth>> ReadQueueDepths(transport::Connection& connection,
                                                              const std::vector<std::string>& queues);

}  // namespace mailroom::dashboard
