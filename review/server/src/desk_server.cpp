#include "mailroom/review/desk_server.h"

#include "desk_routes.h"

namespace mailroom::review {

struct DeskServer::State {
  explicit State(Desk desk) : context{std::move(desk), {}} {}
  DeskContext context;
  std::unique_ptr<web::Server> server;  // declared last: stopped before the context goes
};

Result<std::unique_ptr<DeskServer>> DeskServer::Start(const DeskServerOptions& options) {
  auto desk = Desk::Open(options.desk);
  if (!desk) return Fail("review desk: " + desk.error().message);
  auto state = std::make_unique<State>(std::move(*desk));
  std::vector<web::Route> routes = PageRoutes();
  for (auto part : {InTrayRoutes(state->context), DocumentRoutes(state->context), ActionRoutes(state->context),
                    CaseSearchRoutes(state->context)}) {
    routes.insert(routes.end(), part.begin(), part.end());
  }
  web::ServerOptions web_options;
  web_options.bind = options.bind;
  web_options.port = options.port;
  web_options.ledger_file = options.desk.ledger_file;
  web_options.title = "mailroom review desk";
  web_options.secure_cookie = options.secure_cookie;
  auto server = web::Server::Start(web_options, std::move(routes));
  if (!server) return Fail("review desk: " + server.error().message);
  state->server = std::move(*server);
  return std::unique_ptr<DeskServer>(new DeskServer(std::move(state)));
}

DeskServer::DeskServer(std::unique_ptr<State> state) : state_(std::move(state)) {}

DeskServer::~DeskServer() {
  state_->server.reset();  // no request may run into a half-destroyed desk
}

int DeskServer::port() const {
  return state_->server->port();
}

}  // namespace mailroom::review
