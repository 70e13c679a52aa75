// The people who may use the web pages (the review desk, the dashboard): their logins, password
// hashes and jobcenter grants, kept in the ledger so that every desk process and host sees the
// same users, and every change has an audit row (box id empty: a setting, not a box).
//
// A login is an operator id ("op-17", "k.berg"): lower case letters, digits, '.', '_' and '-',
// at most 64. Passwords are stored only as libsodium argon2id hashes (crypto_pwhash_str,
// OPSLIMIT/MEMLIMIT_INTERACTIVE: about 64 MiB and a tenth of a second per hash, the cost
// libsodium recommends for interactive logins). Users are never deleted, only disabled: the
// audit trail and the review decisions name them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

/// Shorter passwords are refused.
inline constexpr std::size_t kMinPasswordLength = 12;
/// The grant of every jobcenter (a team lead, the dashboard's operators).
inline constexpr std::string_view kAllJobcenters = "*";

struct User {
  std::string login;
  Timestamp created_at;
  bool disabled = false;
  std::vector<std::string> jobcenters;  ///< granted jobcenter ids, sorted; without "*"
  bool all_jobcenters = false;          ///< granted "*"
};

/// The users of one ledger. Borrows `ledger`, which must outlive it; not thread-safe (as Ledger).
class Users {
 public:
  explicit Users(Ledger& ledger);

  /// Adds a user with `password` (at least kMinPasswordLength characters) and `jobcenters`
  /// (ids, or kAllJobcenters). Refuses a login taken already, a malformed login or jobcenter id.
  [[nodiscard]] Result<void> Add(std::string_view login, std::string_view password,
                                 const std::vector<std::string>& jobcenters, const Stamp& stamp);
  /// Grants one jobcenter (or kAllJobcenters); granting it again changes nothing.
  [[nodiscard]] Result<void> Grant(std::string_view login, std::string_view jobcenter, const Stamp& stamp);
  /// Takes a grant away; refused when the user does not have it.
  [[nodiscard]] Result<void> Revoke(std::string_view login, std::string_view jobcenter, const Stamp& stamp);
  /// Disables the user and ends their sessions at once. Disabling twice is refused.
  [[nodiscard]] Result<void> Disable(std::string_view login, const Stamp& stamp);
  /// Sets a new password (same rules as Add) and ends the user's sessions, so a password that
  /// leaked stops working everywhere.
  [[nodiscard]] Result<void> SetPassword(std::string_view login, std::string_view password, const Stamp& stamp);

  /// All users, by login. No hashes.
  [[nodiscard]] Result<std::vector<User>> List();
  /// One user, or none.
  [[nodiscard]] Result<std::optional<User>> Find(std::string_view login);

 private:
  Db* db_;
};

/// Why `login` cannot be a login (empty: it can).
[[nodiscard]] std::string LoginProblem(std::string_view login);
/// Why `password` cannot be a password (empty: it can).
[[nodiscard]] std::string PasswordProblem(std::string_view password);

}  // namespace mailroom::ledger
