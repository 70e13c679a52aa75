// The ways a case or customer number is written on mail: the spellings people and forms use, the
// payloads of case barcodes, and one-digit typos. Used by the classification mix.
#pragma once

#include <set>
#include <string>

#include "rng.h"

namespace mailroom::samplegen::numbers {

/// A BG number as written: parts joined by nothing, spaces, hyphens or dots ("35301.BG.0012345"),
/// sometimes without the leading zeros of the 7-digit part ("35301BG12345"; only if
/// `allow_short`).
[[nodiscard]] std::string WriteBg(const std::string& bg, bool allow_short, Rng& rng);

/// A customer number as written: "123D456789", "123 D 456789", "123-D-456789", "123D 456789".
[[nodiscard]] std::string WriteCustomerNumber(const std::string& customer_number, Rng& rng);

/// A label for a written BG number: "BG-Nummer: ", "BG-Nr. ", "Az.: ", ...
[[nodiscard]] std::string BgLabel(Rng& rng);
/// A label for a written customer number: "Kundennummer: ", "Kd.-Nr. ", ...
[[nodiscard]] std::string CustomerLabel(Rng& rng);

/// A case barcode's payload and symbology.
struct BarcodePayload {
  std::string payload;
  std::string format;                 ///< "Code128" (short payloads only), "DataMatrix" or "QRCode"
  bool customer_number_only = false;  ///< "KDNR:123D456789": the BG number is not in it
};

/// One of the payload formats jobcenter forms use: the bare number, key=value lists, fields split
/// by '|' or ';', a prefix glued on ("B#0"), a suffix after '-', a clerk's short code and a form
/// code around it, or (sometimes) the customer number instead.
[[nodiscard]] BarcodePayload CaseBarcode(const std::string& bg, const std::string& customer_number, Rng& rng);

/// `bg` with one digit of its 7-digit part changed, such that the result is not in `avoid`.
[[nodiscard]] std::string OneDigitTypo(const std::string& bg, const std::set<std::string>& avoid, Rng& rng);

/// A well-formed BG number of an office that is none of `offices` (5-digit dienststellen), its
/// prefix at least two digits away from each: an old number from before a move or a merger.
[[nodiscard]] std::string ForeignOfficeBg(const std::set<std::string>& offices, Rng& rng);

/// Positions at which two equally long strings differ.
[[nodiscard]] int HammingDistance(const std::string& a, const std::string& b);

}  // namespace mailroom::samplegen::numbers
