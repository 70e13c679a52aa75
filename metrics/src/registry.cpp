#include "mailroom/metrics/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "exposition.h"

namespace mailroom::metrics {

const std::vector<double> Registry::kSecondsBuckets{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900};

struct Registry::Series {
  double value = 0;
  std::vector<uint64_t> buckets;  // histograms: observations <= each bound (not yet cumulative)
  double sum = 0;
  uint64_t count = 0;
};

struct Registry::Family {
  const MetricInfo* info = nullptr;
  size_t label_count = 0;
  std::map<LabelValues, Series> series;
};

namespace {

size_t LabelCount(std::string_view labels) {
  return labels.empty() ? 0 : static_cast<size_t>(std::count(labels.begin(), labels.end(), ',')) + 1;
}

const char* TypeName(Type type) {
  switch (type) {
    case Type::kCounter:
      return "counter";
    case Type::kGauge:
      return "gauge";
    case Type::kHistogram:
      return "histogram";
  }
  return "untyped";
}

}  // namespace

Registry::Registry() = default;
Registry::~Registry() = default;

Registry& Registry::Default() {
  static Registry registry;
  return registry;
}

Registry::Family& Registry::FamilyOf(std::string_view name, Type type, const LabelValues& labels) {
  const MetricInfo* info = FindMetric(name);
  if (info == nullptr) throw std::logic_error(fmt::format("metric {} is not in the catalogue", name));
  if (info->type != type) {
    throw std::logic_error(fmt::format("metric {} is a {}, not a {}", name, TypeName(info->type), TypeName(type)));
  }
  const size_t expected = LabelCount(info->labels);
  if (labels.size() != expected) {
    throw std::logic_error(
        fmt::format("metric {} takes {} label values ({}), not {}", name, expected, info->labels, labels.size()));
  }
  auto found = families_.find(name);
  if (found == families_.end()) {
    auto family = std::make_unique<Family>();
    family->info = info;
    family->label_count = expected;
    found = families_.emplace(std::string(name), std::move(family)).first;
  }
  return *found->second;
}

void Registry::Add(std::string_view name, const LabelValues& labels, double amount) {
  if (amount < 0) throw std::logic_error(fmt::format("counter {} cannot go down", name));
  std::lock_guard lock(mutex_);
  FamilyOf(name, Type::kCounter, labels).series[labels].value += amount;
}

void Registry::Set(std::string_view name, const LabelValues& labels, double value) {
  std::lock_guard lock(mutex_);
  FamilyOf(name, Type::kGauge, labels).series[labels].value = value;
}

void Registry::ClearGauge(std::string_view name) {
  std::lock_guard lock(mutex_);
  const MetricInfo* info = FindMetric(name);
  if (info == nullptr || info->type != Type::kGauge) throw std::logic_error(fmt::format("{} is no gauge", name));
  if (auto found = families_.find(name); found != families_.end()) found->second->series.clear();
}

void Registry::Observe(std::string_view name, const LabelValues& labels, double value) {
  std::lock_guard lock(mutex_);
  Series& series = FamilyOf(name, Type::kHistogram, labels).series[labels];
  if (series.buckets.empty()) series.buckets.assign(kSecondsBuckets.size(), 0);
  for (size_t i = 0; i < kSecondsBuckets.size(); ++i) {
    if (value <= kSecondsBuckets[i]) {
      ++series.buckets[i];
      break;
    }
  }
  series.sum += value;
  ++series.count;
}

int Registry::AddCollector(Collector collector) {
  std::lock_guard lock(collectors_mutex_);
  const int id = next_collector_++;
  collectors_.emplace(id, std::move(collector));
  return id;
}

void Registry::RemoveCollector(int id) {
  std::lock_guard lock(collectors_mutex_);
  collectors_.erase(id);
}

double Registry::Value(std::string_view name, const LabelValues& labels) const {
  std::lock_guard lock(mutex_);
  auto family = families_.find(name);
  if (family == families_.end()) return 0;
  auto series = family->second->series.find(labels);
  return series == family->second->series.end() ? 0 : series->second.value;
}

std::string Registry::Exposition() {
  {
    // One scrape at a time runs the collectors; they take the registry's lock themselves.
    std::lock_guard lock(collectors_mutex_);
    for (const auto& [id, collect] : collectors_) collect(*this);
  }
  std::lock_guard lock(mutex_);
  std::string text;
  for (const MetricInfo& info : kCatalogue) {
    auto found = families_.find(info.name);
    if (found == families_.end() || found->second->series.empty()) continue;
    text +=
        fmt::format("# HELP {} {}\n# TYPE {} {}\n", info.name, EscapeHelp(info.help), info.name, TypeName(info.type));
    const auto label_names = SplitLabelNames(info.labels);
    for (const auto& [values, series] : found->second->series) {
      if (info.type != Type::kHistogram) {
        text += fmt::format("{}{} {}\n", info.name, LabelText(label_names, values), FormatValue(series.value));
        continue;
      }
      uint64_t cumulative = 0;
      for (size_t i = 0; i < kSecondsBuckets.size(); ++i) {
        cumulative += series.buckets[i];
        text += fmt::format("{}_bucket{} {}\n", info.name,
                            LabelText(label_names, values, {"le", FormatValue(kSecondsBuckets[i])}), cumulative);
      }
      text += fmt::format("{}_bucket{} {}\n", info.name, LabelText(label_names, values, {"le", "+Inf"}), series.count);
      text += fmt::format("{}_sum{} {}\n", info.name, LabelText(label_names, values), FormatValue(series.sum));
      text += fmt::format("{}_count{} {}\n", info.name, LabelText(label_names, values), series.count);
    }
  }
  return text;
}

void CountPages(std::string_view stage, std::string_view direction, int pages) {
  if (pages <= 0) return;
  Registry::Default().Add("mailroom_pages_total", {std::string(stage), std::string(direction)}, pages);
}

void ObserveStage(std::string_view stage, double seconds) {
  Registry::Default().Observe("mailroom_stage_seconds", {std::string(stage)}, seconds);
}

void CountError(std::string_view stage, std::string_view kind) {
  Registry::Default().Add("mailroom_errors_total", {std::string(stage), std::string(kind)});
}

void CountDocument(bool routed) {
  Registry::Default().Add("mailroom_documents_total", {routed ? "postkorb" : "review"});
}

void CountReview(std::string_view reason) {
  Registry::Default().Add("mailroom_review_documents_total", {reason.empty() ? "other" : std::string(reason)});
}

void ObserveOcr(double seconds) {
  Registry::Default().Observe("mailroom_ocr_seconds", {}, seconds);
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace mailroom::metrics
