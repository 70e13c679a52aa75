// Case numbers that are written on a page but could not be read: a line that announces one
// ("BG-Nummer:", "Kundennummer:", "Nummer der Bedarfsgemeinschaft:") and carries digits, but in
// which no number can be found, because OCR garbled it ("1320186G0158907"). Such a page names a
// case we cannot see; it may be another case than the sender's.
#pragma once

#include <string>
#include <vector>

#include "mailroom/flow/page_reading.h"

namespace mailroom::classifier {

/// A case number written on a page that could not be read.
struct UnreadNumber {
  std::string page;  ///< the page's name
  std::string text;  ///< what stands after the label, dates taken out: the garbled number and the rest of the line
};

/// Every case number written on `pages` that could not be read, in page order.
[[nodiscard]] std::vector<UnreadNumber> UnreadNumbers(const std::vector<const PageReading*>& pages);

}  // namespace mailroom::classifier
