// The registry and its Prometheus text: what a scrape sees after the stages have counted.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <thread>
#include <vector>

#include "mailroom/metrics/registry.h"

namespace mailroom::metrics {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST_CASE("counters add up per label set and are written with HELP and TYPE", "[metrics]") {
  Registry registry;
  registry.Add("mailroom_pages_total", {"ocr", "in"}, 3);
  registry.Add("mailroom_pages_total", {"ocr", "in"});
  registry.Add("mailroom_pages_total", {"ocr", "out"}, 2);
  const std::string text = registry.Exposition();
  CHECK(Has(text, "# TYPE mailroom_pages_total counter"));
  CHECK(text.find("# HELP mailroom_pages_total Pages that entered") != std::string::npos);
  CHECK(Has(text, R"(mailroom_pages_total{stage="ocr",direction="in"} 4)"));
  CHECK(Has(text, R"(mailroom_pages_total{stage="ocr",direction="out"} 2)"));
  CHECK(registry.Value("mailroom_pages_total", {"ocr", "in"}) == 4);
  // A family without series is not written at all: no HELP without samples.
  CHECK(text.find("mailroom_errors_total") == std::string::npos);
}

TEST_CASE("histogram buckets are cumulative and end in +Inf with sum and count", "[metrics]") {
  Registry registry;
  registry.Observe("mailroom_ocr_seconds", {}, 0.3);
  registry.Observe("mailroom_ocr_seconds", {}, 1.5);
  registry.Observe("mailroom_ocr_seconds", {}, 4000);  // beyond the last bound
  const std::string text = registry.Exposition();
  CHECK(Has(text, "# TYPE mailroom_ocr_seconds histogram"));
  CHECK(Has(text, R"(mailroom_ocr_seconds_bucket{le="0.25"} 0)"));
  CHECK(Has(text, R"(mailroom_ocr_seconds_bucket{le="0.5"} 1)"));
  CHECK(Has(text, R"(mailroom_ocr_seconds_bucket{le="2"} 2)"));
  CHECK(Has(text, R"(mailroom_ocr_seconds_bucket{le="900"} 2)"));
  CHECK(Has(text, R"(mailroom_ocr_seconds_bucket{le="+Inf"} 3)"));
  CHECK(Has(text, "mailroom_ocr_seconds_sum 4001.8"));
  CHECK(Has(text, "mailroom_ocr_seconds_count 3"));
}

TEST_CASE("label values are escaped as the text format asks", "[metrics]") {
  Registry registry;
  registry.Set("mailroom_queue_messages", {"odd\"queue\\name\nx"}, 7);
  CHECK(Has(registry.Exposition(), R"(mailroom_queue_messages{queue="odd\"queue\\name\nx"} 7)"));
}

TEST_CASE("collectors set gauges at scrape time, and a cleared gauge forgets old series", "[metrics]") {
  Registry registry;
  int scrapes = 0;
  registry.AddCollector([&scrapes](Registry& r) {
    r.ClearGauge("mailroom_undelivered_pages");
    if (++scrapes == 1) r.Set("mailroom_undelivered_pages", {"jobcenter-kiel"}, 12);
    r.Set("mailroom_undelivered_pages", {"jobcenter-flensburg"}, scrapes);
  });
  const std::string first = registry.Exposition();
  CHECK(Has(first, R"(mailroom_undelivered_pages{jobcenter="jobcenter-kiel"} 12)"));
  CHECK(Has(first, R"(mailroom_undelivered_pages{jobcenter="jobcenter-flensburg"} 1)"));
  const std::string second = registry.Exposition();
  CHECK(second.find("jobcenter-kiel") == std::string::npos);  // its backlog is gone
  CHECK(Has(second, R"(mailroom_undelivered_pages{jobcenter="jobcenter-flensburg"} 2)"));
}

TEST_CASE("a metric outside the catalogue, of the wrong type or with wrong labels is refused", "[metrics]") {
  Registry registry;
  CHECK_THROWS_AS(registry.Add("mailroom_made_up_total", {}), std::logic_error);
  CHECK_THROWS_AS(registry.Set("mailroom_pages_total", {"ocr", "in"}, 1), std::logic_error);
  CHECK_THROWS_AS(registry.Add("mailroom_pages_total", {"ocr"}), std::logic_error);
  CHECK_THROWS_AS(registry.Add("mailroom_pages_total", {"ocr", "in"}, -1), std::logic_error);
}

TEST_CASE("counting from many threads loses nothing", "[metrics]") {
  Registry registry;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&registry] {
      for (int i = 0; i < 1000; ++i) registry.Add("mailroom_pages_total", {"ocr", "out"});
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(registry.Value("mailroom_pages_total", {"ocr", "out"}) == 4000);
}

TEST_CASE("every catalogue entry follows the naming conventions", "[metrics]") {
  for (const MetricInfo& metric : kCatalogue) {
    INFO(metric.name);
    const std::string name(metric.name);
    CHECK((name.rfind("mailroom_", 0) == 0 || name.rfind("process_", 0) == 0));
    const bool ends_total = name.size() > 6 && name.substr(name.size() - 6) == "_total";
    CHECK(ends_total == (metric.type == Type::kCounter));
    if (metric.type == Type::kHistogram) CHECK(name.substr(name.size() - 8) == "_seconds");
    CHECK_FALSE(metric.help.empty());
  }
}

}  // namespace
}  // namespace mailroom::metrics
