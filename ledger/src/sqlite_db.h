// The SQLite backend of the ledger's database (db.h): one file, WAL, BEGIN IMMEDIATE as the write
// lock. The only file that calls sqlite3_close/sqlite3_finalize.
#pragma once

#include <filesystem>
#include <memory>

#include "db.h"

namespace mailroom::ledger {

/// Opens (creating it, mode 0600) the ledger file at `path`: WAL journal, foreign keys, FULL sync.
[[nodiscard]] Result<std::unique_ptr<Db>> OpenSqlite(const std::filesystem::path& path);

}  // namespace mailroom::ledger
