// The dashboard's figures from the box ledger: one pass over each read-only view.
#include <map>
#include <set>

#include "mailroom/dashboard/overview.h"

namespace mailroom::dashboard {
namespace {

using std::chrono::seconds;

void AddBoxes(Overview& overview, const std::vector<ledger::BoxSummary>& boxes) {
  std::map<ledger::BoxState, int> by_state;
  for (const auto& box : boxes) {
    by_state[box.state] += 1;
    overview.totals.boxes += 1;
    overview.totals.pages_captured += box.pages_captured;
    overview.totals.pages_delivered += box.pages_delivered;
    overview.totals.pages_accounted += box.pages_accounted;
    overview.totals.pages_in_review += box.pages_in_review;
    overview.totals.pages_open += std::max(0, box.pages_captured - box.pages_delivered - box.pages_accounted);
  }
  for (auto state : ledger::kAllBoxStates) {
    overview.boxes_by_state.emplace_back(ledger::StateName(state), by_state[state]);
  }
}

// Bins of the window, oldest first, each page counted where its delivery falls.
void AddThroughput(Overview& overview, const std::vector<ledger::DeliveredPage>& pages, UtcTime window_start) {
  const int bins = overview.hours * 3600 / overview.bin_seconds;
  for (int i = 0; i < bins; ++i) {
    overview.throughput.push_back({FormatUtcTime(window_start + seconds(i * overview.bin_seconds)), 0, 0});
  }
  for (const auto& page : pages) {
    const auto offset = (page.delivered_at - window_start).count();
    if (offset < 0) continue;
    const auto bin = static_cast<size_t>(offset / overview.bin_seconds);
    if (bin >= overview.throughput.size()) continue;  // delivered "in the future": a clock ahead
    (page.to_review ? overview.throughput[bin].pages_review : overview.throughput[bin].pages_postkorb) += 1;
  }
}

void AddReview(Overview& overview, const std::vector<ledger::DeliveredPage>& last_day, UtcTime now) {
  const UtcTime today = std::chrono::floor<std::chrono::days>(now);
  std::set<std::string> today_documents, day_documents;
  for (const auto& page : last_day) {
    if (!page.to_review) continue;
    day_documents.insert(page.document_id);
    if (page.delivered_at >= today) {
      today_documents.insert(page.document_id);
      overview.review.pages_today += 1;
    }
  }
  overview.review.documents_today = static_cast<int>(today_documents.size());
  overview.review.documents_last_24h = static_cast<int>(day_documents.size());
}

}  // namespace

Result<Overview> ReadOverview(ledger::Ledger& ledger, UtcTime now, int hours, int bin_seconds) {
  if (hours < 1 || bin_seconds < 60 || hours * 3600 % bin_seconds != 0) {
    return Fail("the dashboard's window must be whole hours split into bins of a minute or more");
  }
  Overview overview;
  overview.generated_at = FormatUtcTime(now);
  overview.hours = hours;
  overview.bin_seconds = bin_seconds;

  auto boxes = ledger.ListBoxes();
  if (!boxes) return tl::unexpected(boxes.error());
  AddBoxes(overview, *boxes);

  // The window ends with the bin that holds `now`, so the newest bar fills up as pages arrive.
  const UtcTime window_end = UtcTime{seconds((now.time_since_epoch().count() / bin_seconds + 1) * bin_seconds)};
  const UtcTime window_start = window_end - seconds(hours * 3600);
  const UtcTime since = std::min(window_start, now - std::chrono::hours(24));
  auto delivered = ledger.DeliveriesSince(since);
  if (!delivered) return tl::unexpected(delivered.error());
  AddThroughput(overview, *delivered, window_start);
  std::erase_if(*delivered,
                [&](const ledger::DeliveredPage& p) { return p.delivered_at < now - std::chrono::hours(24); });
  AddReview(overview, *delivered, now);

  // Counted by the database: the page rows of every box ever delivered are not read per poll.
  auto documents = ledger.CountDocuments();
  if (!documents) return tl::unexpected(documents.error());
  overview.totals.documents_postkorb = documents->postkorb;
  overview.totals.documents_review = documents->review;

  auto backlog = ledger.Backlog();
  if (!backlog) return tl::unexpected(backlog.error());
  for (const auto& origin : *backlog) {
    overview.backlog.push_back({origin.origin_jobcenter, origin.boxes, origin.pages_open,
                                FormatUtcTime(origin.oldest_arrived_at),
                                std::max<long long>(0, (now - origin.oldest_arrived_at).count())});
  }

  auto due = ledger.PreviewDestructionDue(std::chrono::floor<std::chrono::days>(now));
  if (!due) return tl::unexpected(due.error());
  for (const auto& box : *due) {
    overview.destruction_due.push_back({box.box_id, box.seal, box.origin_jobcenter, box.pages_captured,
                                        FormatUtcTime(box.delivered_at), FormatUtcDate(box.retention_until)});
  }

  auto stations = ledger::Stations(ledger).All();
  if (!stations) return tl::unexpected(stations.error());
  overview.stations = std::move(*stations);
  return overview;
}

}  // namespace mailroom::dashboard
