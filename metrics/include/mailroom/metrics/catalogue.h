// Every metric mailroom exports, in one table: the exporter declares exactly these families, the
// deploy tests check that alert rules and the Grafana dashboard name only these, and the README's
// table is made from the same list. Names follow Prometheus conventions: base units (seconds),
// `_total` for counters, no unit or type in a gauge that counts things.
#pragma once

#include <array>
#include <string_view>

namespace mailroom::metrics {

enum class Type { kCounter, kGauge, kHistogram };

struct MetricInfo {
  std::string_view name;
  Type type;
  std::string_view help;
  std::string_view labels;  ///< label names, comma-separated; empty: none
};

// Stages: scan, ingest, ocr, classify, route, postkorb, process (the embedded run as a whole).
inline constexpr std::array<MetricInfo, 18> kCatalogue{{
    {"mailroom_pages_total", Type::kCounter, "Pages that entered (direction=in) or left (direction=out) a stage.",
     "stage,direction"},
    {"mailroom_stage_seconds", Type::kHistogram,
     "Seconds a stage spent on one item: a page (scan, ocr), a box (ingest, classify, process), a document "
     "(route, postkorb).",
     "stage"},
    {"mailroom_ocr_seconds", Type::kHistogram, "Seconds of OCR per page: clean-up, orientation, text and barcodes.",
     ""},
    {"mailroom_documents_total", Type::kCounter,
     "Documents delivered, to a jobcenter's Postkorb (destination=postkorb) or to review (destination=review).",
     "destination"},
    {"mailroom_review_documents_total", Type::kCounter, "Documents sent to review, by reason.", "reason"},
    {"mailroom_errors_total", Type::kCounter,
     "Errors by stage and kind (unreadable_page, dead_letter, broker_reconnect, scanner_fault, ledger, "
     "output).",
     "stage,kind"},
    {"mailroom_queue_messages", Type::kGauge, "Messages ready in a broker queue, read when scraped.", "queue"},
    {"mailroom_queue_consumers", Type::kGauge, "Consumers of a broker queue, read when scraped.", "queue"},
    {"mailroom_boxes", Type::kGauge, "Boxes in the ledger by state, read when scraped.", "state"},
    {"mailroom_undelivered_pages", Type::kGauge,
     "Pages captured but neither delivered nor accounted for, by the box's origin jobcenter.", "jobcenter"},
    {"mailroom_oldest_undelivered_page_age_seconds", Type::kGauge,
     "Seconds since the arrival of the oldest box with pages not yet delivered, by origin jobcenter: the "
     "backlog that tells when a jobcenter's mail is late.",
     "jobcenter"},
    {"mailroom_destruction_due_boxes", Type::kGauge,
     "Boxes whose paper may be destroyed today (every page delivered, retention passed).", ""},
    {"mailroom_station_state", Type::kGauge,
     "1 for the state a scan station is in (idle, scanning, paused, handing-over), 0 for the others.", "station,state"},
    {"mailroom_station_jobs", Type::kGauge, "Box jobs waiting at a scan station.", "station"},
    {"mailroom_store_bytes", Type::kGauge, "Bytes of the blobs in the content store, as `mailroom store gc` left it.",
     ""},
    {"mailroom_store_blobs", Type::kGauge, "Blobs in the content store, as `mailroom store gc` left it.", ""},
    {"mailroom_build_info", Type::kGauge, "Always 1; the labels name the running version and role.", "version,role"},
    {"process_start_time_seconds", Type::kGauge, "Start time of the process since the Unix epoch, in seconds.", ""},
}};

/// The entry of `name` in kCatalogue, or nullptr.
constexpr const MetricInfo* FindMetric(std::string_view name) {
  for (const auto& metric : kCatalogue) {
    if (metric.name == name) return &metric;
  }
  return nullptr;
}

}  // namespace mailroom::metrics
