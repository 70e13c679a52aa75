// `mailroom dashboard`: the operations page, served by mailroom itself behind the login of the web
// pages (web/server.h: users of the ledger, `mailroom user add`). GET / is the page
// (dashboard/web/, built into the binary), /api/overview its figures (overview.h), POST
// /api/stations/ID/resume the Resume button of a paused scan station (the request `mailroom
// station resume` writes, by the logged-in user; 409 when it is not paused), /metrics (no
// login: Prometheus scrapes it) the Prometheus metrics of this process including the gauges read
// from the ledger and the broker (boxes by state, backlog per jobcenter, destruction due, queue
// depths): one dashboard per scan center exports those, so that they are not counted once per
// worker. Any user of the ledger may see the page: it shows counts and jobcenter ids only.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/dashboard/overview.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::dashboard {

struct DashboardOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  ///< 0: a free port (see Dashboard::port)
  std::filesystem::path ledger_file;
  /// The broker whose queues to show; none: the page says "no broker configured".
  std::optional<transport::ConnectOptions> broker;
  std::string prefix = "mailroom";
  /// With a broker: the registry whose jobcenters' Postkorb queues to show as well (optional).
  std::filesystem::path registry_dir;
  int hours = 8;  ///< the throughput window
  /// The session cookie only over HTTPS: set when the page is served through a TLS proxy.
  bool secure_cookie = false;
};

class Dashboard {
 public:
  /// Checks the ledger exists (a dashboard must not create an empty one at a mistyped path),
  /// registers the ledger and queue gauges with the process's metrics and starts serving.
  [[nodiscard]] static Result<std::unique_ptr<Dashboard>> Start(const DashboardOptions& options);
  ~Dashboard();

  [[nodiscard]] int port() const;

  /// The figures as of now: what /api/overview answers.
  [[nodiscard]] Result<Overview> Snapshot();

 private:
  struct State;
  explicit Dashboard(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace mailroom::dashboard
