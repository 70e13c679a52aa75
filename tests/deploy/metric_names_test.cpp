// Alert rules and the Grafana dashboard read only metrics that mailroom exports (the catalogue),
// so a renamed metric cannot leave a silent alert or an empty panel behind.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "deploy_files.h"
#include "monitoring_files.h"
#include "promql_names.h"

using mailroom::testing::DeployDir;
using mailroom::testing::SeriesNames;
using mailroom::testing::UnknownSeries;
using Names = std::set<std::string>;

TEST_CASE("SeriesNames finds the metric and recorded names of an expression and nothing else") {
  CHECK(
      SeriesNames(
          R"(histogram_quantile(0.95, sum by (stage, le) (rate(mailroom_stage_seconds_bucket{stage=~"mailroom_x|ocr"}[5m]))))") ==
      Names{"mailroom_stage_seconds_bucket"});
  CHECK(SeriesNames("(mailroom:shift_judged == 1) and on() (day_of_week() >= 1)") == Names{"mailroom:shift_judged"});
  CHECK(SeriesNames("max_over_time(mailroom_boxes[1h:5m]) offset 1d # mailroom_in_a_comment") ==
        Names{"mailroom_boxes"});
  CHECK(SeriesNames("time() - process_start_time_seconds > 5m") == Names{"process_start_time_seconds"});
  CHECK(SeriesNames(R"(up{job="a\"mailroom_q"} * 1e3)") == Names{});
}

TEST_CASE("UnknownSeries accepts the catalogue, a histogram's series and recorded names only") {
  CHECK(UnknownSeries("mailroom_pages_totl + mailroom_pages_total", {}) == Names{"mailroom_pages_totl"});
  CHECK(UnknownSeries("mailroom_ocr_seconds_sum / mailroom_ocr_seconds_count", {}) == Names{});
  CHECK(UnknownSeries("mailroom_pages_total_bucket", {}) == Names{"mailroom_pages_total_bucket"});
  CHECK(UnknownSeries("mailroom:review_share > 0", {}) == Names{"mailroom:review_share"});
  CHECK(UnknownSeries("mailroom:review_share > 0", {"mailroom:review_share"}) == Names{});
}

TEST_CASE("the alert rules read only catalogued metrics and series recorded in the same file") {
  const auto rules = mailroom::testing::LoadRules(DeployDir() / "prometheus" / "alerts.yml");
  REQUIRE(rules.size() >= 4);
  const auto recorded = mailroom::testing::RecordedNames(rules);
  for (const auto& rule : rules) {
    INFO(rule.group << "/" << rule.name << ": " << rule.expr);
    CHECK(UnknownSeries(rule.expr, recorded) == Names{});
  }
}

TEST_CASE("the Grafana dashboard queries only catalogued metrics, and the ones operations asked for") {
  const auto queries = mailroom::testing::DashboardQueries(DeployDir() / "grafana" / "mailroom.json");
  REQUIRE(queries.size() >= 10);
  Names shown;
  for (const auto& query : queries) {
    INFO(query);
    CHECK(UnknownSeries(query, {}) == Names{});
    for (const auto& name : SeriesNames(query)) shown.insert(name);
  }
  for (const char* wanted : {"mailroom_pages_total", "mailroom_stage_seconds_bucket", "mailroom_ocr_seconds_bucket",
                             "mailroom_documents_total", "mailroom_review_documents_total", "mailroom_errors_total",
                             "mailroom_queue_messages", "mailroom_boxes",
                             "mailroom_oldest_undelivered_page_age_seconds", "mailroom_destruction_due_boxes"}) {
    INFO(wanted);
    CHECK(shown.count(wanted) == 1);
  }
}
