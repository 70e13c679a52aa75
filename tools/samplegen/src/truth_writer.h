// The JSON files of a sample: box.json (inside the box) and truth.json (outside it).
#pragma once

#include <string>

#include "box_plan.h"

namespace mailroom::samplegen {

/// {"box_id", "seal", "origin"}
[[nodiscard]] std::string BoxManifestJson(const BoxPlan& plan);

/// {"box_id", "pages": [...], "envelopes": [...]}: what every page is and where it belongs.
[[nodiscard]] std::string TruthJson(const BoxPlan& plan);

}  // namespace mailroom::samplegen
