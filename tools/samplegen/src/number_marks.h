// What people and printers do around the case number of a page: a note written by hand beside it,
// a grey box printed behind its line, a monospaced printer font. The number itself is never
// touched: these test that capture still reads it with something else close by.
#pragma once

#include <cstddef>
#include <optional>

#include "layout.h"
#include "rng.h"

namespace mailroom::samplegen {

/// Where a BG or customer number is printed: its row, that row's baseline, and how far right the
/// number ends (estimated from the font size, generously, so that what is put beside it clears it).
struct NumberSpot {
  bool in_footer = false;
  std::size_t row = 0;  ///< index into rows or footer
  double baseline_mm = 0;
  double start_mm = 0;  ///< left end of the row's text
  double end_mm = 0;    ///< right end of the number
  double size_pt = 11;
};

/// The first row (rows, then footer) that prints something written like a BG number
/// ("35301.BG.0012345", "35301 BG 12345") or a customer number ("123D456789", "123-D-456789").
[[nodiscard]] std::optional<NumberSpot> FindNumber(const PageLayout& page);

/// A short note by hand ("eilt!", "geprüft", initials and a date, ...) to the right of the number
/// in its line, or just above it where the line has no room left.
void WriteBesideNumber(PageLayout& page, const NumberSpot& spot, Rng& rng);

/// A grey box behind the number's line (and sometimes one behind the page's first lines), as on
/// forms that shade their fields; without a number, behind the first lines only.
void ShadeFields(PageLayout& page, const std::optional<NumberSpot>& spot, Rng& rng);

/// A monospaced font of the kind dot-matrix printers imitate.
[[nodiscard]] const char* PrinterFont(Rng& rng);

}  // namespace mailroom::samplegen
