// The metrics of one process: counters, gauges and histograms of the catalogue (catalogue.h),
// each with its label values, written as Prometheus text for /metrics.
//
// Stages record through the process-wide Registry::Default(), as Prometheus client libraries do,
// so that a library deep in the pipeline need not be handed a registry. Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/metrics/catalogue.h"

namespace mailroom::metrics {

/// Label values, in the order the catalogue names the labels.
using LabelValues = std::vector<std::string>;

class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  /// The registry of this process.
  static Registry& Default();

  /// Adds `amount` (>= 0) to a counter. A name not in the catalogue, of another type, or with
  /// the wrong number of label values is a programming error: std::logic_error.
  void Add(std::string_view name, const LabelValues& labels, double amount = 1);
  /// Sets a gauge.
  void Set(std::string_view name, const LabelValues& labels, double value);
  /// Forgets every series of a gauge, before a collector sets the ones that exist now (a
  /// jobcenter whose backlog is gone must not stay at its last value).
  void ClearGauge(std::string_view name);
  /// Records one observation in a histogram (buckets: kSecondsBuckets).
  void Observe(std::string_view name, const LabelValues& labels, double value);

  /// A function run before each exposition, to read gauges that live elsewhere (the ledger, the
  /// broker's queues). It runs without the registry's lock held and may call Set and ClearGauge.
  /// Returns its id, for RemoveCollector (before whatever it reads goes away).
  using Collector = std::function<void(Registry&)>;
  int AddCollector(Collector collector);
  void RemoveCollector(int id);

  /// The current value of a counter or gauge series (0 when never set), for tests and summaries.
  [[nodiscard]] double Value(std::string_view name, const LabelValues& labels) const;

  /// Runs the collectors, then writes every family that has a series, in catalogue order, in the
  /// Prometheus text format 0.0.4.
  [[nodiscard]] std::string Exposition();

  /// Upper bounds of the histogram buckets, in seconds: from a fast page to a slow box.
  static const std::vector<double> kSecondsBuckets;

 private:
  struct Series;
  struct Family;
  Family& FamilyOf(std::string_view name, Type type, const LabelValues& labels);

  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Family>, std::less<>> families_;
  std::mutex collectors_mutex_;
  std::map<int, Collector> collectors_;
  int next_collector_ = 1;
};

// Shorthands for the stages, on Registry::Default().
/// mailroom_pages_total{stage, direction="in"|"out"}
void CountPages(std::string_view stage, std::string_view direction, int pages = 1);
/// mailroom_stage_seconds{stage}
void ObserveStage(std::string_view stage, double seconds);
/// mailroom_errors_total{stage, kind}
void CountError(std::string_view stage, std::string_view kind);
/// mailroom_documents_total{destination="postkorb"|"review"}: counted where documents are delivered.
void CountDocument(bool routed);
/// mailroom_review_documents_total{reason}: counted where documents are classified (the reason is
/// Classification::review_kind, a fixed word).
void CountReview(std::string_view reason);
/// mailroom_ocr_seconds
void ObserveOcr(double seconds);
/// Seconds since `start`, for the observations above.
[[nodiscard]] double SecondsSince(std::chrono::steady_clock::time_point start);

}  // namespace mailroom::metrics
