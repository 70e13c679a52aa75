// Case numbers that OCR misread, recognised by how close they come to a registered number. On a
// faint or dot-matrix page "1320186G0158907" may be all there is of "13201BG0158907": two edits
// from the sender's own case and far from every other registered number, it names that case. A
// misread that comes nearly as close to another case (a number one digit off the sender's, as a
// typo onto a neighbour's case is) names nobody for sure.
#pragma once

#include <string>
#include <string_view>

#include "mailroom/classifier/registry.h"

namespace mailroom::classifier {

/// A misread number at most this many edits from a registered one may be read as it (a character
/// misread as a look-alike of its shape, "8" as "0", "G" as "6", "1" as "7", counts half) ...
inline constexpr int kMaxMisreadEdits = 2;
/// ... if every other case's numbers are at least this many edits farther. A neighbour's number
/// one digit off the sender's (a typo onto another case) is never farther than one more edit,
/// however it was misread: such a reading names nobody for sure.
inline constexpr int kMinMisreadMargin = 2;

/// The fewest edits (substitutions, insertions, deletions) that turn some stretch of `text` into
/// `number`. Letters compare case-insensitively; spaces, hyphens, dots and slashes in `text` are
/// skipped (numbers are written with them).
[[nodiscard]] int EditsToNumberIn(std::string_view number, std::string_view text);

/// The same, with a look-alike of a character's shape (see kMaxMisreadEdits) counting half an edit.
[[nodiscard]] double MisreadEditsToNumberIn(std::string_view number, std::string_view text);

/// True if `text` comes within kMaxMisreadEdits of `bg_number` or of the customer number of one of
/// its persons, and every number (BG or customer) of any other registered case is at least
/// kMinMisreadMargin edits farther from it.
[[nodiscard]] bool MisreadOfOnly(std::string_view text, const std::string& bg_number, const Registry& registry);

/// A number that could not be read does not speak against a case that other evidence names if
/// what was read of it comes at most this many edits from the case's numbers (one more than a
/// misread that names the case: a garbled "BG" and a typo together, "217018G62969784" for
/// "21701BG7969784") ...
inline constexpr int kMaxNearestEdits = kMaxMisreadEdits + 1;
/// ... and every other case's numbers at least this much farther. Weaker than MisreadOfOnly's
/// margin: it never names a case by itself, it only lets the evidence that does decide.
inline constexpr int kMinNearestMargin = 1;

/// True if `text` comes within kMaxNearestEdits of `bg_number` or of the customer number of one
/// of its persons, and every number of any other registered case is at least kMinNearestMargin
/// edits farther from it: a garbled number nearer to that case than to any other.
[[nodiscard]] bool NearerToCaseThanAnyOther(std::string_view text, const std::string& bg_number,
                                            const Registry& registry);

}  // namespace mailroom::classifier
