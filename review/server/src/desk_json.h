// The review desk's values as the JSON of its API (documented in desk_server.h). Ids, reasons and
// the persons of a previewed case only: these go to the clerk's browser, never into a log.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "mailroom/common/utc_time.h"
#include "mailroom/review/desk.h"

namespace mailroom::review {

/// One row of GET /api/review: what the list view shows of a document.
[[nodiscard]] nlohmann::json InTrayEntryJson(const ReviewDocument& document, const std::string& origin, UtcTime now);

/// The "document" of GET /api/review/<id>: every field the detail view shows.
[[nodiscard]] nlohmann::json DocumentJson(const ReviewDocument& document, const std::string& origin, UtcTime now);

/// The answer to a preview: the case with its persons, for the clerk to confirm.
[[nodiscard]] nlohmann::json ResolvedCaseJson(const ResolvedCase& resolved);

/// The answer to an action.
[[nodiscard]] nlohmann::json OutcomeJson(const DeskOutcome& outcome);

}  // namespace mailroom::review
