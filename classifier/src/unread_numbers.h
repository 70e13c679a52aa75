// Case numbers that are written on a page but could not be read: a line that announces one
// ("BG-Nummer:", "Kundennummer:", "Nummer der Bedarfsgemeinschaft:") and carries digits, but in
// which no number can be found, because OCR garbled it ("1320186G0158907"). Such a page names a
// case we cannot see; it may be another case than the sender's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mailroom/flow/page_reading.h"

namespace mailroom::classifier {

/// The name of the first page that has a case number written on it that could not be read.
[[nodiscard]] std::optional<std::string> PageWithUnreadNumber(const std::vector<const PageReading*>& pages);

}  // namespace mailroom::classifier
