// Exact formats of the registry's identifiers (CONTRACT.md). Used to validate the registry and to
// check what the scanner normalised.
#pragma once

#include <string_view>

namespace mailroom::classifier {

/// True for exactly 5 digits + "BG" + 7 digits, e.g. "35301BG0012345".
[[nodiscard]] bool IsBgNumber(std::string_view s);

/// True for exactly 3 digits + one uppercase letter + 6 digits, e.g. "123D456789".
[[nodiscard]] bool IsCustomerNumber(std::string_view s);

/// True for exactly 5 digits (a dienststelle, the prefix of a jobcenter's BG numbers).
[[nodiscard]] bool IsDienststelle(std::string_view s);

/// True for a real calendar date written YYYY-MM-DD (leap years included).
[[nodiscard]] bool IsIsoDate(std::string_view s);

/// The number of positions at which two equally long strings differ; -1 when lengths differ.
[[nodiscard]] int HammingDistance(std::string_view a, std::string_view b);

}  // namespace mailroom::classifier
