// A review document decided at the review desk: its pages, delivered to the review in-tray, now
// count for a case. Recorded as a row of its own, because a recorded page is never changed.
#include "audit.h"
#include "box_row.h"
#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {

Result<void> Ledger::RecordReviewResolved(std::string_view box_id, std::string_view document_id,
                                          std::string_view jobcenter_id, std::string_view bg_number,
                                          const Stamp& stamp) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  const std::string what =
      "box " + std::string(box_id) + ": cannot resolve review document " + std::string(document_id);
  if (jobcenter_id.empty() || jobcenter_id == "review") return Fail(what + ": a decision names a jobcenter");
  const bool forwarded = bg_number.empty();  // to the jobcenter, without a case

  // page_documents: the document as the desk regrouped it (split, join), with where it was delivered.
  auto pages = Statement::Prepare(db, R"sql(
    SELECT count(*), count(CASE WHEN jobcenter_id <> 'review' THEN 1 END) FROM page_documents
    WHERE box_id = ? AND document_id = ? AND outcome = 'delivered')sql");
  if (!pages) return tl::unexpected(pages.error());
  pages->Bind(1, box_id).Bind(2, document_id);
  if (auto row = pages->Step(); !row) return tl::unexpected(row.error());
  const int64_t page_count = pages->Int(0);
  if (page_count == 0) return Fail(what + ": the ledger has no delivered page of it");
  if (pages->Int(1) != 0) return Fail(what + ": it was routed to a case, not to review");

  auto earlier = Statement::Prepare(db, R"sql(
    SELECT jobcenter_id, bg_number FROM review_resolutions WHERE box_id = ?1 AND document_id = ?2
    UNION ALL SELECT jobcenter_id, '' FROM review_forwards WHERE box_id = ?1 AND document_id = ?2)sql");
  if (!earlier) return tl::unexpected(earlier.error());
  earlier->Bind(1, box_id).Bind(2, document_id);
  auto found = earlier->Step();
  if (!found) return tl::unexpected(found.error());
  if (*found) {
    if (earlier->Text(0) == jobcenter_id && earlier->Text(1) == bg_number) return {};  // the same decision again
    const std::string where = earlier->Text(1).empty() ? " without a case" : " case " + earlier->Text(1);
    return Fail(what + ": it is resolved to " + earlier->Text(0) + where + " already");
  }

  auto insert = Statement::Prepare(
      db, forwarded ? "INSERT INTO review_forwards(box_id, document_id, jobcenter_id, forwarded_by, forwarded_at) "
                      "VALUES (?, ?, ?, ?, ?)"
                    : "INSERT INTO review_resolutions(box_id, document_id, jobcenter_id, bg_number, resolved_by, "
                      "resolved_at) VALUES (?, ?, ?, ?, ?, ?)");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, box_id).Bind(2, document_id).Bind(3, jobcenter_id);
  if (forwarded) {
    insert->Bind(4, stamp.who).Bind(5, FormatTimestamp(stamp.when));
  } else {
    insert->Bind(4, bg_number).Bind(5, stamp.who).Bind(6, FormatTimestamp(stamp.when));
  }
  if (auto done = insert->Run(); !done) return done;
  const std::string decided = forwarded ? " forwarded: " + std::to_string(page_count) + " pages to " +
                                              std::string(jobcenter_id) + " without a case"
                                        : " resolved: " + std::to_string(page_count) + " pages to " +
                                              std::string(jobcenter_id) + " case " + std::string(bg_number);
  if (auto audited = WriteAudit(db, box_id, stamp, "review document " + std::string(document_id) + decided); !audited) {
    return audited;
  }
  return tx->Commit();
}

}  // namespace mailroom::ledger
