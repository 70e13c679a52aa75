// The protocol that goes with the paper to the destruction service: which boxes (ids, seals,
// origins, pages) were released for destruction on a date and by whom, with a field per box for
// the service's date and signature. Ids only, no personal data.
#pragma once

#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::app {

struct DestructionProtocol {
  ledger::Date date;        ///< the day of destruction the list was made for
  std::string prepared_by;  ///< operator id
  ledger::Timestamp prepared_at;
  std::vector<ledger::DueBox> boxes;  ///< in the order to print
};

/// The protocol as PDF bytes (A4 portrait, DejaVu Sans): title, date, who made it, a table with
/// one row per box and an empty "destroyed on / signature" field, totals of boxes and pages, and
/// "page i of n" at the bottom of every page. The table is split over as many pages as needed,
/// its header repeated on each. An empty list gives a one-page protocol saying so. Fails with
/// Cairo's reason when it cannot draw. Thread-safe (no shared state).
[[nodiscard]] Result<std::string> RenderDestructionProtocol(const DestructionProtocol& protocol);

}  // namespace mailroom::app
