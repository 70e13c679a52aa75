// The commands of the distributed mode: `mailroom topology` sets up the broker (exchanges, stage
// queues, dead-letter queues, one Postkorb queue per jobcenter of the registry); `mailroom ingest`
// hands a box folder to the broker through the content store.
#pragma once

#include <filesystem>
#include <string>

#include "mailroom/app/process_box.h"

namespace mailroom::app {

struct TopologyCommandOptions {
  std::string broker_url;  ///< amqp://user:pass@host:port/vhost or amqps://...
  std::filesystem::path registry_dir;
  std::string prefix = "mailroom";
};

/// Declares the topology; returns the lines to print (queue names, the broker without its
/// password). A bad registry is kBadInput (nothing declared); a broker that cannot be reached or
/// refuses is kRunFailed.
[[nodiscard]] tl::expected<std::string, ProcessError> SetUpTopology(const TopologyCommandOptions& options);

struct IngestCommandOptions {
  std::filesystem::path box_dir;
  std::string broker_url;
  std::filesystem::path store_dir;  ///< the content store shared with the workers
  std::string prefix = "mailroom";
};

/// Stores the box's pages and publishes its manifest and page messages; returns the line to
/// print. A bad box.json or box folder is kBadInput; a store or broker failure kRunFailed.
[[nodiscard]] tl::expected<std::string, ProcessError> IngestBoxCommand(const IngestCommandOptions& options);

}  // namespace mailroom::app
