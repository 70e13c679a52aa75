// The exchanges and queues of the distributed mode, named in one place. Work moves between stages
// through one direct exchange, one quorum queue per step; a message that fails too often (a poison
// page) is dead-lettered into "<queue>.dead" with the error attached, and the rest of the box
// goes on. Each jobcenter has its own Postkorb queue.
//
//   ingest --pages--> ocr workers --readings--> classifier --documents--> router
//   ingest --boxes--> classifier                 router --postkorb.<jobcenter>--> jobcenter
//                                                router --review--> review desk
#pragma once

#include <string>
#include <vector>

#include "mailroom/classifier/registry.h"
#include "mailroom/common/result.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::distributed {

/// The header that carries the reason of a dead-lettered message (a reject cannot carry one).
inline constexpr const char* kErrorHeader = "x-mailroom-error";

struct TopologyOptions {
  /// Prefix of every exchange and queue name; a second installation on the same broker (or a
  /// test) uses another one.
  std::string prefix = "mailroom";
  /// A message delivered this often without being acked is poison: it goes to its dead-letter
  /// queue instead of blocking the stage forever.
  int delivery_limit = 5;
};

/// The names for one prefix.
class Topology {
 public:
  explicit Topology(std::string prefix = "mailroom") : prefix_(std::move(prefix)) {}

  [[nodiscard]] std::string Exchange() const { return prefix_; }
  [[nodiscard]] std::string DeadExchange() const { return prefix_ + ".dead"; }
  [[nodiscard]] std::string Pages() const { return prefix_ + ".pages"; }
  [[nodiscard]] std::string Boxes() const { return prefix_ + ".boxes"; }
  [[nodiscard]] std::string Readings() const { return prefix_ + ".readings"; }
  [[nodiscard]] std::string Documents() const { return prefix_ + ".documents"; }
  [[nodiscard]] std::string Review() const { return prefix_ + ".review"; }
  [[nodiscard]] std::string Postkorb(const std::string& jobcenter_id) const {
    return prefix_ + ".postkorb." + jobcenter_id;
  }
  /// The broker user of a jobcenter: it may read its own Postkorb queue and nothing else.
  [[nodiscard]] std::string JobcenterUser(const std::string& jobcenter_id) const {
    return prefix_ + "-" + jobcenter_id;
  }
  /// Where the poison messages of `queue` end up.
  [[nodiscard]] static std::string Dead(const std::string& queue) { return queue + ".dead"; }

  /// Every work queue: the stage queues, review, and one Postkorb queue per registered jobcenter.
  [[nodiscard]] std::vector<std::string> WorkQueues(const classifier::Registry& registry) const;

 private:
  std::string prefix_;
};

/// Declares the exchanges, the work queues (quorum, bound to the exchange under their own name,
/// dead-lettering to the dead exchange) and their dead-letter queues. Declaring again is a no-op,
/// so every worker may call it at start-up. Returns the work queues declared.
[[nodiscard]] Result<std::vector<std::string>> DeclareTopology(transport::Connection& connection,
                                                               const classifier::Registry& registry,
                                                               const TopologyOptions& options = {});

}  // namespace mailroom::distributed
