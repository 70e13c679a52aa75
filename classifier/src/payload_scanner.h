// Case numbers inside a barcode payload. Payloads are read exactly (a barcode has a checksum), but
// forms frame the number in many ways: "35301BG0012345", "BG=35301BG0012345;KDNR=123D456789",
// "WBA|35301BG0012345|MK", "B#035301BG0012345", "35301BG0012345-02", "MK/35301BG0012345/WBA-2025",
// "KDNR:123D456789".
#pragma once

#include <string_view>
#include <vector>

#include "number_scanner.h"

namespace mailroom::classifier {

/// The numbers in a payload, in order. A BG number is five digits, "BG" and seven digits; a
/// customer number three digits, an uppercase letter and six digits; no digit may follow either.
/// Digits glued on in front ("B#0" + "35301BG0012345") cannot be told from a longer number, so
/// such a reading is a guess (NumberMatch::guessed) that only the registry can confirm.
[[nodiscard]] std::vector<NumberMatch> ScanPayload(std::string_view payload);

}  // namespace mailroom::classifier
