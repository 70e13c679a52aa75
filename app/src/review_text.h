// What `mailroom review list` and `mailroom review show` print: a table for a person, JSON for
// a script. Both in the in-tray's working order.
#pragma once

#include <string>

#include "mailroom/review/in_tray.h"

namespace mailroom::app {

/// One line per document: id, box, waiting time, type, pages, reason; objections marked "!".
[[nodiscard]] std::string InTrayTable(const review::InTray& tray, UtcTime now);

/// The in-tray as a JSON array of documents, each with its contract fields and "waiting".
[[nodiscard]] std::string InTrayJson(const review::InTray& tray, UtcTime now);

/// Everything a clerk needs to decide one document, a field per line.
[[nodiscard]] std::string ReviewDocumentText(const review::ReviewDocument& document, UtcTime now);

}  // namespace mailroom::app
