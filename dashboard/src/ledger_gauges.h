// The gauges the dashboard exports from its overview: boxes by state, the backlog per origin
// jobcenter, destruction due and queue depths (see metrics/catalogue.h).
#pragma once

#include "mailroom/dashboard/overview.h"
#include "mailroom/metrics/registry.h"

namespace mailroom::dashboard {

/// Replaces those gauges with the figures of `overview`.
void SetGauges(metrics::Registry& registry, const Overview& overview);

}  // namespace mailroom::dashboard
