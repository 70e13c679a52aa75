// Plain-English operator messages for the ends of a batch.
#pragma once

#include <string>

#include "mailroom/scanner/scanner.h"

namespace mailroom::scanner {

/// E.g. "Paper jam at sheet 14: pages up to 0026.tif are kept. Clear the feeder, put sheet 14 and
/// the sheets after it back in, then resume." `status_text` is SANE's wording, used for kOther.
[[nodiscard]] std::string FaultMessage(FaultKind kind, const std::string& status_text, int sheet, int pages_in_box);

/// The feeder ran empty in the middle of a duplex sheet (front read, back missing).
[[nodiscard]] std::string IncompleteSheetMessage(int sheet, int pages_in_box);

/// The normal end: "Feeder empty: 10 sheets scanned, pages 0001.tif to 0010.tif." or, with no
/// sheets, "The feeder is empty: no sheets were scanned. ..."
[[nodiscard]] std::string FeederEmptyMessage(int sheets_captured, int pages_captured, int pages_in_box);

/// The end of a flatbed batch (one sheet).
[[nodiscard]] std::string FlatbedDoneMessage(int pages_captured, int pages_in_box);

}  // namespace mailroom::scanner
