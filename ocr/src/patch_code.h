// Patch codes: Kodak's separator symbols (Kodak A-61599), four black bars parallel to the sheet's
// leading edge, two wide (0.20 in) and two narrow (0.08 in), three narrow spaces between them,
// 0.80 in across and at least 2 in long. The wide/narrow order, read from the leading edge,
// names the patch: 1 = WWNN, 2 = WNNW, 3 = WNWN, 4 = NWWN, 6 = NNWW, T = NWNW.
#pragma once

#include <string>
#include <vector>

#include "mailroom/image/pix.h"

namespace mailroom::ocr {

/// One patch code found on a page.
struct PatchCode {
  std::string name;      ///< "1", "2", "3", "4", "6" or "T"
  double angle = 0;      ///< degrees of the bars from the image's rows (about 0 or +-90)
  double across_mm = 0;  ///< measured width of the four bars and three spaces
};

/// The patch codes on an 8-bit grey page of `dpi` dots per inch (each pattern once). The bars may
/// lie along the rows or the columns, skewed by a few degrees; the order is read from the page
/// edge nearest to the code (the leading edge), so a sheet fed upside down or scanned from behind
/// reads the same. Empty when there is none. Thread-safe.
[[nodiscard]] std::vector<PatchCode> FindPatchCodes(Pix* grey, int dpi);

}  // namespace mailroom::ocr
