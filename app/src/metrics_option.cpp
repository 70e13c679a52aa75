#include "mailroom/app/metrics_option.h"

#include <chrono>
#include <cstdio>

#include "mailroom/common/atomic_file.h"
#include "mailroom/common/event_log.h"
#include "mailroom/metrics/registry.h"

namespace mailroom::app {

void AddMetricsOptions(CLI::App* command, MetricsSetting& setting, bool with_file) {
  command
      ->add_option("--metrics-port", setting.port,
                   "serve Prometheus metrics at http://HOST:PORT/metrics while running (0: any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--metrics-bind", setting.bind, "address to serve the metrics on")->capture_default_str();
  if (with_file) {
    command->add_option("--metrics-file", setting.file,
                        "write the run's metrics here when done (for node_exporter's textfile collector)");
  }
}

Result<void> WriteMetricsFile(const MetricsSetting& setting) {
  if (setting.file.empty()) return {};
  auto written = WriteFileAtomically(setting.file, metrics::Registry::Default().Exposition());
  if (!written) return tl::unexpected(written.error().Prefixed("metrics file"));
  return {};
}

Result<std::unique_ptr<metrics::HttpEndpoint>> ServeMetrics(const MetricsSetting& setting, const std::string& role) {
  auto& registry = metrics::Registry::Default();
  registry.Set("mailroom_build_info", {MAILROOM_VERSION, role}, 1);
  const auto started = std::chrono::system_clock::now().time_since_epoch();
  registry.Set("process_start_time_seconds", {}, std::chrono::duration<double>(started).count());
  if (setting.port < 0) return std::unique_ptr<metrics::HttpEndpoint>{};
  auto endpoint = metrics::HttpEndpoint::Start(setting.bind, setting.port, {metrics::MetricsRoute(registry)});
  if (!endpoint) return tl::unexpected(endpoint.error().Prefixed("metrics"));
  eventlog::Log(eventlog::Level::kInfo, "metrics.serving", {.more = {{"role", role}}},
                "metrics at http://" + setting.bind + ":" + std::to_string((*endpoint)->port()) + "/metrics");
  return endpoint;
}

}  // namespace mailroom::app
