// Logging in to the web pages and the sessions that follow, kept in the ledger (not in a desk
// process's memory) so that several desk processes and hosts share them and a restart keeps
// clerks logged in.
//
// A session is a random token (32 bytes from libsodium, hex) that only the browser holds, in its
// cookie: the ledger keeps a BLAKE2b hash of it, so the file (or a backup of it) logs nobody in.
// It ends after kSessionIdle without a request or kSessionLifetime after the login (one shift),
// whichever comes first, and at once when its user is disabled or their password changed.
// Failed logins are throttled per login: after kMaxLoginFailures within kLoginFailureWindow the
// login is refused, even with the right password, until the window has passed.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

inline constexpr std::chrono::minutes kSessionIdle{30};
inline constexpr std::chrono::hours kSessionLifetime{10};
inline constexpr int kMaxLoginFailures = 5;
inline constexpr std::chrono::minutes kLoginFailureWindow{15};

/// A live session, as a request sees it. The grants are read at each lookup, so a revoke
/// counts at once.
struct SessionInfo {
  std::string login;
  std::string csrf_token;  ///< to be sent back with every state-changing request
  std::vector<std::string> jobcenters;
  bool all_jobcenters = false;
  Timestamp created_at, expires_at, last_seen;
};

/// The outcome of a login: a session and its token, or the reason it was refused.
struct LoginResult {
  std::optional<SessionInfo> session;
  std::string token;       ///< the cookie's value; given out once, never stored
  std::string refusal;     ///< for the login page: "wrong login or password", or the throttling
  bool throttled = false;  ///< refused for too many failed logins, the password not even checked
};

/// The sessions of one ledger. Borrows `ledger`; not thread-safe (as Ledger).
class Sessions {
 public:
  explicit Sessions(Ledger& ledger);

  /// Checks `password` for `login` and opens a session at `now`. A wrong password, an unknown
  /// or disabled login all give the same refusal (nobody learns which logins exist); each is
  /// counted for the throttling, and an audit row is written for a login that exists (never
  /// the password, and never an unknown login: it may be a password typed into the wrong field).
  /// Takes the time of one argon2id hash; the ledger is not locked meanwhile.
  [[nodiscard]] Result<LoginResult> LogIn(std::string_view login, std::string_view password, Timestamp now);

  /// The session of `token` at `now`, or none when there is none or it has ended (an ended
  /// session is removed). Records `now` as the session's last request.
  [[nodiscard]] Result<std::optional<SessionInfo>> Find(std::string_view token, Timestamp now);

  /// Ends the session of `token` (nothing when there is none).
  [[nodiscard]] Result<void> LogOut(std::string_view token, Timestamp now);

 private:
  Db* db_;
};

}  // namespace mailroom::ledger
