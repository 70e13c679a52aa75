-- A ledger as the build of schema version 2 (commit faf67f7, before the review desk's custody and
-- the web pages' users) wrote it: its schema, one delivered box and its audit rows. The users test
-- opens it with today's build to check the migration.
BEGIN;
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
INSERT INTO boxes VALUES('B-1', 'S-1', 'jobcenter-kiel', '2024-03-01T08:00:00Z', 'op-1', 'delivered', 1,
                          '2024-03-02T08:00:00Z', NULL);
INSERT INTO pages VALUES('B-1', '0001.tif', 'delivered', 'B-1-1', 'jobcenter-kiel', '12345BG0000001',
                         '2024-03-02T08:00:00Z');
INSERT INTO audit(box_id, at, who, what) VALUES('B-1', '2024-03-01T08:00:00Z', 'op-1',
                                                'registered, seal S-1, origin jobcenter-kiel, state received');
COMMIT;
