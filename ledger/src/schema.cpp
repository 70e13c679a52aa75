#include "schema.h"

#include <array>
#include <string>

#include "sqlite_db.h"

namespace mailroom::ledger {
namespace {

// Boxes, pages and audit rows are never deleted: the ledger is the proof of custody, and a box
// that "never existed" is exactly what it must rule out. Only the audit trail is also immutable;
// box rows change state and counts, and each such change writes an audit row.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE boxes(
  box_id           TEXT PRIMARY KEY NOT NULL CHECK(box_id <> ''),
  seal             TEXT NOT NULL,
  origin_jobcenter TEXT NOT NULL CHECK(origin_jobcenter <> ''),
  arrived_at       TEXT NOT NULL,
  registered_by    TEXT NOT NULL,
  state            TEXT NOT NULL CHECK(state IN ('received', 'scanning', 'scanned', 'processing', 'delivered',
                                                 'destruction-due', 'destroyed')),
  pages_captured   INTEGER NOT NULL DEFAULT 0 CHECK(pages_captured >= 0),
  delivered_at     TEXT,  -- when the box became delivered: retention counts from here
  destroyed_at     TEXT
);

-- One row per page that left custody: delivered inside a document, or accounted for (blank,
-- separator). delivered + accounted == pages_captured is the custody check.
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
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  box_id TEXT REFERENCES boxes(box_id),  -- NULL for settings (retention)
  at     TEXT NOT NULL,
  who    TEXT NOT NULL,
  what   TEXT NOT NULL
);
CREATE INDEX audit_by_box ON audit(box_id);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: rows cannot be deleted'); END;
CREATE TRIGGER boxes_are_never_deleted BEFORE DELETE ON boxes
BEGIN SELECT RAISE(ABORT, 'boxes are never deleted from the ledger'); END;
CREATE TRIGGER pages_are_never_deleted BEFORE DELETE ON pages
BEGIN SELECT RAISE(ABORT, 'pages are never deleted from the ledger'); END;
CREATE TRIGGER pages_are_never_changed BEFORE UPDATE ON pages
BEGIN SELECT RAISE(ABORT, 'a recorded page is never changed'); END;

PRAGMA user_version = 1;
)sql";

// Version 2: the review desk. A clerk's decision on a review document is a row of its own (pages
// are never changed), and page_destinations tells where each page went in the end: the review
// in-tray, or the case decided for it. Applied to a new file after version 1, or to a version 1 file.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE review_resolutions(
  box_id       TEXT NOT NULL REFERENCES boxes(box_id),
  document_id  TEXT NOT NULL CHECK(document_id <> ''),
  jobcenter_id TEXT NOT NULL CHECK(jobcenter_id <> '' AND jobcenter_id <> 'review'),
  bg_number    TEXT NOT NULL CHECK(bg_number <> ''),
  resolved_by  TEXT NOT NULL,
  resolved_at  TEXT NOT NULL,
  PRIMARY KEY(box_id, document_id)
);
CREATE TRIGGER review_resolutions_are_never_changed BEFORE UPDATE ON review_resolutions
BEGIN SELECT RAISE(ABORT, 'a review decision is never changed'); END;
CREATE TRIGGER review_resolutions_are_never_deleted BEFORE DELETE ON review_resolutions
BEGIN SELECT RAISE(ABORT, 'a review decision is never deleted'); END;

CREATE VIEW page_destinations AS
  SELECT p.box_id, p.page_name, p.outcome, p.document_id,
         coalesce(r.jobcenter_id, p.jobcenter_id) AS jobcenter_id,
         coalesce(r.bg_number, p.bg_number) AS bg_number,
         p.delivered_at
  FROM pages p LEFT JOIN review_resolutions r ON r.box_id = p.box_id AND r.document_id = p.document_id;

PRAGMA user_version = 2;
)sql";

// kMigrations[n] takes a version n file to version n + 1; each ends setting user_version. Append a
// step for a new version (and raise kSchemaVersion); never change a step that has shipped.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {kSchemaV1, kSchemaV2};

Result<int> UserVersion(sqlite3* db) {
  auto stmt = Statement::Prepare(db, "PRAGMA user_version");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  return static_cast<int>(stmt->Int(0));
}

}  // namespace

Result<void> EnsureSchema(sqlite3* db) {
  // IMMEDIATE, so two processes opening a new file at once do not both create the tables.
  auto tx = WriteTransaction::Begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto version = UserVersion(db);
  if (!version) return tl::unexpected(version.error());
  if (*version == kSchemaVersion) return tx->Commit();
  if (*version > kSchemaVersion) {
    return Fail("ledger schema version " + std::to_string(*version) + " is newer than this build (" +
                std::to_string(kSchemaVersion) + ")");
  }
  if (*version == 0) {
    auto tables = Statement::Prepare(db, "SELECT count(*) FROM sqlite_schema");
    if (!tables) return tl::unexpected(tables.error());
    if (auto row = tables->Step(); !row) return tl::unexpected(row.error());
    if (tables->Int(0) != 0) return Fail("not a mailroom ledger (tables present, no schema version)");
  }
  // A new file gets every step; a file of an earlier build the steps after its version, in order,
  // inside the one transaction: a migration is applied whole or not at all.
  for (int step = *version; step < kSchemaVersion; ++step) {
    if (auto migrated = Exec(db, kMigrations[static_cast<std::size_t>(step)]); !migrated) {
      return tl::unexpected(migrated.error().Prefixed("ledger schema version " + std::to_string(step + 1)));
    }
  }
  return tx->Commit();
}

}  // namespace mailroom::ledger
