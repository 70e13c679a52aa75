// The ledger's tables, versioned (SQLite: PRAGMA user_version; PostgreSQL: a schema_version table)
// so a later build can migrate a ledger and an older build refuses a newer one instead of
// misreading it.
#pragma once

#include "db.h"

#include "mailroom/common/result.h"

namespace mailroom::ledger {

inline constexpr int kSchemaVersion = 7;

/// Creates the schema in an empty database, migrates an older one, accepts the current version,
/// refuses anything else. Either backend.
[[nodiscard]] Result<void> EnsureSchema(Db* db);

/// The SQLite text of the migration from version `step` to `step` + 1 (0 <= step < kSchemaVersion).
[[nodiscard]] const char* MigrationStep(int step);

/// `sqlite_sql`, a migration step, in PostgreSQL's dialect: identity columns for AUTOINCREMENT,
/// each RAISE(ABORT) trigger a row trigger calling ledger_refuse (made by the first step, with
/// TRUNCATE refused as well for the tables that are never emptied), no PRAGMA.
[[nodiscard]] std::string PostgresMigration(int step, std::string_view sqlite_sql);

/// The PostgreSQL part of EnsureSchema (postgres_schema.cpp): versions in a schema_version table.
[[nodiscard]] Result<void> EnsurePostgresSchema(Db* db);

}  // namespace mailroom::ledger
