// A small read-only HTTP server, run in a thread of its own: /metrics for Prometheus and the
// operations dashboard's page and JSON. GET only; anything else is 404 or 405.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/metrics/registry.h"

namespace mailroom::metrics {

struct Route {
  std::string path;          ///< exact, e.g. "/metrics"
  std::string content_type;  ///< e.g. "text/plain; version=0.0.4; charset=utf-8"
  /// The body, made for each request; an error is answered 500 with its message.
  std::function<Result<std::string>()> body;
};

/// GET /metrics: the exposition of `registry`.
[[nodiscard]] Route MetricsRoute(Registry& registry = Registry::Default());

class HttpEndpoint {
 public:
  /// Listens on `bind`:`port` (port 0: a free one) and serves `routes` until destroyed. Fails
  /// naming the address when it cannot listen there (in use, not an address of this machine).
  [[nodiscard]] static Result<std::unique_ptr<HttpEndpoint>> Start(const std::string& bind, int port,
                                                                   std::vector<Route> routes);
  ~HttpEndpoint();
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  /// The port it listens on (the chosen one, with port 0).
  [[nodiscard]] int port() const;

 private:
  struct State;
  explicit HttpEndpoint(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace mailroom::metrics
