// What people write on the back of a sheet before it is scanned: a short handwritten note, or the
// mailroom's receipt stamp. Such a back side is content, not blank.
#pragma once

#include <string>
#include <vector>

#include "layout.h"
#include "rng.h"

namespace mailroom::samplegen {

/// `lines` as a handwritten note: a script font (URW's Z003 from fonts-urw-base35; fontconfig
/// substitutes if it is missing), slanted, words wandering, blue-grey ink (grey ~60..110). Place,
/// tilt, size and ink come from `seed`.
[[nodiscard]] FreeText HandNote(std::vector<std::string> lines, unsigned seed);

/// A receipt stamp: "EINGEGANGEN" over `date` in a double rectangle, tilted, in faded ink.
[[nodiscard]] FreeText ReceiptStamp(const std::string& date, unsigned seed);

/// An otherwise empty page carrying `lines` as a handwritten note.
[[nodiscard]] PageLayout NoteLayout(std::vector<std::string> lines, unsigned seed);

/// A back side with a random note ("Bitte um Rückruf", "Kopie für die Akte", ..., often with
/// initials and a date) or a receipt stamp; its Lines() are what was written.
[[nodiscard]] PageLayout RandomBackNote(Rng& rng);

}  // namespace mailroom::samplegen
