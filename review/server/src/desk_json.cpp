#include "desk_json.h"

namespace mailroom::review {

nlohmann::json InTrayEntryJson(const ReviewDocument& document, const std::string& origin, UtcTime now) {
  return {{"document_id", document.document_id},
          {"box_id", document.box_id},
          {"origin", origin},
          {"reason", document.reason},
          {"priority", document.priority},
          {"box_arrived_at", document.box_arrived_at},
          {"waiting", WaitingTime(document.box_arrived_at, now)},
          {"doc_type", document.doc_type},
          {"pages", document.pages.size()},
          {"candidates", document.candidates}};
}

nlohmann::json DocumentJson(const ReviewDocument& document, const std::string& origin, UtcTime now) {
  auto json = InTrayEntryJson(document, origin, now);
  json["pages"] = document.pages;
  json["contested_decision_date"] =
      document.contested_decision_date ? nlohmann::json(*document.contested_decision_date) : nlohmann::json(nullptr);
  json["confidence"] = document.confidence;
  json["evidence"] = document.evidence;
  json["person_match"] = document.person_match;
  json["candidate_evidence"] = nlohmann::json::array();
  for (const auto& candidate : document.candidate_evidence) {
    json["candidate_evidence"].push_back(
        {{"bg_number", candidate.bg_number},
         {"jobcenter_id", candidate.jobcenter_id ? nlohmann::json(*candidate.jobcenter_id) : nlohmann::json(nullptr)},
         {"score", candidate.score},
         {"numbers", candidate.numbers},
         {"person_match", candidate.person_match}});
  }
  return json;
}

nlohmann::json ResolvedCaseJson(const ResolvedCase& resolved) {
  return {{"bg_number", resolved.bg_number},
          {"jobcenter_id", resolved.jobcenter_id},
          {"doc_type", resolved.doc_type},
          {"team", resolved.team},
          {"persons", resolved.persons}};
}

nlohmann::json OutcomeJson(const DeskOutcome& outcome) {
  return {{"summary", outcome.summary},
          {"documents", outcome.documents},
          {"delivered", outcome.delivered ? nlohmann::json(*outcome.delivered) : nlohmann::json(nullptr)},
          {"box_delivered", outcome.box_delivered}};
}

}  // namespace mailroom::review
