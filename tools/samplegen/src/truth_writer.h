// The JSON files of a sample: box.json (inside the box) and truth.json (outside it).
#pragma once

#include <string>

#include "box_plan.h"

namespace mailroom::samplegen {

/// {"box_id", "seal", "origin"}
[[nodiscard]] std::string BoxManifestJson(const BoxPlan& plan);

/// {"box_id", "pages": [...], "envelopes": [...]}: what every page is and where it belongs. A page
/// is {"file", "kind", "envelope", "bg_number", "jobcenter_id", "doc_type", "rotation" (clockwise
/// degrees applied), "skew_degrees", "lines"} plus, only on pages that have any, "defects": a list
/// of "handwritten_back", "tinted_paper", "bleed_through", "punch_holes", "uneven_light",
/// "scanner_edge". An envelope is {"index", "bg_number", "jobcenter_id", "doc_type" (its first
/// document's), "expect" ("route"/"review"), "reason" (review: the evidence name), "pages",
/// "evidence" (EvidenceName), "decoys" (FindDecoys over its text), "documents": [{"pages",
/// "doc_type", "contested_decision_date" (YYYY-MM-DD or null)}]}.
[[nodiscard]] std::string TruthJson(const BoxPlan& plan);

}  // namespace mailroom::samplegen
