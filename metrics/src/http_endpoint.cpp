#include "mailroom/metrics/http_endpoint.h"

#include <httplib.h>

#include <chrono>
#include <thread>

namespace mailroom::metrics {

struct HttpEndpoint::State {
  httplib::Server server;
  std::thread thread;
  int port = 0;
};

Route MetricsRoute(Registry& registry) {
  return Route{"/metrics", "text/plain; version=0.0.4; charset=utf-8",
               [&registry]() -> Result<std::string> { return registry.Exposition(); }};
}

Result<std::unique_ptr<HttpEndpoint>> HttpEndpoint::Start(const std::string& bind, int port,
                                                          std::vector<Route> routes) {
  auto state = std::make_unique<State>();
  // httplib's default adds SO_REUSEPORT, with which a second process would share the port and
  // Prometheus would scrape one or the other at random. SO_REUSEADDR alone still lets a restarted
  // process listen again at once.
  state->server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  for (auto& route : routes) {
    state->server.Get(route.path, [route](const httplib::Request&, httplib::Response& response) {
      Result<std::string> body;
      try {
        body = route.body();
      } catch (const std::exception& e) {
        body = Fail(e.what());
      }
      if (!body) {
        response.status = 500;
        response.set_content(body.error().message + "\n", "text/plain; charset=utf-8");
        return;
      }
      // Live figures: a browser or proxy must not show an old copy.
      response.set_header("Cache-Control", "no-store");
      response.set_content(std::move(*body), route.content_type);
    });
  }
  const int bound = port == 0                                ? state->server.bind_to_any_port(bind)
                    : state->server.bind_to_port(bind, port) ? port
                                                             : -1;
  if (bound <= 0) {
    return Fail("cannot listen on " + bind + ":" + std::to_string(port) +
                " (in use, or not an address of this machine)");
  }
  state->port = bound;
  State* raw = state.get();
  state->thread = std::thread([raw] { raw->server.listen_after_bind(); });
  // httplib's stop() does nothing before the listening loop runs, so a quick Start and destroy
  // would join for ever: return only once it runs.
  while (!state->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return std::unique_ptr<HttpEndpoint>(new HttpEndpoint(std::move(state)));
}

HttpEndpoint::HttpEndpoint(std::unique_ptr<State> state) : state_(std::move(state)) {}

HttpEndpoint::~HttpEndpoint() {
  state_->server.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

int HttpEndpoint::port() const {
  return state_->port;
}

}  // namespace mailroom::metrics
