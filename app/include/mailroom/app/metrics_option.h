// `--metrics-port PORT` (or MAILROOM_METRICS_PORT) on the long-running commands: while the command
// runs, GET http://HOST:PORT/metrics answers its Prometheus metrics (metrics/catalogue.h).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "mailroom/common/result.h"
#include "mailroom/metrics/http_endpoint.h"

namespace mailroom::app {

struct MetricsSetting {
  int port = -1;  ///< -1: no metrics served; 0: a free port (said on stderr)
  std::string bind = "0.0.0.0";
  /// For a command that ends (process, scan): the metrics written here when it ends, for
  /// node_exporter's textfile collector (Prometheus cannot scrape a process that is gone).
  std::filesystem::path file;
};

/// Adds --metrics-port and --metrics-bind to `command`, and with `with_file` --metrics-file.
void AddMetricsOptions(CLI::App* command, MetricsSetting& setting, bool with_file = false);

/// Writes the metrics to `setting.file` (atomically, 0600) when one was given.
[[nodiscard]] Result<void> WriteMetricsFile(const MetricsSetting& setting);

/// Starts serving when a port was given (nothing otherwise), and sets mailroom_build_info and
/// process_start_time_seconds for `role`. Keep the result alive while the command runs.
[[nodiscard]] Result<std::unique_ptr<metrics::HttpEndpoint>> ServeMetrics(const MetricsSetting& setting,
                                                                          const std::string& role);

}  // namespace mailroom::app
