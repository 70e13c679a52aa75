// The ledger settings the deploy files carry: a libpq URL (postgresql://user[:password]@host[:port]/db)
// and the lines of a libpq password file (.pgpass) that go with it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mailroom::testing {

struct LedgerUrl {
  std::string user;
  std::optional<std::string> password;  ///< only when the URL carries one (user:password@)
  std::string host;
  std::string port = "5432";  ///< libpq's default when the URL names none
  std::string database;
};

/// Parses a "postgresql://" or "postgres://" URL with a user, a host and a database (query
/// parameters after `?` are ignored); nullopt for anything else, a SQLite file's path included.
std::optional<LedgerUrl> ParseLedgerUrl(std::string_view url);

/// The password of the first line of a libpq password file (hostname:port:database:username:
/// password, `*` matching anything, `#` lines comments) that matches `url`; nullopt when none does.
std::optional<std::string> PgpassPassword(std::string_view file_text, const LedgerUrl& url);

/// True when `args` (a mailroom command line without the program name) runs a role that opens the
/// box ledger: worker classify or route (or a unit's `worker %i`), dashboard, ingest, station.
bool NeedsLedger(const std::vector<std::string>& args);

}  // namespace mailroom::testing
