// The persons a page names in the places that letters and forms give them: the addressee's
// block, the sender block, the signature, the account holder. A jobcenter's letter that a customer
// sends back with their mail ("Anhörung", "Aufforderung zur Mitwirkung", often stamped KOPIE) is
// addressed to them: "Herrn Florian Krüger", the street, the postcode and town, each on a line;
// the case number it quotes is its addressee's. A letter is signed by its writer: a neighbour's
// letter by the neighbour.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/flow/page_reading.h"
#include "sender_match.h"

namespace mailroom::classifier {

/// A line, or a part of a line between commas, of at most this many words stands apart from
/// running text: where letters and forms name their persons (the sender block, the address block,
/// the signature, "Kontoinhaber: ...", a payslip's "Name, Straße 5, 24534 Ort").
inline constexpr std::size_t kShortLineWords = 5;

/// The person whom `senders` find clearly on `pages` (ClearSender: strong, and no other case as
/// well; a namesake of another household, a son of the same name at the same address, is found as
/// well), if any.
[[nodiscard]] std::optional<SenderCandidate> ClearlyNamed(const std::vector<const PageReading*>& pages,
                                                          const SenderMatcher& senders);

/// True if `page` holds an address block that names a person of `bg_number`'s case: a line that
/// begins with "Herrn", "Herr" or "Frau", and the two lines under it, in which `senders` find that
/// person's surname, given name and street with house number (a strong match: a letter or two may
/// be misread, "Herrn Florien Krüger"), and no other case as well (ClearSender: a son of the same
/// name at the same address has a case of his own). A name and a town could be a namesake's. A
/// person named in running text ("die Unterlagen meiner Nachbarin Frau ...") stands in no address
/// block.
[[nodiscard]] bool AddressedToPersonOf(const PageReading& page, const std::string& bg_number,
                                       const SenderMatcher& senders);

/// True if the short lines of `page`, and the short parts between commas of its lines
/// (kShortLineWords words or fewer), name a person of `bg_number`'s case strongly and no other case
/// as well (ClearSender): a namesake of another household, a son of the same name, is named as
/// well. A signature or a sender block is read where faint print loses the lines of a body; a
/// person named in running text ("Frau Erika Mustermann bringt Ihnen diese Unterlagen") may be
/// named on another household's page.
[[nodiscard]] bool NamedInShortLines(const PageReading& page, const std::string& bg_number,
                                     const SenderMatcher& senders);

}  // namespace mailroom::classifier
