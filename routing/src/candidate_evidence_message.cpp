// The review's evidence per candidate case in the document message, beside MakeDocument and
// ClassificationOf, so that both transports and the in-tray read it the same way.
#include "mailroom/routing/document_message.h"

namespace mailroom::routing {

void SetCandidateEvidence(const std::vector<classifier::CandidateEvidence>& evidence,
                          mailroom::v1::Document& document) {
  // mutable_candidate_evidence() alone would make the field present (an empty list in the JSON).
  if (evidence.empty()) return;
  auto* list = document.mutable_candidate_evidence();
  for (const auto& e : evidence) {
    auto* message = list->add_cases();
    message->set_bg_number(e.bg_number);
    if (e.jobcenter_id) message->set_jobcenter_id(*e.jobcenter_id);
    message->set_score(e.score);
    for (const auto& place : e.numbers) message->add_numbers(place);
    for (const auto& field : e.person_match) message->add_person_match(field);
  }
}

std::vector<classifier::CandidateEvidence> CandidateEvidenceOf(const mailroom::v1::Document& document) {
  std::vector<classifier::CandidateEvidence> evidence;
  for (const auto& message : document.candidate_evidence().cases()) {
    classifier::CandidateEvidence e;
    e.bg_number = message.bg_number();
    if (message.has_jobcenter_id()) e.jobcenter_id = message.jobcenter_id();
    e.score = message.score();
    e.numbers.assign(message.numbers().begin(), message.numbers().end());
    e.person_match.assign(message.person_match().begin(), message.person_match().end());
    evidence.push_back(std::move(e));
  }
  return evidence;
}

}  // namespace mailroom::routing
