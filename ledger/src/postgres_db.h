// The PostgreSQL backend of the ledger's database (db.h), through libpq: for a scan center whose
// hosts share one ledger. The only file that calls PQfinish/PQclear.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "db.h"

namespace mailroom::ledger {

/// True for "postgresql://..." and "postgres://...": a ledger on a server, not a file.
[[nodiscard]] bool IsPostgresUrl(std::string_view location);

/// The URL with its password (if any) replaced by "***", for messages.
[[nodiscard]] std::string RedactedUrl(std::string_view url);

/// Connects to the server at `url` (libpq's connection URL).
[[nodiscard]] Result<std::unique_ptr<Db>> OpenPostgres(const std::string& url);

/// `sql` with SQLite's placeholders `?` (numbered in order) and `?N` as PostgreSQL's `$N`;
/// question marks inside quotes stay.
[[nodiscard]] std::string PostgresPlaceholders(std::string_view sql);

}  // namespace mailroom::ledger
