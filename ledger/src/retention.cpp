// Retention per origin jobcenter, and releasing paper for destruction once it has passed.
#include "retention.h"

#include <algorithm>

#include "audit.h"
#include "box_row.h"
#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

// Boxes in `state` with their retention date, read in one query; the caller filters by date.
Result<std::vector<DueBox>> BoxesWithRetention(Db* db, BoxState state) {
  auto select = Statement::Prepare(db, R"sql(
    SELECT b.box_id, b.seal, b.origin_jobcenter, b.pages_captured, b.delivered_at, coalesce(r.days, ?1)
    FROM boxes b LEFT JOIN retention r ON r.origin_jobcenter = b.origin_jobcenter
    WHERE b.state = ?2 ORDER BY b.delivered_at, b.box_id)sql");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, int64_t{kDefaultRetentionDays}).Bind(2, StateName(state));
  std::vector<DueBox> boxes;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto delivered = ParseTimestamp(select->Text(4));
    if (!delivered) return tl::unexpected(delivered.error().Prefixed("box " + select->Text(0)));
    boxes.push_back(DueBox{select->Text(0), select->Text(1), select->Text(2), static_cast<int>(select->Int(3)),
                           *delivered, RetentionUntil(*delivered, static_cast<int>(select->Int(5)))});
  }
  return boxes;
}

}  // namespace

Result<int> LoadRetentionDays(Db* db, std::string_view origin_jobcenter) {
  auto select = Statement::Prepare(db, "SELECT days FROM retention WHERE origin_jobcenter = ?");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, origin_jobcenter);
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  return *row ? static_cast<int>(select->Int(0)) : kDefaultRetentionDays;
}

Result<int> Ledger::RetentionDays(std::string_view origin_jobcenter) {
  return LoadRetentionDays(impl_->db.get(), origin_jobcenter);
}

Result<void> Ledger::SetRetentionDays(std::string_view origin_jobcenter, int days, const Stamp& stamp) {
  if (origin_jobcenter.empty()) return Fail("retention: jobcenter id is required");
  if (days < 1) return Fail("retention for " + std::string(origin_jobcenter) + ": must be at least 1 day");
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto upsert = Statement::Prepare(db, R"sql(
    INSERT INTO retention(origin_jobcenter, days) VALUES(?1, ?2)
    ON CONFLICT(origin_jobcenter) DO UPDATE SET days = ?2)sql");
  if (!upsert) return tl::unexpected(upsert.error());
  upsert->Bind(1, origin_jobcenter).Bind(2, int64_t{days});
  if (auto done = upsert->Run(); !done) return done;
  if (auto audited =
          WriteAudit(db, "", stamp,
                     "retention for " + std::string(origin_jobcenter) + " set to " + std::to_string(days) + " days");
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<std::vector<DueBox>> Ledger::DestructionDue(Date date, const Stamp& stamp) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto delivered = BoxesWithRetention(db, BoxState::kDelivered);
  if (!delivered) return tl::unexpected(delivered.error());
  for (const auto& candidate : *delivered) {
    if (candidate.retention_until > date) continue;
    if (auto locked = tx->Lock(BoxScope(candidate.box_id)); !locked) return tl::unexpected(locked.error());
    auto box = LoadBox(db, candidate.box_id);
    if (!box) return tl::unexpected(box.error());
    // Read again under the box's lock: another host may have moved it meanwhile. Delivered implies
    // every page accounted; checked again because this releases paper.
    if (box->state != BoxState::kDelivered || box->pages_open() != 0) continue;
    if (auto written = WriteState(db, *box, BoxState::kDestructionDue, stamp); !written)
      return tl::unexpected(written.error());
  }
  auto due = BoxesWithRetention(db, BoxState::kDestructionDue);
  if (!due) return tl::unexpected(due.error());
  std::erase_if(*due, [date](const DueBox& box) { return box.retention_until > date; });
  std::stable_sort(due->begin(), due->end(),
                   [](const DueBox& a, const DueBox& b) { return a.retention_until < b.retention_until; });
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return due;
}

Result<std::vector<DueBox>> Ledger::PreviewDestructionDue(Date date) {
  Db* db = impl_->db.get();
  std::vector<DueBox> due;
  for (BoxState state : {BoxState::kDelivered, BoxState::kDestructionDue}) {
    auto boxes = BoxesWithRetention(db, state);
    if (!boxes) return tl::unexpected(boxes.error());
    for (auto& box : *boxes) {
      if (box.retention_until <= date) due.push_back(std::move(box));
    }
  }
  std::stable_sort(due.begin(), due.end(),
                   [](const DueBox& a, const DueBox& b) { return a.retention_until < b.retention_until; });
  return due;
}

}  // namespace mailroom::ledger
