// The classification mix (SampleOptions::classification_mix): one primary kind of evidence per
// envelope, the documents that carry it, and several documents in some envelopes.
#pragma once

#include "box_plan.h"
#include "rng.h"

namespace mailroom::samplegen {

/// Plans options.envelopes envelopes into `plan` (whose registry, box id, seal and origin are set).
/// Documents are drawn from `rng`, scan defects from `defects`, and every mix decision (evidence,
/// spellings, decoys, registry additions) from a stream of its own derived from the seed.
void PlanMixEnvelopes(const SampleOptions& options, Rng& rng, Rng& defects, BoxPlan& plan);

}  // namespace mailroom::samplegen
