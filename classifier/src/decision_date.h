// Reading German dates out of folded OCR text, for ContestedDecisionDate.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mailroom::classifier {

/// A date found in text: where it ends and its ISO form.
struct FoundDate {
  std::size_t end = 0;  ///< position just after the date in the searched text
  std::string iso;      ///< "YYYY-MM-DD"
};

/// The first valid date that starts in folded[from, from + window): "14.03.2025", "14.3.25",
/// "14. marz 2025", "14 . 03 . 2025", with OCR look-alikes in the digits (o/0, l/i/1, s/5, b/8,
/// z/2). Two-digit years are 20yy. nullopt if none.
[[nodiscard]] std::optional<FoundDate> FindDate(std::string_view folded, std::size_t from, std::size_t window);

}  // namespace mailroom::classifier
