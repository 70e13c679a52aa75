// What a running web::Server holds, shared by the request pipeline (server.cpp) and the built-in
// login routes (login_routes.cpp).
#pragma once

#include <httplib.h>

#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <thread>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/sessions.h"
#include "mailroom/web/server.h"

namespace mailroom::web {

inline constexpr const char* kSessionCookie = "mailroom_session";
inline constexpr const char* kLoginFormCookie = "mailroom_login";
// Each argon2id check holds 64 MiB for a tenth of a second: a burst of logins must not take the
// machine's memory, so at most this many run at once and the others wait their turn.
inline constexpr std::ptrdiff_t kConcurrentLogins = 2;

struct Server::State {
  ServerOptions options;
  httplib::Server http;
  std::thread thread;
  int port = 0;
  // One connection for the session lookups of every request (Ledger is not thread-safe); a login,
  // slow by design, opens one of its own so that it holds up nobody else.
  std::mutex ledger_mutex;
  std::optional<ledger::Ledger> ledger;
  std::counting_semaphore<kConcurrentLogins> logins{kConcurrentLogins};

  [[nodiscard]] std::chrono::sys_seconds Now() const;
  /// The live session of the request's cookie, or none.
  [[nodiscard]] Result<std::optional<Session>> SessionOf(const httplib::Request& request);
};

/// The built-in routes that need no session machinery of their own: GET /login, /login.css and
/// GET /api/session.
[[nodiscard]] std::vector<Route> LoginPageRoutes(Server::State& state);
/// POST /login and POST /logout, registered on `state.http` directly: they set cookies and
/// follow CSRF rules of their own.
void AddLoginPosts(Server::State& state);

/// How a request without a session is turned away (303 to the login page, or 401).
void RefuseWithoutSession(const httplib::Request& request, httplib::Response& response);
/// Writes `from` into httplib's response.
void WriteResponse(const Response& from, httplib::Response& to);
/// 500 with a generic message; `what` (an id-only description) goes to the event log.
void ServerError(httplib::Response& response, std::string_view event, std::string_view what);

}  // namespace mailroom::web
