// Counting pages against each other: captured by the scanner, delivered inside documents, or
// accounted for as blank/separator pages. Every page that leaves custody is a row with its name,
// so "which page of box B is missing" has an answer, not just a difference of two counts.
#include <optional>

#include "audit.h"
#include "box_row.h"
#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

struct PageRow {
  std::string outcome;
  std::string document_id, jobcenter_id, bg_number;
};

// The page's row as recorded (`pages`), or where it stands now through the review desk's
// decisions (`page_destinations`); none when the page has no row.
Result<std::optional<PageRow>> LoadPage(Db* db, std::string_view box_id, std::string_view page_name,
                                        std::string_view table = "pages") {
  auto select = Statement::Prepare(db,
                                   "SELECT outcome, coalesce(document_id, ''), coalesce(jobcenter_id, ''), "
                                   "coalesce(bg_number, '') FROM " +
                                       std::string(table) + " WHERE box_id = ? AND page_name = ?");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, box_id).Bind(2, page_name);
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<PageRow>{};
  return PageRow{select->Text(0), select->Text(1), select->Text(2), select->Text(3)};
}

// Pages leave custody while the box is being scanned or processed (the embedded pipeline may
// deliver the first documents before the last sheet is scanned), never before or after.
Result<void> CheckPagesOpen(const BoxRow& box, std::string_view what, int new_pages) {
  if (box.state != BoxState::kScanning && box.state != BoxState::kScanned && box.state != BoxState::kProcessing) {
    return Refuse(box, what);
  }
  if (new_pages > box.pages_unrecorded()) {
    return Refuse(box, std::string(what) + ": only " + std::to_string(box.pages_unrecorded()) + " of " +
                           std::to_string(box.pages_captured) + " captured pages are not yet delivered or accounted");
  }
  return {};
}

}  // namespace

Result<void> Ledger::RecordPagesCaptured(std::string_view box_id, int total, const Stamp& stamp) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  const std::string what = "record " + std::to_string(total) + " pages captured";
  if (box->state != BoxState::kScanning) return Refuse(*box, what);
  if (total < box->pages_captured) {
    return Refuse(*box, what + ": " + std::to_string(box->pages_captured) + " were recorded already");
  }
  if (total == box->pages_captured) return {};  // a resumed scan repeating its count
  auto update = Statement::Prepare(db, "UPDATE boxes SET pages_captured = ? WHERE box_id = ?");
  if (!update) return tl::unexpected(update.error());
  update->Bind(1, int64_t{total}).Bind(2, box_id);
  if (auto done = update->Run(); !done) return done;
  if (auto audited = WriteAudit(
          db, box_id, stamp, "pages captured " + std::to_string(box->pages_captured) + " -> " + std::to_string(total));
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<void> Ledger::RecordPageDelivered(std::string_view box_id, const PageDelivery& page) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  const std::string what = "record page " + page.page_name + " delivered";
  auto existing = LoadPage(db, box_id, page.page_name);
  if (!existing) return tl::unexpected(existing.error());
  if (*existing) {
    const PageRow& had = **existing;
    // A retried delivery (a redelivered message, a rerun after a crash) is the same fact again and
    // keeps its first time; the same page in another document or case is a conflict.
    if (had.outcome == "delivered" && had.document_id == page.document_id && had.jobcenter_id == page.jobcenter_id &&
        had.bg_number == page.bg_number) {
      return {};
    }
    return Fail("box " + box->box_id + " page " + page.page_name + ": recorded already as " + had.outcome +
                (had.document_id.empty() ? "" : " in document " + had.document_id));
  }
  if (auto open = CheckPagesOpen(*box, what, 1); !open) return open;
  auto insert = Statement::Prepare(db, R"sql(
    INSERT INTO pages(box_id, page_name, outcome, document_id, jobcenter_id, bg_number, delivered_at)
    VALUES(?, ?, 'delivered', ?, ?, ?, ?))sql");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, box_id).Bind(2, page.page_name).Bind(3, page.document_id).Bind(4, page.jobcenter_id);
  if (page.bg_number.empty()) {
    insert->BindNull(5);
  } else {
    insert->Bind(5, page.bg_number);
  }
  insert->Bind(6, FormatTimestamp(page.delivered_at));
  if (auto done = insert->Run(); !done) return tl::unexpected(done.error().Prefixed("box " + box->box_id));
  return tx->Commit();
}

Result<void> Ledger::RecordPagesAccounted(std::string_view box_id, const std::vector<std::string>& page_names,
                                          const Stamp& stamp, std::string_view why) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  std::vector<std::string> fresh;      // no row yet: unreadable, blank, separator
  std::vector<std::string> in_review;  // delivered to the review in-tray, settled now by a clerk
  for (const auto& name : page_names) {
    auto existing = LoadPage(db, box_id, name, "page_destinations");
    if (!existing) return tl::unexpected(existing.error());
    if (!*existing) {
      fresh.push_back(name);
    } else if ((*existing)->outcome == "delivered" && (*existing)->jobcenter_id == kReviewJobcenter) {
      in_review.push_back(name);
    } else if ((*existing)->outcome != "accounted") {
      return Fail("box " + box->box_id + " page " + name + ": delivered already to " + (*existing)->jobcenter_id +
                  ", cannot account for it (" + std::string(why) + ")");
    }
  }
  if (fresh.empty() && in_review.empty()) return {};
  const std::string what = "account for " + std::to_string(fresh.size() + in_review.size()) + " pages";
  if (auto open = CheckPagesOpen(*box, what, static_cast<int>(fresh.size())); !open) return open;
  auto insert = Statement::Prepare(db, "INSERT INTO pages(box_id, page_name, outcome) VALUES(?, ?, 'accounted')");
  if (!insert) return tl::unexpected(insert.error());
  for (const auto& name : fresh) {
    insert->Bind(1, box_id).Bind(2, name);
    if (auto done = insert->Run(); !done) return tl::unexpected(done.error().Prefixed("box " + box->box_id));
    insert->Reset();
  }
  // A recorded page is never changed: the clerk's settlement of a review page is a row of its own.
  auto settle = Statement::Prepare(db, R"sql(
    INSERT INTO review_pages_accounted(box_id, page_name, accounted_by, accounted_at, why)
    VALUES(?, ?, ?, ?, ?))sql");
  if (!settle) return tl::unexpected(settle.error());
  for (const auto& name : in_review) {
    settle->Bind(1, box_id).Bind(2, name).Bind(3, stamp.who).Bind(4, FormatTimestamp(stamp.when)).Bind(5, why);
    if (auto done = settle->Run(); !done) return tl::unexpected(done.error().Prefixed("box " + box->box_id));
    settle->Reset();
  }
  // A count, not the names: a box of 2000 sheets would make one unreadable line. The names are in
  // the pages table, one row each.
  if (auto audited = WriteAudit(db, box_id, stamp,
                                std::to_string(fresh.size() + in_review.size()) +
                                    " pages accounted without delivery (" + std::string(why) + ")");
      !audited) {
    return audited;
  }
  return tx->Commit();
}

}  // namespace mailroom::ledger
