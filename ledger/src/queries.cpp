// Read-only views: the box list, receipts for a case, the audit trail.
#include "box_row.h"
#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

Result<Timestamp> TimeColumn(const Statement& row, int column) {
  return ParseTimestamp(row.Text(column));
}

// Box summaries, all of them or (with a non-empty `box_id`) the one box, in order of arrival.
Result<std::vector<BoxSummary>> SelectBoxes(Db* db, std::string_view box_id) {
  auto select = Statement::Prepare(
      db, std::string("SELECT b.box_id, b.seal, b.state, b.pages_captured, b.arrived_at, "
                      "b.origin_jobcenter, ") +
              kPageCountColumns + " FROM boxes b WHERE ?1 = '' OR b.box_id = ?1 ORDER BY b.arrived_at, b.box_id");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, box_id);
  std::vector<BoxSummary> boxes;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto state = ParseState(select->Text(2));
    auto arrived = TimeColumn(*select, 4);
    if (!state) return tl::unexpected(state.error().Prefixed("box " + select->Text(0)));
    if (!arrived) return tl::unexpected(arrived.error().Prefixed("box " + select->Text(0)));
    boxes.push_back(BoxSummary{select->Text(0), select->Text(1), *state, static_cast<int>(select->Int(3)),
                               static_cast<int>(select->Int(6)), static_cast<int>(select->Int(8)), *arrived,
                               select->Text(5), static_cast<int>(select->Int(7))});
  }
  return boxes;
}

}  // namespace

Result<std::vector<BoxSummary>> Ledger::ListBoxes() {
  return SelectBoxes(impl_->db.get(), "");
}

Result<std::optional<BoxSummary>> Ledger::FindBox(std::string_view box_id) {
  if (box_id.empty()) return std::optional<BoxSummary>{};
  auto boxes = SelectBoxes(impl_->db.get(), box_id);
  if (!boxes) return tl::unexpected(boxes.error());
  if (boxes->empty()) return std::optional<BoxSummary>{};
  return std::optional<BoxSummary>{boxes->front()};
}

Result<std::vector<Receipt>> Ledger::Receipts(std::string_view bg_number) {
  if (bg_number.empty()) return Fail("receipt: BG number is required");
  auto select = Statement::Prepare(impl_->db.get(), R"sql(
    SELECT p.document_id, count(*), b.arrived_at, b.box_id, b.origin_jobcenter, p.jobcenter_id,
           max(p.delivered_at)
    FROM page_destinations p JOIN boxes b ON b.box_id = p.box_id
    WHERE p.bg_number = ? AND p.outcome = 'delivered'
    GROUP BY b.box_id, p.document_id, p.jobcenter_id
    ORDER BY min(p.delivered_at), p.document_id)sql");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, bg_number);
  std::vector<Receipt> receipts;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto arrived = TimeColumn(*select, 2);
    auto delivered = TimeColumn(*select, 6);
    if (!arrived) return tl::unexpected(arrived.error());
    if (!delivered) return tl::unexpected(delivered.error());
    receipts.push_back(Receipt{select->Text(0), static_cast<int>(select->Int(1)), *arrived, select->Text(3),
                               select->Text(4), select->Text(5), *delivered});
  }
  return receipts;
}

Result<std::vector<AuditEntry>> Ledger::AuditTrail(std::string_view box_id) {
  auto select = Statement::Prepare(impl_->db.get(), R"sql(
    SELECT coalesce(box_id, ''), who, at, what FROM audit
    WHERE ?1 = '' OR box_id = ?1 ORDER BY seq)sql");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, box_id);
  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto at = TimeColumn(*select, 2);
    if (!at) return tl::unexpected(at.error());
    entries.push_back(AuditEntry{select->Text(0), select->Text(1), *at, select->Text(3)});
  }
  return entries;
}

}  // namespace mailroom::ledger
