// The ledger's tables on PostgreSQL: the SQLite file's migration steps (schema.cpp), translated,
// so both backends have the same tables, views and append-only rules version for version, written
// once: identity columns for SQLite's AUTOINCREMENT, a plpgsql trigger function for RAISE(ABORT),
// and a schema_version table for PRAGMA user_version. Times stay ISO 8601 text, so both backends
// answer the same.
#include <regex>
#include <string>

#include "db.h"
#include "schema.h"

namespace mailroom::ledger {
namespace {

// The first step's additions on PostgreSQL: the function every append-only trigger calls, with the
// refusal as its argument, and TRUNCATE (which SQLite has not) refused where rows are never deleted.
constexpr const char* kRefuseFunction = R"sql(
CREATE FUNCTION ledger_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;
)sql";
constexpr const char* kNoTruncate = R"sql(
CREATE TRIGGER audit_is_never_truncated BEFORE TRUNCATE ON audit FOR EACH STATEMENT
  EXECUTE FUNCTION ledger_refuse('the audit trail is append-only: rows cannot be deleted');
CREATE TRIGGER boxes_are_never_truncated BEFORE TRUNCATE ON boxes FOR EACH STATEMENT
  EXECUTE FUNCTION ledger_refuse('boxes are never deleted from the ledger');
CREATE TRIGGER pages_are_never_truncated BEFORE TRUNCATE ON pages FOR EACH STATEMENT
  EXECUTE FUNCTION ledger_refuse('pages are never deleted from the ledger');
)sql";

// The version of the ledger in the connection's schema; creates the version table in an empty one.
Result<int> SchemaVersion(Db* db) {
  auto known = Statement::Prepare(db, "SELECT to_regclass('schema_version') IS NOT NULL");
  if (!known) return tl::unexpected(known.error());
  if (auto row = known->Step(); !row) return tl::unexpected(row.error());
  if (known->Int(0) == 0) {
    auto tables =
        Statement::Prepare(db, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
    if (!tables) return tl::unexpected(tables.error());
    if (auto row = tables->Step(); !row) return tl::unexpected(row.error());
    if (tables->Int(0) != 0) return Fail("not a mailroom ledger (tables present, no schema_version)");
    if (auto made = Exec(db, "CREATE TABLE schema_version(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        !made) {
      return tl::unexpected(made.error());
    }
    return 0;
  }
  auto version = Statement::Prepare(db, "SELECT coalesce(max(version), 0) FROM schema_version");
  if (!version) return tl::unexpected(version.error());
  if (auto row = version->Step(); !row) return tl::unexpected(row.error());
  return static_cast<int>(version->Int(0));
}

}  // namespace

std::string PostgresMigration(int step, std::string_view sqlite_sql) {
  static const std::regex kAutoincrement("INTEGER PRIMARY KEY AUTOINCREMENT");
  static const std::regex kPragma(R"(PRAGMA user_version = \d+;)");
  // CREATE TRIGGER name BEFORE op ON table [WHEN condition] BEGIN SELECT RAISE(ABORT, 'why'); END;
  static const std::regex kTrigger(
      R"(CREATE TRIGGER (\w+) BEFORE (UPDATE|DELETE) ON (\w+)\s+(WHEN ([\s\S]*?)\s+)?BEGIN SELECT RAISE\(ABORT, ('[^']*')\); END;)");
  std::string sql =
      std::regex_replace(std::string(sqlite_sql), kAutoincrement, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
  sql = std::regex_replace(sql, kPragma, "");
  std::string out;
  auto rest = sql.cbegin();
  for (std::sregex_iterator it(sql.cbegin(), sql.cend(), kTrigger), end; it != end; ++it) {
    const auto& m = *it;
    out.append(rest, m[0].first);
    out += "CREATE TRIGGER " + m[1].str() + " BEFORE " + m[2].str() + " ON " + m[3].str() + " FOR EACH ROW";
    if (m[4].matched) out += " WHEN (" + m[5].str() + ")";
    out += " EXECUTE FUNCTION ledger_refuse(" + m[6].str() + ");";
    rest = m[0].second;
  }
  out.append(rest, sql.cend());
  return step == 0 ? kRefuseFunction + out + kNoTruncate : out;
}

Result<void> EnsurePostgresSchema(Db* db) {
  // One transaction per version, each under the write lock: two hosts starting at once migrate
  // once, and a step is applied whole or not at all.
  for (;;) {
    auto tx = WriteTransaction::Begin(db);
    if (!tx) return tl::unexpected(tx.error());
    auto version = SchemaVersion(db);
    if (!version) return tl::unexpected(version.error());
    if (*version == kSchemaVersion) return tx->Commit();
    if (*version > kSchemaVersion) {
      return Fail("ledger schema version " + std::to_string(*version) + " is newer than this build (" +
                  std::to_string(kSchemaVersion) + ")");
    }
    const std::string step = "ledger schema version " + std::to_string(*version + 1);
    if (auto migrated = Exec(db, PostgresMigration(*version, MigrationStep(*version))); !migrated) {
      return tl::unexpected(migrated.error().Prefixed(step));
    }
    auto record = Statement::Prepare(db,
                                     "INSERT INTO schema_version(version, applied_at) "
                                     "VALUES(?, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))");
    if (!record) return tl::unexpected(record.error());
    record->Bind(1, int64_t{*version + 1});
    if (auto done = record->Run(); !done) return tl::unexpected(done.error().Prefixed(step));
    if (auto committed = tx->Commit(); !committed) return committed;
  }
}

}  // namespace mailroom::ledger
