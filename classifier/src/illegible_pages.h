// Pages whose print could not be read: faint dot-matrix print, a stain over the text, a damaged
// copy. OCR returns little from them, so whatever they say about their case is unknown: such a
// page may be another household's (a neighbour's bank statement put in with one's own letter) and
// must not inherit the case the envelope's other pages point to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mailroom/classifier/registry.h"
#include "mailroom/flow/page_reading.h"
#include "sender_match.h"

namespace mailroom::classifier {

/// A page with at least this much ink in pieces the size of print (square millimetres) has text:
/// a few lines. Notes by hand on a back side stay below it.
inline constexpr float kMinIllegibleInkMm2 = 400;
/// ... and is illegible when this share of that ink or more lies outside confidently read words.
/// Well read pages, stains and shadows included, stay under 0.3.
inline constexpr float kMinIllegibleShare = 0.45F;

/// Faint print can be lost in thresholding as well as in reading: a dot-matrix rent certificate at
/// 150 dpi kept 225 mm² of ink, as much as a received-stamp on a back side (dev seed 4247,
/// hard-150; it was misrouted with the other household's form in its envelope). What tells them
/// apart is how far it spreads: Tesseract found fragments on 10 lines of the certificate, on 3
/// lines at most of the back sides. So a page with at least this much ink ...
inline constexpr float kMinLostPrintInkMm2 = 100;
/// ... nearly none of it read ...
inline constexpr float kMinLostPrintShare = 0.9F;
/// ... and fragments read on at least this many lines (a line with a letter or digit in it) is
/// illegible too.
inline constexpr int kMinLostPrintLines = 6;

/// Hard to read, not yet illegible: enough unread print that a case number among it could have
/// been missed (well read pages stay under 0.26, stains and lid shadows included).
inline constexpr float kMinHardToReadShare = 0.3F;

/// True for a content page with print of which kMinHardToReadShare or more was not read, and for
/// an illegible one.
[[nodiscard]] bool IsHardToRead(const PageReading& page);

/// True for a content page that has print but of which OCR read too little (PageReading's
/// ink_mm2 and unread_ink_share), or whose print was mostly lost but for fragments on many lines.
[[nodiscard]] bool IsIllegible(const PageReading& page);

/// The first page of `pages` that is hard to read and does not show itself to be the case's: the
/// case's person is not named on it (`senders`, on the page alone: by name and address, or clearly
/// in its short lines, NamedInShortLines: "Kontoinhaber: Holger Bergmann" on a faint bank
/// statement, a signature), and its page number does not continue the page before it ("Seite 2
/// von 2" after "Seite 1 von 2" or after a page without a number). A case number missed on such a
/// page may be another household's.
[[nodiscard]] const PageReading* HardToReadWithoutOwnPerson(const std::vector<const PageReading*>& pages,
                                                            const std::string& bg_number, const SenderMatcher& senders);

/// The first page of `pages` that is illegible and shows nothing of `bg_number`'s case of its own:
/// none of its case numbers or barcodes (as far as they could be read) names it in the registry,
/// and no person of it is named on the page (`senders`, on the page alone: by name and address, or
/// clearly in its short lines, as a signature is read where the body is lost). A garbled number
/// that names no registered case is no evidence that the page belongs to the case. A page that the
/// page numbers around it place inside a letter is not asked: "Seite 3 von 3" after "Seite 2 von
/// 3", "Seite 2" after a page without a number, between a letter's first page and "Seite 3 von
/// 3", or after "Seite 2 von 3" where the page after it is no "Seite 3". Nor is the first page of
/// a letter whose next pages ("Seite 2 von 2") name the case or are signed by its person.
[[nodiscard]] const PageReading* IllegibleWithoutOwnCase(const std::vector<const PageReading*>& pages,
                                                         const std::string& bg_number, const Registry& registry,
                                                         const SenderMatcher& senders);

}  // namespace mailroom::classifier
