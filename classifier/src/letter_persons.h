// The persons a letter names in the places a letter gives them: the addressee's block and the
// signature. A jobcenter's letter that a customer sends back with their mail ("Anhörung",
// "Aufforderung zur Mitwirkung", often stamped KOPIE) is addressed to them: "Herrn Florian
// Krüger", the street, the postcode and town, each on a line; the case number it quotes is its
// addressee's. A letter is signed by its writer: a neighbour's letter by the neighbour.
#pragma once

#include <string>

#include "mailroom/flow/page_reading.h"
#include "sender_match.h"

namespace mailroom::classifier {

/// A signature stands among this many last lines of a page that are not blank (an enclosure list,
/// "Anlagen: ...", may follow it).
inline constexpr std::size_t kSignatureLines = 4;
/// ... on a line of at most this many words: the name alone, perhaps with "i. A." or a title.
inline constexpr std::size_t kSignatureWords = 4;

/// True if `page` holds an address block that names a person of `bg_number`'s case: a line that
/// begins with "Herrn", "Herr" or "Frau", and the two lines under it, in which `senders` find that
/// person's surname, given name and street with house number (a strong match: a letter or two may
/// be misread, "Herrn Florien Krüger"). A name and a town could be a namesake's. A person named in
/// running text ("die Unterlagen meiner Nachbarin Frau ...") stands in no address block.
[[nodiscard]] bool AddressedToPersonOf(const PageReading& page, const std::string& bg_number,
                                       const SenderMatcher& senders);

/// True if `page` is signed by a person of `bg_number`'s case: among its last kSignatureLines
/// lines, a line of at most kSignatureWords words in which `senders` find that person's given name
/// and surname (a strong match). Also on a page whose print could not be read otherwise: a
/// signature's name is set apart, and OCR reads it where it loses the lines of the body.
[[nodiscard]] bool SignedByPersonOf(const PageReading& page, const std::string& bg_number,
                                    const SenderMatcher& senders);

}  // namespace mailroom::classifier
