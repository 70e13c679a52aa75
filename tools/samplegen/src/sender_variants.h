// How people write their own name and address: "ae" for "ä", "ss" for "ß", one part of a double
// surname, no middle name, "Str." for "Straße". The classifier must still find them in the registry.
#pragma once

#include "registry.h"
#include "rng.h"

namespace mailroom::samplegen {

/// "Müller-Weiß" -> "Mueller-Weiss", "Straße" -> "Strasse".
[[nodiscard]] std::string Transliterate(const std::string& text);

/// A copy of `household` whose head (the writer) and address are written in one or more of the
/// ways above, as far as they apply; the registry keeps the proper spelling.
[[nodiscard]] Case AsWritten(const Case& household, Rng& rng);

/// A copy whose writer signs as "Familie <surname>" and gives only the city: no given name, street,
/// postcode or birth date to tell two households of that name apart.
[[nodiscard]] Case FamilyOnly(const Case& household);

}  // namespace mailroom::samplegen
