// Finds BG and customer numbers in a string (OCR text or a barcode payload), as printed:
// "35301BG0012345", "35301 BG 0012345", "35301-BG-0012345", "35301/BG/0012345", "123D456789",
// "123 D 456789". In OCR text, typical confusions inside the digit groups are repaired
// (O/o->0, I/l/|->1, S->5, B->8) and "8G", "B6", "BC", "86" are read as "BG".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

enum class ScanMode {
  kOcrText,  ///< tolerate OCR confusions; the number must stand as a word of its own
  kBarcode,  ///< exact characters only; a non-digit prefix such as "BG:" may be glued on
};

/// One number found, normalised, with its byte range in the scanned string.
struct NumberMatch {
  CaseEvidence::Kind kind = CaseEvidence::Kind::kBgNumber;
  std::string number;     ///< normalised: "35301BG0012345" or "123D456789"
  std::size_t begin = 0;  ///< first byte of the match
  std::size_t end = 0;    ///< one past the last byte
  int substitutions = 0;  ///< OCR confusions that were repaired to read it
  bool guessed = false;   ///< the repair was a guess: only the registry can confirm it
};

/// All numbers in `text`, in order, not overlapping. Exact digit counts are required, and no digit
/// (in OCR text: no letter or digit) may be glued on either side, so longer numbers, IBANs, phone
/// numbers, dates and amounts do not match.
[[nodiscard]] std::vector<NumberMatch> ScanNumbers(std::string_view text, ScanMode mode);

}  // namespace mailroom::classifier
