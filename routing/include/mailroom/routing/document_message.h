// The wire form of routing's values, for the roles that pass documents over the broker: the
// contract's document message (the same one WriteDocument writes as JSON) and the box report.
// Kept out of output.h so that the stage's own interface speaks the flow's types, not protobuf.
#pragma once

#include <string>
#include <vector>

#include "mailroom.pb.h"
#include "mailroom/classifier/box_plan.h"
#include "mailroom/classifier/classifier.h"
#include "mailroom/routing/output.h"

namespace mailroom::routing {

/// Builds the contract's document message from a classification.
[[nodiscard]] mailroom::v1::Document MakeDocument(const DocumentInput& input, const std::string& pdf_name);

/// The classification a document message carries: the inverse of MakeDocument, for a stage that
/// receives the message (the router of the distributed mode).
[[nodiscard]] classifier::Classification ClassificationOf(const mailroom::v1::Document& document);

/// Sets document.candidate_evidence (review: the evidence of each candidate case); leaves the field
/// unset, so absent from the JSON, when `evidence` is empty: routed documents stay as they were.
void SetCandidateEvidence(const std::vector<classifier::CandidateEvidence>& evidence, mailroom::v1::Document& document);

/// The evidence per candidate case a document message carries, in the candidates' order; empty
/// when it has none (a routed document).
[[nodiscard]] std::vector<classifier::CandidateEvidence> CandidateEvidenceOf(const mailroom::v1::Document& document);

/// The box report (report.json) of a plan: pages in, routed, review, blank and separator pages.
[[nodiscard]] mailroom::v1::BoxReport ReportOf(const classifier::BoxPlan& plan);

}  // namespace mailroom::routing
