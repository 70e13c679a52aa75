// The metric names a PromQL expression reads, to hold alert rules and dashboards to the
// catalogue (metrics/include/mailroom/metrics/catalogue.h).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace mailroom::testing {

/// The identifiers in `expr` that name series: those starting with `mailroom_` or `process_`,
/// and recording-rule names (they contain a colon). String literals, label matchers `{...}`,
/// ranges and subqueries `[...]` and `#` comments are skipped, and so are functions, keywords,
/// label names and durations.
std::set<std::string> SeriesNames(std::string_view expr);

/// Whether `name` is a catalogue metric, or the _bucket/_sum/_count series of a catalogue
/// histogram.
bool InCatalogue(std::string_view name);

/// The names of SeriesNames(expr) that are neither in the catalogue nor in `recorded`.
std::set<std::string> UnknownSeries(std::string_view expr, const std::set<std::string>& recorded);

}  // namespace mailroom::testing
