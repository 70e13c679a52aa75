#include "ledger_gauges.h"

namespace mailroom::dashboard {

void SetGauges(metrics::Registry& registry, const Overview& overview) {
  for (const char* gauge :
       {"mailroom_boxes", "mailroom_undelivered_pages", "mailroom_oldest_undelivered_page_age_seconds",
        "mailroom_queue_messages", "mailroom_queue_consumers"}) {
    registry.ClearGauge(gauge);
  }
  for (const auto& [state, count] : overview.boxes_by_state) registry.Set("mailroom_boxes", {state}, count);
  for (const auto& backlog : overview.backlog) {
    registry.Set("mailroom_undelivered_pages", {backlog.jobcenter}, backlog.pages_open);
    registry.Set("mailroom_oldest_undelivered_page_age_seconds", {backlog.jobcenter},
                 static_cast<double>(backlog.oldest_age_seconds));
  }
  registry.Set("mailroom_destruction_due_boxes", {}, static_cast<double>(overview.destruction_due.size()));
  if (overview.queues) {
    for (const auto& queue : *overview.queues) {
      registry.Set("mailroom_queue_messages", {queue.name}, static_cast<double>(queue.messages));
      registry.Set("mailroom_queue_consumers", {queue.name}, static_cast<double>(queue.consumers));
    }
  }
}

}  // namespace mailroom::dashboard
