// The review desk's work on single pages: regrouping them into documents (split, join) and
// sending them back to be scanned again. Rows of their own: a recorded page is never changed.
#include "audit.h"
#include "box_row.h"
#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

// Refuses a page that is not waiting in the review in-tray, naming where it stands instead.
Result<std::string> CurrentReviewDocument(Db* db, std::string_view box_id, std::string_view page_name,
                                          const std::string& what) {
  auto select = Statement::Prepare(db, R"sql(
    SELECT d.outcome, coalesce(d.jobcenter_id, ''), coalesce(d.document_id, '')
    FROM page_destinations d WHERE d.box_id = ? AND d.page_name = ?)sql");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, box_id).Bind(2, page_name);
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return Fail(what + ": page " + std::string(page_name) + " was not delivered to review");
  if (select->Text(0) == "accounted") return Fail(what + ": page " + std::string(page_name) + " is accounted for");
  if (select->Text(1) != kReviewJobcenter) {
    return Fail(what + ": page " + std::string(page_name) + " is delivered to " + select->Text(1));
  }
  return select->Text(2);
}

Result<bool> IsResolved(Db* db, std::string_view box_id, std::string_view document_id) {
  auto select = Statement::Prepare(db, R"sql(
    SELECT 1 FROM review_resolutions WHERE box_id = ?1 AND document_id = ?2
    UNION ALL SELECT 1 FROM review_forwards WHERE box_id = ?1 AND document_id = ?2)sql");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, box_id).Bind(2, document_id);
  return select->Step();
}

}  // namespace

Result<void> Ledger::RecordReviewPagesMoved(std::string_view box_id, const std::vector<PageMove>& moves,
                                            const Stamp& stamp) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  auto insert = Statement::Prepare(db, R"sql(
    INSERT INTO review_page_moves(box_id, page_name, document_id, moved_by, moved_at) VALUES(?, ?, ?, ?, ?))sql");
  if (!insert) return tl::unexpected(insert.error());
  int moved = 0;
  std::string from, to;
  for (const auto& move : moves) {
    const std::string what =
        "box " + box->box_id + ": cannot move page " + move.page_name + " into review document " + move.document_id;
    if (move.document_id.empty()) return Fail(what + ": no document id");
    auto unrecorded = UnrecordedPages(box_id, {move.page_name});
    if (!unrecorded) return tl::unexpected(unrecorded.error());
    if (!unrecorded->empty()) continue;  // unreadable: in no document of the ledger
    auto resolved = IsResolved(db, box_id, move.document_id);
    if (!resolved) return tl::unexpected(resolved.error());
    if (*resolved) return Fail(what + ": it is resolved already");
    auto current = CurrentReviewDocument(db, box_id, move.page_name, what);
    if (!current) return tl::unexpected(current.error());
    if (*current == move.document_id) continue;  // moved there already (an action taken again)
    if (auto was = IsResolved(db, box_id, *current); !was || *was) {
      return was ? Fail(what + ": it belongs to " + *current + ", which is resolved") : tl::unexpected(was.error());
    }
    if (from.find(*current) == std::string::npos) from += (from.empty() ? "" : ", ") + *current;
    if (to.find(move.document_id) == std::string::npos) to += (to.empty() ? "" : ", ") + move.document_id;
    insert->Bind(1, box_id).Bind(2, move.page_name).Bind(3, move.document_id).Bind(4, stamp.who);
    insert->Bind(5, FormatTimestamp(stamp.when));
    if (auto done = insert->Run(); !done) return done;
    insert->Reset();
    ++moved;
  }
  if (moved == 0) return {};
  if (auto audited =
          WriteAudit(db, box_id, stamp,
                     std::to_string(moved) + " review pages moved from document " + from + " to document " + to);
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<std::vector<std::string>> Ledger::UnrecordedPages(std::string_view box_id,
                                                         const std::vector<std::string>& page_names) {
  auto select = Statement::Prepare(impl_->db.get(), "SELECT 1 FROM pages WHERE box_id = ? AND page_name = ?");
  if (!select) return tl::unexpected(select.error());
  std::vector<std::string> unrecorded;
  for (const auto& page : page_names) {
    select->Bind(1, box_id).Bind(2, page);
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) unrecorded.push_back(page);
    select->Reset();
  }
  return unrecorded;
}

Result<void> Ledger::RequestRescan(std::string_view box_id, std::string_view page_name, std::string_view document_id,
                                   std::string_view reason, const Stamp& stamp) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  const std::string what = "box " + box->box_id + ": cannot send page " + std::string(page_name) + " to rescan";
  if (box->state != BoxState::kProcessing) return Refuse(*box, "send page " + std::string(page_name) + " to rescan");
  auto open = Statement::Prepare(db, R"sql(
    SELECT 1 FROM rescan_requests WHERE box_id = ? AND page_name = ? AND received_at IS NULL)sql");
  if (!open) return tl::unexpected(open.error());
  open->Bind(1, box_id).Bind(2, page_name);
  auto pending = open->Step();
  if (!pending) return tl::unexpected(pending.error());
  if (*pending) return {};  // asked for already
  auto insert = Statement::Prepare(db, R"sql(
    INSERT INTO rescan_requests(box_id, page_name, document_id, requested_by, requested_at, reason)
    VALUES(?, ?, ?, ?, ?, ?))sql");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, box_id).Bind(2, page_name).Bind(3, document_id).Bind(4, stamp.who);
  insert->Bind(5, FormatTimestamp(stamp.when)).Bind(6, reason);
  if (auto done = insert->Run(); !done) return tl::unexpected(done.error().Prefixed(what));
  if (auto audited = WriteAudit(db, box_id, stamp,
                                "page " + std::string(page_name) + " of review document " + std::string(document_id) +
                                    " sent to rescan (" + std::string(reason) + ")");
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<void> Ledger::RecordRescanReceived(std::string_view box_id, std::string_view page_name, const Stamp& stamp) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  auto update = Statement::Prepare(db, R"sql(
    UPDATE rescan_requests SET received_at = ? WHERE box_id = ? AND page_name = ? AND received_at IS NULL)sql");
  if (!update) return tl::unexpected(update.error());
  update->Bind(1, FormatTimestamp(stamp.when)).Bind(2, box_id).Bind(3, page_name);
  if (auto done = update->Run(); !done) return done;
  if (update->Changes() == 0) {
    return Fail("box " + box->box_id + " page " + std::string(page_name) + ": no rescan of it was asked for");
  }
  if (auto audited = WriteAudit(db, box_id, stamp, "page " + std::string(page_name) + " rescanned"); !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<bool> Ledger::IsReviewResolved(std::string_view box_id, std::string_view document_id) {
  return IsResolved(impl_->db.get(), box_id, document_id);
}

Result<std::vector<RescanRequest>> Ledger::OpenRescans() {
  auto select = Statement::Prepare(impl_->db.get(), R"sql(
    SELECT box_id, page_name, document_id, requested_by, requested_at, reason
    FROM rescan_requests WHERE received_at IS NULL ORDER BY seq)sql");
  if (!select) return tl::unexpected(select.error());
  std::vector<RescanRequest> requests;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto at = ParseTimestamp(select->Text(4));
    if (!at) return tl::unexpected(at.error().Prefixed("rescan of box " + select->Text(0)));
    requests.push_back({select->Text(0), select->Text(1), select->Text(2), select->Text(3), *at, select->Text(5)});
  }
  return requests;
}

}  // namespace mailroom::ledger
