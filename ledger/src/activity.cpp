// Read-only views for operations (the dashboard and the metrics): deliveries over time and the
// backlog of boxes not delivered yet.
#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {

Result<std::vector<DeliveredPage>> Ledger::DeliveriesSince(Timestamp from) {
  // Timestamps are fixed-width ISO text, so comparing the text compares the times.
  auto select = Statement::Prepare(impl_->db.get(), R"sql(
    SELECT delivered_at, document_id, jobcenter_id = 'review'
    FROM page_destinations WHERE outcome = 'delivered' AND delivered_at >= ?
    ORDER BY delivered_at)sql");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, FormatTimestamp(from));
  std::vector<DeliveredPage> pages;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto at = ParseTimestamp(select->Text(0));
    if (!at) return tl::unexpected(at.error().Prefixed("page delivery"));
    pages.push_back(DeliveredPage{*at, select->Text(1), select->Int(2) != 0});
  }
  return pages;
}

Result<DocumentCounts> Ledger::CountDocuments() {
  auto select = Statement::Prepare(impl_->db.get(), R"sql(
    SELECT count(DISTINCT CASE WHEN jobcenter_id <> 'review' THEN document_id END),
           count(DISTINCT CASE WHEN jobcenter_id = 'review' THEN document_id END)
    FROM page_destinations WHERE outcome = 'delivered')sql");
  if (!select) return tl::unexpected(select.error());
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  return DocumentCounts{static_cast<int>(select->Int(0)), static_cast<int>(select->Int(1))};
}

Result<std::vector<OriginBacklog>> Ledger::Backlog() {
  auto select = Statement::Prepare(impl_->db.get(), R"sql(
    SELECT b.origin_jobcenter, count(*),
           sum(b.pages_captured - (SELECT count(*) FROM page_destinations d WHERE d.box_id = b.box_id AND
                                   (d.outcome = 'accounted' OR d.jobcenter_id <> 'review'))),
           min(b.arrived_at)
    FROM boxes b WHERE b.state IN ('received', 'scanning', 'scanned', 'processing')
    GROUP BY b.origin_jobcenter ORDER BY min(b.arrived_at), b.origin_jobcenter)sql");
  if (!select) return tl::unexpected(select.error());
  std::vector<OriginBacklog> backlog;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto oldest = ParseTimestamp(select->Text(3));
    if (!oldest) return tl::unexpected(oldest.error().Prefixed("origin " + select->Text(0)));
    backlog.push_back(
        OriginBacklog{select->Text(0), static_cast<int>(select->Int(1)), static_cast<int>(select->Int(2)), *oldest});
  }
  return backlog;
}

}  // namespace mailroom::ledger
