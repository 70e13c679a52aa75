// The box ledger: one SQLite file (or, for a scan center's several hosts, one PostgreSQL
// database, see Ledger::Open) that records each sealed box from arrival to destruction, its
// pages captured against its pages delivered, and every state change in an append-only audit
// trail. It answers two questions: may this paper be destroyed (every page delivered, retention
// passed), and did the papers of case BG_NUMBER arrive, when, and where did they go.
//
// Times are UTC seconds, stored as ISO 8601 text ("2024-03-01T08:15:00Z") so the file reads well in
// the sqlite3 shell. The ledger holds ids only (box, seal, jobcenter, document, BG number,
// operator id): no names of customers or staff.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/ledger/box_state.h"

struct sqlite3;

namespace mailroom::ledger {

class Db;  // the database behind a ledger, SQLite or PostgreSQL (ledger/src/db.h)

using Timestamp = std::chrono::sys_seconds;
using Date = std::chrono::sys_days;

/// Retention when an origin jobcenter has no setting of its own: 8 weeks.
inline constexpr int kDefaultRetentionDays = 56;

/// Who did something and when; every change in the ledger carries one into the audit trail.
struct Stamp {
  std::string who;  ///< operator or service id, never a person's name
  Timestamp when;
};

/// A sealed box as it arrives on the table.
struct BoxArrival {
  std::string box_id;
  std::string seal;
  std::string origin_jobcenter;
  Timestamp arrived_at;
  std::string operator_id;
};

/// The jobcenter_id of a page delivered to the review in-tray: it waits for a clerk's decision.
inline constexpr const char* kReviewJobcenter = "review";

/// A page of a box that went out inside a routed document.
struct PageDelivery {
  std::string page_name;  ///< unique within the box, e.g. "0007.tif"
  std::string document_id;
  std::string jobcenter_id;  ///< where it was delivered
  std::string bg_number;     ///< the case; empty when routed without one (manual review)
  Timestamp delivered_at;
};

/// One line of `mailroom boxes`.
struct BoxSummary {
  std::string box_id;
  std::string seal;
  BoxState state;
  int pages_captured;
  int pages_delivered;  ///< delivered to a case: routed, or resolved at the review desk
  int pages_accounted;  ///< blank and separator pages, or accounted for by hand at the desk
  Timestamp arrived_at;
  std::string origin_jobcenter;
  int pages_in_review = 0;  ///< in the review in-tray, no decision yet: the box is not delivered
};

/// A box whose paper may go to the destruction service.
struct DueBox {
  std::string box_id;
  std::string seal;
  std::string origin_jobcenter;
  int pages_captured;
  Timestamp delivered_at;
  Date retention_until;  ///< first day the paper may be destroyed
};

/// What arrived for a case: one entry per routed document.
struct Receipt {
  std::string document_id;
  int pages;
  Timestamp arrived_at;  ///< when its box arrived at the scan center
  std::string box_id;
  std::string origin_jobcenter;
  std::string jobcenter_id;  ///< where it was delivered
  Timestamp delivered_at;
};

/// One row of the audit trail.
struct AuditEntry {
  std::string box_id;  ///< empty for changes that are not about one box (retention settings)
  std::string who;
  Timestamp when;
  std::string what;  ///< e.g. "state scanning -> scanned", "registered seal S-1 origin JC-1"
};

/// One page that left custody inside a delivered document (see Ledger::DeliveriesSince).
struct DeliveredPage {
  Timestamp delivered_at;
  std::string document_id;
  bool to_review = false;  ///< delivered to the review in-tray, not to a jobcenter's Postkorb
};

/// Documents delivered so far, counted once each however many pages they have.
struct DocumentCounts {
  int postkorb = 0;  ///< delivered to a jobcenter's Postkorb
  int review = 0;    ///< delivered to the review in-tray
};

/// The boxes of one origin jobcenter that are not delivered yet (received up to processing).
struct OriginBacklog {
  std::string origin_jobcenter;
  int boxes = 0;
  int pages_open = 0;  ///< captured, neither delivered to a case nor accounted for (review pages count)
  Timestamp oldest_arrived_at;
};

/// A page of the review in-tray put into another review document (see RecordReviewPagesMoved).
struct PageMove {
  std::string page_name;
  std::string document_id;
};

/// A page a clerk sent back to be scanned again (see Ledger::RequestRescan).
struct RescanRequest {
  std::string box_id;
  std::string page_name;
  std::string document_id;  ///< the review document the page belongs to
  std::string requested_by;
  Timestamp requested_at;
  std::string reason;
};

/// True when `location` names a ledger on a PostgreSQL server ("postgresql://..." or
/// "postgres://..."), not a file: there is no file to look for, and Open never creates the server.
[[nodiscard]] bool IsServerLedger(std::string_view location);

/// Not thread-safe: give each thread (or process) its own Ledger on the same file or server. Write
/// transactions take a write lock and wait for one another (SQLite: BEGIN IMMEDIATE, one lock for
/// the file, waiting up to the busy timeout; PostgreSQL: transaction-scoped advisory locks on every
/// host, one per box, one for users, sessions and settings).
class Ledger {
 public:
  /// Opens or creates the ledger at `path`: a new file is created mode 0600 (SQLite gives its -wal
  /// and -shm files the same mode), WAL journal, foreign keys on, busy timeout 5 s. Fails naming
  /// the file when it cannot be opened, is not a ledger, or has a newer schema than this build.
  /// A `path` that is a URL, "postgresql://user@host:port/database" (or "postgres://"), opens
  /// the ledger on that PostgreSQL server instead (the schema in the connection's first search_path
  /// schema), migrating it to this build's schema version; its password is never in a message.
  [[nodiscard]] static Result<Ledger> Open(const std::filesystem::path& path);

  Ledger(Ledger&&) noexcept;
  Ledger& operator=(Ledger&&) noexcept;
  ~Ledger();

  /// Records a box as received. Refuses a box id that is registered already, and empty ids.
  [[nodiscard]] Result<void> RegisterBox(const BoxArrival& box);

  /// Moves `box_id` one step forward to `to`. Any other move (skipping, going back, leaving
  /// destroyed) is refused with an error naming the box, its state and `to`. Moving to delivered
  /// is refused while a captured page is neither delivered nor accounted; moving to
  /// destruction-due before the retention date is refused. Destroying goes through MarkDestroyed.
  [[nodiscard]] Result<void> Advance(std::string_view box_id, BoxState to, const Stamp& stamp);

  /// Records that `total` pages of the box have been captured so far (the total, not an
  /// increment, so a resumed scan repeating its count changes nothing). Only while scanning;
  /// refuses a total smaller than the one recorded (pages do not vanish).
  [[nodiscard]] Result<void> RecordPagesCaptured(std::string_view box_id, int total, const Stamp& stamp);

  /// Records one delivered page. Idempotent per page name: the same delivery again changes
  /// nothing; a different delivery of the same page is refused. Refused in received, delivered
  /// and later states, and when it would account for more pages than were captured.
  [[nodiscard]] Result<void> RecordPageDelivered(std::string_view box_id, const PageDelivery& page);

  /// Accounts for pages that are not delivered by design (blank pages, separator sheets), or that a
  /// clerk accounted for by hand, so that delivered + accounted == captured can be checked page by
  /// page. `why` goes into the audit row (ids and fixed words only, never page text). Idempotent
  /// per page name, with the same refusals as RecordPageDelivered.
  [[nodiscard]] Result<void> RecordPagesAccounted(std::string_view box_id, const std::vector<std::string>& page_names,
                                                  const Stamp& stamp, std::string_view why = "blank or separator");

  /// Records a clerk's decision on a review document: its pages, delivered to review until now,
  /// now count as delivered to `jobcenter_id` in case `bg_number`, with an audit row naming
  /// who decided. In any state of the box (a review is often decided after the box is delivered).
  /// Idempotent: the same decision again changes nothing; another case for a document already
  /// decided is refused, as is a document the ledger has no pages of. An empty `bg_number`
  /// forwards the document to `jobcenter_id` without a case (its staff find the case): its pages
  /// count as delivered there, in no case's receipts.
  [[nodiscard]] Result<void> RecordReviewResolved(std::string_view box_id, std::string_view document_id,
                                                  std::string_view jobcenter_id, std::string_view bg_number,
                                                  const Stamp& stamp);

  /// Regroups pages of the review in-tray (a clerk split a document or joined two): each move puts
  /// a page into another review document, all in one transaction with one audit row. Each page must
  /// be in review (delivered there, not accounted, its document not resolved), nor may the target
  /// document be resolved. A page the ledger has no row of (unreadable: open until accounted for
  /// or rescanned) belongs to no document in the ledger and is skipped. Idempotent per page.
  [[nodiscard]] Result<void> RecordReviewPagesMoved(std::string_view box_id, const std::vector<PageMove>& moves,
                                                    const Stamp& stamp);

  /// Of `page_names`, those the ledger has no row of: captured, not readable, neither delivered
  /// nor accounted (the review desk asks the clerk to settle them first).
  [[nodiscard]] Result<std::vector<std::string>> UnrecordedPages(std::string_view box_id,
                                                                 const std::vector<std::string>& page_names);

  /// A clerk sends a page of a review document back to be scanned again (`reason`: fixed words,
  /// no page text). Idempotent while the request is open; the page itself stays in review.
  [[nodiscard]] Result<void> RequestRescan(std::string_view box_id, std::string_view page_name,
                                           std::string_view document_id, std::string_view reason, const Stamp& stamp);

  /// The new scan of a requested page arrived: the request is closed (audit row). Refused when
  /// no request of that page is open.
  [[nodiscard]] Result<void> RecordRescanReceived(std::string_view box_id, std::string_view page_name,
                                                  const Stamp& stamp);

  /// Whether a clerk decided the case of review document `document_id` of the box.
  [[nodiscard]] Result<bool> IsReviewResolved(std::string_view box_id, std::string_view document_id);

  /// The open rescan requests, oldest first (the scan operator's list).
  [[nodiscard]] Result<std::vector<RescanRequest>> OpenRescans();

  /// Moves a box in processing to delivered if every captured page is delivered or accounted for;
  /// true when the box is delivered (now or before), false while pages are open. For stages that
  /// record pages independently (the distributed workers): whichever records the last page
  /// completes the box, in one transaction, so two of them cannot both do it.
  [[nodiscard]] Result<bool> DeliverIfComplete(std::string_view box_id, const Stamp& stamp);

  /// Sets the retention of paper from `origin_jobcenter` (1 day or more); written to the audit.
  [[nodiscard]] Result<void> SetRetentionDays(std::string_view origin_jobcenter, int days, const Stamp& stamp);

  /// The retention in days for `origin_jobcenter`: its setting, or kDefaultRetentionDays.
  [[nodiscard]] Result<int> RetentionDays(std::string_view origin_jobcenter);

  /// Releases paper for destruction: every delivered box whose retention date is on or before
  /// `date` moves to destruction-due (one audit row each, stamped `stamp`), and the list of all
  /// boxes in destruction-due with a retention date on or before `date` is returned, oldest first.
  /// Running it twice for one date returns the same list.
  [[nodiscard]] Result<std::vector<DueBox>> DestructionDue(Date date, const Stamp& stamp);

  /// Records that the destruction service destroyed the box. Refused for a box with a page
  /// neither delivered nor accounted, before its retention date, when not destruction-due, and
  /// for a box destroyed already.
  [[nodiscard]] Result<void> MarkDestroyed(std::string_view box_id, const Stamp& stamp);

  /// All boxes, in order of arrival.
  [[nodiscard]] Result<std::vector<BoxSummary>> ListBoxes();

  /// One box, or none when `box_id` is not registered.
  [[nodiscard]] Result<std::optional<BoxSummary>> FindBox(std::string_view box_id);

  /// The documents delivered for case `bg_number`, in order of delivery.
  [[nodiscard]] Result<std::vector<Receipt>> Receipts(std::string_view bg_number);

  /// The audit trail of one box (or, with an empty id, all of it), oldest first.
  [[nodiscard]] Result<std::vector<AuditEntry>> AuditTrail(std::string_view box_id);

  /// Every page delivered at or after `from`, oldest first (for throughput over the last hours).
  [[nodiscard]] Result<std::vector<DeliveredPage>> DeliveriesSince(Timestamp from);

  /// Every document delivered so far, by destination (counted in the database, not row by row).
  [[nodiscard]] Result<DocumentCounts> CountDocuments();

  /// Per origin jobcenter, the boxes not delivered yet, the oldest arrival first: the backlog.
  [[nodiscard]] Result<std::vector<OriginBacklog>> Backlog();

  /// What DestructionDue(date) would list, without releasing anything: delivered boxes whose
  /// retention has passed by `date` and boxes in destruction-due, oldest retention date first.
  [[nodiscard]] Result<std::vector<DueBox>> PreviewDestructionDue(Date date);

  /// The SQLite connection, for tests that check what the database itself enforces; null for a
  /// ledger on PostgreSQL.
  sqlite3* raw_connection_for_tests() const;

 private:
  friend class Users;         // users.h: the web pages' users, in the same file
  friend class Sessions;      // sessions.h
  friend class ClassifyWork;  // classify_work.h
  friend class Stations;      // stations.h
  struct Impl;
  explicit Ledger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mailroom::ledger
