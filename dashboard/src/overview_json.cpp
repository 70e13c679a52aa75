// The overview as the JSON documented in overview.h.
#include <nlohmann/json.hpp>

#include "mailroom/dashboard/overview.h"

namespace mailroom::dashboard {
namespace {

nlohmann::json QueuesJson(const std::optional<std::vector<QueueDepth>>& queues) {
  if (!queues) return nullptr;
  auto list = nlohmann::json::array();
  for (const auto& q : *queues)
    list.push_back({{"name", q.name}, {"messages", q.messages}, {"consumers", q.consumers}});
  return list;
}

}  // namespace

nlohmann::json StationJson(const ledger::StationState& s) {
  return {{"station", s.station_id},
          {"state", s.state},
          {"reason", s.reason},
          {"box_id", s.box_id},
          {"pages", s.pages},
          {"jobs_waiting", s.jobs_waiting},
          {"running", s.running},
          {"resume_requested", s.resume_requested},
          {"updated_at", s.updated_at == ledger::Timestamp{} ? "" : FormatUtcTime(s.updated_at)}};
}

nlohmann::json ToJson(const Overview& o) {
  nlohmann::json json;
  json["generated_at"] = o.generated_at;
  json["totals"] = {{"boxes", o.totals.boxes},
                    {"pages_captured", o.totals.pages_captured},
                    {"pages_delivered", o.totals.pages_delivered},
                    {"pages_accounted", o.totals.pages_accounted},
                    {"pages_open", o.totals.pages_open},
                    {"pages_in_review", o.totals.pages_in_review},
                    {"documents_postkorb", o.totals.documents_postkorb},
                    {"documents_review", o.totals.documents_review}};
  auto bins = nlohmann::json::array();
  for (const auto& bin : o.throughput) {
    bins.push_back({{"start", bin.start}, {"pages_postkorb", bin.pages_postkorb}, {"pages_review", bin.pages_review}});
  }
  json["throughput"] = {{"bin_seconds", o.bin_seconds}, {"hours", o.hours}, {"bins", bins}};
  json["boxes_by_state"] = nlohmann::json::object();
  for (const auto& [state, count] : o.boxes_by_state) json["boxes_by_state"][state] = count;
  json["backlog"] = nlohmann::json::array();
  for (const auto& b : o.backlog) {
    json["backlog"].push_back({{"jobcenter", b.jobcenter},
                               {"boxes", b.boxes},
                               {"pages_open", b.pages_open},
                               {"oldest_arrived_at", b.oldest_arrived_at},
                               {"oldest_age_seconds", b.oldest_age_seconds}});
  }
  json["review"] = {{"documents_today", o.review.documents_today},
                    {"pages_today", o.review.pages_today},
                    {"documents_last_24h", o.review.documents_last_24h}};
  json["destruction_due"] = nlohmann::json::array();
  for (const auto& d : o.destruction_due) {
    json["destruction_due"].push_back({{"box_id", d.box_id},
                                       {"seal", d.seal},
                                       {"origin", d.origin},
                                       {"pages", d.pages},
                                       {"delivered_at", d.delivered_at},
                                       {"retention_until", d.retention_until}});
  }
  json["stations"] = nlohmann::json::array();
  for (const auto& s : o.stations) json["stations"].push_back(StationJson(s));
  json["queues"] = QueuesJson(o.queues);
  json["queues_error"] = o.queues_error ? nlohmann::json(*o.queues_error) : nlohmann::json(nullptr);
  return json;
}

}  // namespace mailroom::dashboard
