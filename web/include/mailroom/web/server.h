// The HTTP server of mailroom's web pages (the review desk, the operations dashboard): routes of
// the caller behind a login. cpp-httplib underneath, seen nowhere else.
//
// Built in, reserved paths:
//   GET  /login        the login form (HTML from the binary, no downloads); ?next=/local/path
//   GET  /login.css    its style sheet
//   POST /login        form fields login, password, next, csrf: sets the session cookie
//                      (HttpOnly, SameSite=Strict, Path=/) and answers 303 to next, a local path
//                      only ("/" otherwise); wrong login or password: 401 with the form again,
//                      too many failures: 429
//   POST /logout       ends the session (needs its CSRF token), 303 to /login
//   GET  /api/session  {"login", "csrf_token", "jobcenters": [...], "all_jobcenters"}
//
// Every route not marked public needs a session: without one, a GET of a page (a path not under
// /api/, or Accept: text/html) is answered 303 to /login?next=PATH, anything else 401
// {"error": "..."}. Every request of another method than GET/HEAD (public routes included) must
// carry the session's CSRF token in the header X-CSRF-Token or the form field `csrf`, else 403
// {"error": "..."}. The login form itself is protected by a token of its own, set as a cookie
// when the form is served and sent back in the form (double submit: another site can neither
// read nor set it), so nobody can be logged in to somebody else's account unawares.
//
// Every response has X-Content-Type-Options: nosniff, X-Frame-Options: DENY, Referrer-Policy:
// same-origin, a Content-Security-Policy that allows only this origin (no inline script or
// style) and Cache-Control: no-store (pages show personal data; a shared desk computer's cache
// must not keep them). A handler that throws is answered 500 with a generic message, and logged
// by route, never with the request's data. Bodies over ServerOptions::max_body_bytes get 413.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mailroom/common/result.h"

namespace mailroom::web {

/// Who is logged in, as a handler sees it. The grants are the ledger's at this request.
struct Session {
  std::string login;
  std::string csrf_token;
  std::vector<std::string> jobcenters;  ///< the jobcenter ids granted
  bool all_jobcenters = false;          ///< granted every jobcenter ("*")
};

struct Request {
  std::string method;  ///< "GET", "POST", ...
  std::string path;    ///< without the query string
  /// The regex groups of the route's pattern, the first group first (the whole match left out).
  std::vector<std::string> matches;
  /// The query string's and an urlencoded form body's fields (the first value of each name).
  std::map<std::string, std::string> params;
  std::string body;  ///< the raw body (JSON posts)
  /// The session; always set on a route that is not public, set on a public one when the
  /// request carries a live session.
  std::optional<Session> session;
  /// The header `name` (any case), or "".
  [[nodiscard]] std::string Header(const std::string& name) const;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< added to (or replacing) the defaults
};

/// {"error": message} with `status`: how a handler refuses.
[[nodiscard]] Response JsonError(int status, const std::string& message);

using Handler = std::function<Response(const Request&)>;

struct Route {
  std::string method;      ///< GET, POST, PUT, PATCH or DELETE
  std::string pattern;     ///< a regex over the whole path, as httplib takes it: R"(/api/review/([^/]+))"
  Handler handler;         ///< called on httplib's worker threads, several at once: must be thread-safe
  bool is_public = false;  ///< served without a session (e.g. /metrics for Prometheus)
};

/// Now, for the session times; tests pass a clock of their own.
using Clock = std::function<std::chrono::sys_seconds()>;

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 0;                          ///< 0: a free port (see Server::port)
  std::filesystem::path ledger_file;     ///< the users and sessions; must exist
  std::string title;                     ///< shown on the login page, e.g. "mailroom review desk"
  std::size_t max_body_bytes = 1 << 20;  ///< larger request bodies are refused with 413
  /// Marks the session cookie Secure: set when the pages are served through an HTTPS proxy
  /// (browsers then never send the cookie in the clear).
  bool secure_cookie = false;
  Clock clock;  ///< empty: the system clock
};

class Server {
 public:
  /// Opens the ledger (refused when `options.ledger_file` does not exist: a mistyped path must
  /// not make an empty ledger without users), listens on bind:port and serves the built-in
  /// routes and `routes` on a thread of its own until destroyed. Fails naming the address when
  /// it cannot listen, the route when a pattern or method is not one it can serve.
  [[nodiscard]] static Result<std::unique_ptr<Server>> Start(const ServerOptions& options, std::vector<Route> routes);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The port it listens on (the chosen one, with port 0).
  [[nodiscard]] int port() const;

  struct State;  ///< opaque: the implementation's

 private:
  explicit Server(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

/// Allowed to work mail of this jobcenter? True for a grant of `jobcenter_id` or of all.
[[nodiscard]] bool MayWork(const Session& session, const std::string& jobcenter_id);

}  // namespace mailroom::web
