// The ledger's tables on PostgreSQL: the same tables, views and append-only rules as the SQLite
// file (schema.cpp), version for version, in PostgreSQL's dialect: identity columns for SQLite's
// AUTOINCREMENT, plpgsql trigger functions for RAISE(ABORT), and a schema_version table for
// PRAGMA user_version. Times stay ISO 8601 text, so both backends answer the same.
#include <array>
#include <string>

#include "db.h"
#include "schema.h"

namespace mailroom::ledger {
namespace {

constexpr const char* kPostgresV1 = R"sql(
CREATE FUNCTION ledger_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

CREATE TABLE boxes(
  box_id           TEXT PRIMARY KEY NOT NULL CHECK(box_id <> ''),
  seal             TEXT NOT NULL,
  origin_jobcenter TEXT NOT NULL CHECK(origin_jobcenter <> ''),
  arrived_at       TEXT NOT NULL,
  registered_by    TEXT NOT NULL,
  state            TEXT NOT NULL CHECK(state IN ('received', 'scanning', 'scanned', 'processing', 'delivered',
                                                 'destruction-due', 'destroyed')),
  pages_captured   INTEGER NOT NULL DEFAULT 0 CHECK(pages_captured >= 0),
  delivered_at     TEXT,
  destroyed_at     TEXT
);

CREATE TABLE pages(
  box_id       TEXT NOT NULL REFERENCES boxes(box_id),
  page_name    TEXT NOT NULL CHECK(page_name <> ''),
  outcome      TEXT NOT NULL CHECK(outcome IN ('delivered', 'accounted')),
  document_id  TEXT,
  jobcenter_id TEXT,
  bg_number    TEXT,
  delivered_at TEXT,
  PRIMARY KEY(box_id, page_name)
);
CREATE INDEX pages_by_bg_number ON pages(bg_number) WHERE bg_number IS NOT NULL;

CREATE TABLE retention(
  origin_jobcenter TEXT PRIMARY KEY NOT NULL,
  days             INTEGER NOT NULL CHECK(days > 0)
);

CREATE TABLE audit(
  seq    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  box_id TEXT REFERENCES boxes(box_id),
  at     TEXT NOT NULL,
  who    TEXT NOT NULL,
  what   TEXT NOT NULL
);
CREATE INDEX audit_by_box ON audit(box_id);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('the audit trail is append-only: rows cannot be changed');
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('the audit trail is append-only: rows cannot be deleted');
CREATE TRIGGER audit_is_never_truncated BEFORE TRUNCATE ON audit FOR EACH STATEMENT
  EXECUTE FUNCTION ledger_refuse('the audit trail is append-only: rows cannot be deleted');
CREATE TRIGGER boxes_are_never_deleted BEFORE DELETE ON boxes FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('boxes are never deleted from the ledger');
CREATE TRIGGER boxes_are_never_truncated BEFORE TRUNCATE ON boxes FOR EACH STATEMENT
  EXECUTE FUNCTION ledger_refuse('boxes are never deleted from the ledger');
CREATE TRIGGER pages_are_never_deleted BEFORE DELETE ON pages FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('pages are never deleted from the ledger');
CREATE TRIGGER pages_are_never_truncated BEFORE TRUNCATE ON pages FOR EACH STATEMENT
  EXECUTE FUNCTION ledger_refuse('pages are never deleted from the ledger');
CREATE TRIGGER pages_are_never_changed BEFORE UPDATE ON pages FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('a recorded page is never changed');
)sql";

constexpr const char* kPostgresV2 = R"sql(
CREATE TABLE review_resolutions(
  box_id       TEXT NOT NULL REFERENCES boxes(box_id),
  document_id  TEXT NOT NULL CHECK(document_id <> ''),
  jobcenter_id TEXT NOT NULL CHECK(jobcenter_id <> '' AND jobcenter_id <> 'review'),
  bg_number    TEXT NOT NULL CHECK(bg_number <> ''),
  resolved_by  TEXT NOT NULL,
  resolved_at  TEXT NOT NULL,
  PRIMARY KEY(box_id, document_id)
);
CREATE TRIGGER review_resolutions_are_never_changed BEFORE UPDATE ON review_resolutions FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('a review decision is never changed');
CREATE TRIGGER review_resolutions_are_never_deleted BEFORE DELETE ON review_resolutions FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('a review decision is never deleted');

CREATE VIEW page_destinations AS
  SELECT p.box_id, p.page_name, p.outcome, p.document_id,
         coalesce(r.jobcenter_id, p.jobcenter_id) AS jobcenter_id,
         coalesce(r.bg_number, p.bg_number) AS bg_number,
         p.delivered_at
  FROM pages p LEFT JOIN review_resolutions r ON r.box_id = p.box_id AND r.document_id = p.document_id;
)sql";

constexpr const char* kPostgresV3 = R"sql(
CREATE TABLE review_page_moves(
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  box_id      TEXT NOT NULL REFERENCES boxes(box_id),
  page_name   TEXT NOT NULL,
  document_id TEXT NOT NULL CHECK(document_id <> ''),
  moved_by    TEXT NOT NULL,
  moved_at    TEXT NOT NULL
);
CREATE INDEX review_page_moves_by_page ON review_page_moves(box_id, page_name);

CREATE TABLE review_pages_accounted(
  box_id       TEXT NOT NULL REFERENCES boxes(box_id),
  page_name    TEXT NOT NULL,
  accounted_by TEXT NOT NULL,
  accounted_at TEXT NOT NULL,
  why          TEXT NOT NULL,
  PRIMARY KEY(box_id, page_name)
);

CREATE TABLE rescan_requests(
  seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  box_id       TEXT NOT NULL REFERENCES boxes(box_id),
  page_name    TEXT NOT NULL,
  document_id  TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  reason       TEXT NOT NULL,
  received_at  TEXT
);

CREATE TRIGGER review_page_moves_are_never_changed BEFORE UPDATE ON review_page_moves FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('a page move is never changed');
CREATE TRIGGER review_page_moves_are_never_deleted BEFORE DELETE ON review_page_moves FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('a page move is never deleted');
CREATE TRIGGER review_pages_accounted_are_never_changed BEFORE UPDATE ON review_pages_accounted FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('an accounted page is never changed');
CREATE TRIGGER review_pages_accounted_are_never_deleted BEFORE DELETE ON review_pages_accounted FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('an accounted page is never deleted');
CREATE TRIGGER rescan_requests_are_never_deleted BEFORE DELETE ON rescan_requests FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('a rescan request is never deleted');
CREATE TRIGGER rescan_requests_change_only_once BEFORE UPDATE ON rescan_requests FOR EACH ROW
  WHEN (OLD.received_at IS NOT NULL OR NEW.seq <> OLD.seq OR NEW.box_id <> OLD.box_id
        OR NEW.page_name <> OLD.page_name OR NEW.document_id <> OLD.document_id
        OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at
        OR NEW.reason <> OLD.reason)
  EXECUTE FUNCTION ledger_refuse('a rescan request only gains the time its new scan arrived');

CREATE VIEW page_documents AS
  SELECT p.box_id, p.page_name, p.outcome, p.jobcenter_id, p.bg_number, p.delivered_at,
         coalesce((SELECT m.document_id FROM review_page_moves m
                   WHERE m.box_id = p.box_id AND m.page_name = p.page_name ORDER BY m.seq DESC LIMIT 1),
                  p.document_id) AS document_id
  FROM pages p;

DROP VIEW page_destinations;
CREATE VIEW page_destinations AS
  SELECT d.box_id, d.page_name,
         CASE WHEN a.page_name IS NOT NULL THEN 'accounted' ELSE d.outcome END AS outcome,
         d.document_id,
         CASE WHEN a.page_name IS NOT NULL THEN NULL ELSE coalesce(r.jobcenter_id, d.jobcenter_id) END AS jobcenter_id,
         CASE WHEN a.page_name IS NOT NULL THEN NULL ELSE coalesce(r.bg_number, d.bg_number) END AS bg_number,
         d.delivered_at
  FROM page_documents d
  LEFT JOIN review_resolutions r ON r.box_id = d.box_id AND r.document_id = d.document_id
  LEFT JOIN review_pages_accounted a ON a.box_id = d.box_id AND a.page_name = d.page_name;
)sql";

constexpr const char* kPostgresV4 = R"sql(
CREATE TABLE users(
  login         TEXT PRIMARY KEY NOT NULL CHECK(login <> ''),
  password_hash TEXT NOT NULL CHECK(password_hash LIKE '$argon2id$%'),
  created_at    TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK(disabled IN (0, 1))
);
CREATE TRIGGER users_are_never_deleted BEFORE DELETE ON users FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('users are never deleted from the ledger, only disabled');

CREATE TABLE user_grants(
  login        TEXT NOT NULL REFERENCES users(login),
  jobcenter_id TEXT NOT NULL CHECK(jobcenter_id <> ''),
  PRIMARY KEY(login, jobcenter_id)
);

CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY NOT NULL CHECK(length(token_hash) = 64),
  login      TEXT NOT NULL REFERENCES users(login),
  csrf_token TEXT NOT NULL CHECK(csrf_token <> ''),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen  TEXT NOT NULL
);
CREATE INDEX sessions_by_login ON sessions(login);

CREATE TABLE login_failures(
  login_hash TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX login_failures_by_login ON login_failures(login_hash, at);
)sql";

// kPostgresMigrations[n] takes a version n schema to version n + 1, like kMigrations for SQLite;
// the two lists grow together.
constexpr std::array<const char*, kSchemaVersion> kPostgresMigrations = {kPostgresV1, kPostgresV2, kPostgresV3,
                                                                         kPostgresV4};

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
    if (auto migrated = Exec(db, kPostgresMigrations[static_cast<std::size_t>(*version)]); !migrated) {
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
