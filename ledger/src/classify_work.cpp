// The classify workers' shared journal and claims (classify_work.h), in tables classify_boxes and
// classify_readings (schema version 6).
#include "mailroom/ledger/classify_work.h"

#include <algorithm>

#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {

bool ClassifyJournal::Complete() const {
  return !manifest_ref.empty() &&
         std::none_of(reading_refs.begin(), reading_refs.end(), [](const std::string& ref) { return ref.empty(); });
}

ClassifyWork::ClassifyWork(Ledger& ledger) : db_(ledger.impl_->db.get()) {}

namespace {

// Runs one INSERT/UPDATE in a transaction holding the box's write lock; returns the rows changed.
template <typename BindFn>
Result<int64_t> WriteBox(Db* db, std::string_view box_id, std::string_view sql, BindFn bind) {
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto stmt = Statement::Prepare(db, sql);
  if (!stmt) return tl::unexpected(stmt.error());
  bind(*stmt);
  if (auto ran = stmt->Run(); !ran) return tl::unexpected(ran.error());
  const int64_t changed = stmt->Changes();
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return changed;
}

std::string Problem(std::string_view box_id, const std::string& what) {
  return "classify journal of box " + std::string(box_id) + ": " + what;
}

}  // namespace

Result<void> ClassifyWork::JournalManifest(std::string_view box_id, int pages, std::string_view manifest_ref) {
  if (box_id.empty() || manifest_ref.empty() || pages < 0)
    return Fail(Problem(box_id, "a manifest needs an id and a ref"));
  auto written = WriteBox(db_, box_id,
                          "INSERT INTO classify_boxes(box_id, manifest_ref, pages) VALUES (?, ?, ?) "
                          "ON CONFLICT DO NOTHING",
                          [&](Statement& s) { s.Bind(1, box_id).Bind(2, manifest_ref).Bind(3, int64_t{pages}); });
  if (!written) return tl::unexpected(written.error().Prefixed(Problem(box_id, "manifest")));
  return {};
}

Result<void> ClassifyWork::JournalReading(std::string_view box_id, int index, std::string_view reading_ref) {
  if (box_id.empty() || reading_ref.empty() || index < 0)
    return Fail(Problem(box_id, "a reading needs an index and a ref"));
  auto written = WriteBox(db_, box_id,
                          "INSERT INTO classify_readings(box_id, page_index, reading_ref) VALUES (?, ?, ?) "
                          "ON CONFLICT DO NOTHING",
                          [&](Statement& s) { s.Bind(1, box_id).Bind(2, int64_t{index}).Bind(3, reading_ref); });
  if (!written) return tl::unexpected(written.error().Prefixed(Problem(box_id, "page " + std::to_string(index))));
  return {};
}

Result<ClassifyJournal> ClassifyWork::JournalOf(std::string_view box_id) {
  ClassifyJournal journal;
  auto box = Statement::Prepare(
      db_, "SELECT manifest_ref, pages, classified_at IS NOT NULL FROM classify_boxes WHERE box_id = ?");
  if (!box) return tl::unexpected(box.error());
  box->Bind(1, box_id);
  auto found = box->Step();
  if (!found) return tl::unexpected(found.error());
  if (*found) {
    journal.manifest_ref = box->Text(0);
    journal.pages = static_cast<int>(box->Int(1));
    journal.classified = box->Int(2) != 0;
    journal.reading_refs.resize(static_cast<std::size_t>(journal.pages));
  }
  auto readings = Statement::Prepare(db_, "SELECT page_index, reading_ref FROM classify_readings WHERE box_id = ?");
  if (!readings) return tl::unexpected(readings.error());
  readings->Bind(1, box_id);
  for (;;) {
    auto row = readings->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    const auto index = static_cast<std::size_t>(readings->Int(0));
    if (index < journal.reading_refs.size()) journal.reading_refs[index] = readings->Text(1);
  }
  return journal;
}

Result<std::vector<std::string>> ClassifyWork::Ready(std::string_view worker, Timestamp now) {
  auto ready = Statement::Prepare(db_, R"sql(
    SELECT b.box_id FROM classify_boxes b
    WHERE b.classified_at IS NULL
      AND (b.claimed_by IS NULL OR b.claimed_by = ?1 OR b.claimed_until < ?2)
      AND (SELECT count(*) FROM classify_readings r WHERE r.box_id = b.box_id AND r.page_index < b.pages) = b.pages
    ORDER BY b.box_id)sql");
  if (!ready) return tl::unexpected(ready.error());
  ready->Bind(1, worker).Bind(2, FormatTimestamp(now));
  std::vector<std::string> boxes;
  for (;;) {
    auto row = ready->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return boxes;
    boxes.push_back(ready->Text(0));
  }
}

Result<bool> ClassifyWork::Claim(std::string_view box_id, std::string_view worker, Timestamp now, Timestamp until) {
  auto claimed =
      WriteBox(db_, box_id, R"sql(
    UPDATE classify_boxes SET claimed_by = ?1, claimed_until = ?2
    WHERE box_id = ?3 AND classified_at IS NULL
      AND (claimed_by IS NULL OR claimed_by = ?1 OR claimed_until < ?4))sql",
               [&](Statement& s) {
                 s.Bind(1, worker).Bind(2, FormatTimestamp(until)).Bind(3, box_id).Bind(4, FormatTimestamp(now));
               });
  if (!claimed) return tl::unexpected(claimed.error().Prefixed(Problem(box_id, "claim")));
  return *claimed == 1;
}

Result<void> ClassifyWork::MarkClassified(std::string_view box_id, std::string_view worker, Timestamp when) {
  auto tx = WriteTransaction::Begin(db_, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto mark = Statement::Prepare(db_,
                                 "UPDATE classify_boxes SET classified_at = coalesce(classified_at, ?), claimed_by = ? "
                                 "WHERE box_id = ?");
  if (!mark) return tl::unexpected(mark.error());
  mark->Bind(1, FormatTimestamp(when)).Bind(2, worker).Bind(3, box_id);
  if (auto ran = mark->Run(); !ran) return ran;
  if (mark->Changes() != 1) return Fail(Problem(box_id, "no manifest journaled, cannot be classified"));
  auto drop = Statement::Prepare(db_, "DELETE FROM classify_readings WHERE box_id = ?");
  if (!drop) return tl::unexpected(drop.error());
  drop->Bind(1, box_id);
  if (auto ran = drop->Run(); !ran) return ran;
  return tx->Commit();
}

Result<bool> ClassifyWork::IsClassified(std::string_view box_id) {
  auto stmt =
      Statement::Prepare(db_, "SELECT count(*) FROM classify_boxes WHERE box_id = ? AND classified_at IS NOT NULL");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, box_id);
  if (auto row = stmt->Step(); !row) return tl::unexpected(row.error());
  return stmt->Int(0) != 0;
}

}  // namespace mailroom::ledger
