// Numbers on a customer's letter that are NOT the case number and must not be taken for one:
// IBANs, phone and fax numbers, dates, amounts, court file references and pension insurance
// numbers, the jobcenter's own address block with its Dienststelle number, and the enclosed copy of
// a letter the jobcenter sent (letterhead, Geschäftszeichen, its bank details).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc_common.h"

namespace mailroom::samplegen {

enum class Decoy { kIban, kPhone, kFax, kDate, kAmount, kAktenzeichen, kJobcenterAddress, kJobcenterLetter };

/// truth.json's word: "iban", "phone", "fax", "date", "amount", "aktenzeichen", "jobcenter_address",
/// "jobcenter_letter".
[[nodiscard]] std::string_view DecoyName(Decoy decoy);

/// All eight, in the order above.
[[nodiscard]] std::vector<Decoy> AllDecoys();

/// Adds `decoy` to the first page of a customer's letter: a body sentence, or (kJobcenterAddress)
/// the jobcenter's phone, fax and Dienststelle number under its address. kJobcenterLetter is a page
/// of its own: see JobcenterLetterCopy.
void AddDecoy(PageLayout& page, Decoy decoy, const DocumentRequest& request, Rng& rng);

/// The copy of a letter from the jobcenter that a customer encloses: its letterhead, the
/// Geschäftszeichen, "Unser Zeichen", the clerk's phone and fax, the date (`date`, else random),
/// a short text, and its bank details and Dienststelle number in the footer. It quotes
/// `quoted_bg` (the writer's own case) if given, and never any other case's number.
[[nodiscard]] PageLayout JobcenterLetterCopy(const DocumentRequest& request,
                                             const std::optional<std::string>& quoted_bg,
                                             const std::optional<doc::Date>& date, Rng& rng);

/// The decoy kinds present in `lines` (the text of an envelope), found by their patterns, in the
/// order of AllDecoys. jobcenter_address counts only with a Dienststelle number; a plain recipient
/// block is not a decoy.
[[nodiscard]] std::vector<std::string> FindDecoys(const std::vector<std::string>& lines);

}  // namespace mailroom::samplegen
