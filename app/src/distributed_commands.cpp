#include "mailroom/app/distributed_commands.h"

#include <fmt/format.h>

#include "mailroom/classifier/registry.h"
#include "mailroom/distributed/ingest.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/ingest/box.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::app {

tl::expected<std::string, ProcessError> SetUpTopology(const TopologyCommandOptions& options) {
  auto registry = classifier::LoadRegistry(options.registry_dir);
  if (!registry) return tl::unexpected(ProcessError{FailureKind::kBadInput, registry.error().message});
  auto connection = transport::Connection::Open({.url = options.broker_url});
  if (!connection) return tl::unexpected(ProcessError{FailureKind::kRunFailed, connection.error().message});
  auto queues = distributed::DeclareTopology(*connection, *registry, {.prefix = options.prefix});
  if (!queues) return tl::unexpected(ProcessError{FailureKind::kRunFailed, queues.error().message});
  std::string text = fmt::format("topology '{}' on {}: {} work queues, each with a dead-letter queue\n", options.prefix,
                                 connection->Broker(), queues->size());
  for (const auto& queue : *queues) text += "  " + queue + "\n";
  return text;
}

tl::expected<std::string, ProcessError> IngestBoxCommand(const IngestCommandOptions& options) {
  // The box is checked before anything is stored or sent.
  if (auto info = ingest::ReadBoxInfo(options.box_dir); !info) {
    return tl::unexpected(ProcessError{FailureKind::kBadInput, info.error().message});
  }
  if (auto pages = ingest::ListPages(options.box_dir); !pages) {
    return tl::unexpected(ProcessError{FailureKind::kBadInput, pages.error().message});
  }
  auto store = store::ContentStore::Open(options.store_dir);
  if (!store) return tl::unexpected(ProcessError{FailureKind::kRunFailed, store.error().message});
  auto connection = transport::Connection::Open({.url = options.broker_url});
  if (!connection) return tl::unexpected(ProcessError{FailureKind::kRunFailed, connection.error().message});
  const distributed::Topology topology(options.prefix);
  auto done = distributed::IngestBox(options.box_dir, *store, *connection, topology);
  if (!done) return tl::unexpected(ProcessError{FailureKind::kRunFailed, done.error().message});
  return fmt::format("box {}: {} pages stored in {} and published to {} on {}\n", done->box_id, done->pages,
                     options.store_dir.string(), topology.Pages(), connection->Broker());
}

}  // namespace mailroom::app
