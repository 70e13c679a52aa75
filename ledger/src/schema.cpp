#include "schema.h"

#include <array>
#include <string>

#include "db.h"

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

// Version 3: custody through the review desk. A page delivered to the review in-tray is not settled
// until a clerk decides: its document resolved to a case, or the page accounted for by hand. A
// clerk may regroup review pages (split a document, join two): the latest move of a page names its
// document. A page may be sent back for rescanning; the request and the new scan are rows of their
// own. page_destinations now gives each page's final word: accounted, in review, or its case.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE review_page_moves(
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
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
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  box_id       TEXT NOT NULL REFERENCES boxes(box_id),
  page_name    TEXT NOT NULL,
  document_id  TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  reason       TEXT NOT NULL,
  received_at  TEXT  -- set once, when the new scan of the page arrived
);

CREATE TRIGGER review_page_moves_are_never_changed BEFORE UPDATE ON review_page_moves
BEGIN SELECT RAISE(ABORT, 'a page move is never changed'); END;
CREATE TRIGGER review_page_moves_are_never_deleted BEFORE DELETE ON review_page_moves
BEGIN SELECT RAISE(ABORT, 'a page move is never deleted'); END;
CREATE TRIGGER review_pages_accounted_are_never_changed BEFORE UPDATE ON review_pages_accounted
BEGIN SELECT RAISE(ABORT, 'an accounted page is never changed'); END;
CREATE TRIGGER review_pages_accounted_are_never_deleted BEFORE DELETE ON review_pages_accounted
BEGIN SELECT RAISE(ABORT, 'an accounted page is never deleted'); END;
CREATE TRIGGER rescan_requests_are_never_deleted BEFORE DELETE ON rescan_requests
BEGIN SELECT RAISE(ABORT, 'a rescan request is never deleted'); END;
CREATE TRIGGER rescan_requests_change_only_once BEFORE UPDATE ON rescan_requests
WHEN OLD.received_at IS NOT NULL OR NEW.seq <> OLD.seq OR NEW.box_id <> OLD.box_id OR NEW.page_name <> OLD.page_name
  OR NEW.document_id <> OLD.document_id OR NEW.requested_by <> OLD.requested_by
  OR NEW.requested_at <> OLD.requested_at OR NEW.reason <> OLD.reason
BEGIN SELECT RAISE(ABORT, 'a rescan request only gains the time its new scan arrived'); END;

-- The document a page of the review in-tray belongs to now: its latest move, else where it was delivered.
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

PRAGMA user_version = 3;
)sql";

// Version 4: the users of the web pages (review desk, dashboard), their grants and sessions (see
// users.h, sessions.h). Users are never deleted, only disabled, because the audit trail names
// them; sessions and failed logins are working data and are deleted when they end.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE users(
  login         TEXT PRIMARY KEY NOT NULL CHECK(login <> ''),
  password_hash TEXT NOT NULL CHECK(password_hash LIKE '$argon2id$%'),
  created_at    TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK(disabled IN (0, 1))
);
CREATE TRIGGER users_are_never_deleted BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'users are never deleted from the ledger, only disabled'); END;

-- jobcenter_id '*': every jobcenter.
CREATE TABLE user_grants(
  login        TEXT NOT NULL REFERENCES users(login),
  jobcenter_id TEXT NOT NULL CHECK(jobcenter_id <> ''),
  PRIMARY KEY(login, jobcenter_id)
);

-- token_hash: BLAKE2b of the cookie's token; the token itself is never stored.
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY NOT NULL CHECK(length(token_hash) = 64),
  login      TEXT NOT NULL REFERENCES users(login),
  csrf_token TEXT NOT NULL CHECK(csrf_token <> ''),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen  TEXT NOT NULL
);
CREATE INDEX sessions_by_login ON sessions(login);

-- login_hash: BLAKE2b of the login as typed (lower case), so that a password typed into the
-- login field is not kept in the clear.
CREATE TABLE login_failures(
  login_hash TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX login_failures_by_login ON login_failures(login_hash, at);

PRAGMA user_version = 4;
)sql";

// Version 5: a review document forwarded to a jobcenter without a case. Mail whose case the clerk
// cannot find (a landlord's certificate naming nobody registered) goes to the jobcenter's Postkorb
// for its staff to research; its pages count as delivered there, with no BG number.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE review_forwards(
  box_id       TEXT NOT NULL REFERENCES boxes(box_id),
  document_id  TEXT NOT NULL CHECK(document_id <> ''),
  jobcenter_id TEXT NOT NULL CHECK(jobcenter_id <> '' AND jobcenter_id <> 'review'),
  forwarded_by TEXT NOT NULL,
  forwarded_at TEXT NOT NULL,
  PRIMARY KEY(box_id, document_id)
);
CREATE TRIGGER review_forwards_are_never_changed BEFORE UPDATE ON review_forwards
BEGIN SELECT RAISE(ABORT, 'a review decision is never changed'); END;
CREATE TRIGGER review_forwards_are_never_deleted BEFORE DELETE ON review_forwards
BEGIN SELECT RAISE(ABORT, 'a review decision is never deleted'); END;

DROP VIEW page_destinations;
CREATE VIEW page_destinations AS
  SELECT d.box_id, d.page_name,
         CASE WHEN a.page_name IS NOT NULL THEN 'accounted' ELSE d.outcome END AS outcome,
         d.document_id,
         CASE WHEN a.page_name IS NOT NULL THEN NULL
              ELSE coalesce(r.jobcenter_id, f.jobcenter_id, d.jobcenter_id) END AS jobcenter_id,
         CASE WHEN a.page_name IS NOT NULL OR f.document_id IS NOT NULL THEN NULL
              ELSE coalesce(r.bg_number, d.bg_number) END AS bg_number,
         d.delivered_at
  FROM page_documents d
  LEFT JOIN review_resolutions r ON r.box_id = d.box_id AND r.document_id = d.document_id
  LEFT JOIN review_forwards f ON f.box_id = d.box_id AND f.document_id = d.document_id
  LEFT JOIN review_pages_accounted a ON a.box_id = d.box_id AND a.page_name = d.page_name;

PRAGMA user_version = 5;
)sql";

// Version 6: the classifier's work on a box, shared by every classify worker on the ledger. Each
// worker journals what it receives (the content store refs of the box's manifest and of each
// page's reading: ids and hashes, never page text), so any worker can finish a box whichever of
// them took its messages; a worker finishing a box holds a claim until a time, and a worker killed
// while finishing is taken over once its claim ran out. Work state, not custody: the readings'
// rows go once the box is classified.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE classify_boxes(
  box_id        TEXT PRIMARY KEY NOT NULL CHECK(box_id <> ''),
  manifest_ref  TEXT NOT NULL CHECK(manifest_ref <> ''),
  pages         INTEGER NOT NULL CHECK(pages >= 0),
  claimed_by    TEXT,
  claimed_until TEXT,
  classified_at TEXT
);
-- Readings may come before their box's manifest (another queue): no reference to classify_boxes.
CREATE TABLE classify_readings(
  box_id      TEXT NOT NULL CHECK(box_id <> ''),
  page_index  INTEGER NOT NULL CHECK(page_index >= 0),
  reading_ref TEXT NOT NULL CHECK(reading_ref <> ''),
  PRIMARY KEY(box_id, page_index)
);

PRAGMA user_version = 6;
)sql";

// Version 7: the scan stations' work, shared by the stations, their operators and the dashboard
// on every host (stations.h). A job is a box assigned to a station: waiting, current, then done
// or failed; its rows stay as the job's history. A box has one open job at a time, a station one
// current job. A station's state is the last it reported; a resume request waits for the station.
constexpr const char* kSchemaV7 = R"sql(
CREATE TABLE station_jobs(
  job_id      INTEGER PRIMARY KEY AUTOINCREMENT,
  box_id      TEXT NOT NULL REFERENCES boxes(box_id),
  station_id  TEXT NOT NULL CHECK(station_id <> ''),
  state       TEXT NOT NULL CHECK(state IN ('waiting', 'current', 'done', 'failed')),
  assigned_at TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  taken_at    TEXT,
  finished_at TEXT,
  pages       INTEGER NOT NULL DEFAULT 0 CHECK(pages >= 0),
  failure     TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX station_jobs_one_open_per_box ON station_jobs(box_id) WHERE state IN ('waiting', 'current');
CREATE UNIQUE INDEX station_jobs_one_current_per_station ON station_jobs(station_id) WHERE state = 'current';
CREATE INDEX station_jobs_by_station ON station_jobs(station_id, state, job_id);

CREATE TABLE station_states(
  station_id TEXT PRIMARY KEY NOT NULL CHECK(station_id <> ''),
  state      TEXT NOT NULL CHECK(state IN ('idle', 'scanning', 'paused', 'handing-over')),
  reason     TEXT NOT NULL,
  box_id     TEXT NOT NULL,
  pages      INTEGER NOT NULL CHECK(pages >= 0),
  running    INTEGER NOT NULL CHECK(running IN (0, 1)),
  updated_at TEXT NOT NULL
);

CREATE TABLE station_resumes(
  station_id   TEXT PRIMARY KEY NOT NULL CHECK(station_id <> ''),
  box_id       TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  requested_by TEXT NOT NULL
);

PRAGMA user_version = 7;
)sql";

// kMigrations[n] takes a version n file to version n + 1; each ends setting user_version. Append a
// step for a new version (and raise kSchemaVersion); never change a step that has shipped. The
// same steps make the schema on PostgreSQL (postgres_schema.cpp translates them): write a step in
// the SQL both understand, and triggers as `BEFORE op ON table [WHEN ...] BEGIN SELECT
// RAISE(ABORT, '...'); END;`.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4,
                                                                 kSchemaV5, kSchemaV6, kSchemaV7};

Result<int> UserVersion(Db* db) {
  auto stmt = Statement::Prepare(db, "PRAGMA user_version");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  return static_cast<int>(stmt->Int(0));
}

}  // namespace

const char* MigrationStep(int step) {
  return kMigrations.at(static_cast<std::size_t>(step));
}

Result<void> EnsureSchema(Db* db) {
  if (db->IsPostgres()) return EnsurePostgresSchema(db);
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
