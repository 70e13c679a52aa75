// Where on a page a 2D symbol (DataMatrix, QR, Aztec, PDF417) may be.
//
// zxing-cpp 1.4's DataMatrix detector searches outward from the centre of the image: on a full
// A4 page with the symbol in a corner it finds nothing, while the same symbol cropped decodes at
// once. So we find compact, dense ink blobs with Leptonica and give zxing-cpp one crop each.
#pragma once

#include <vector>

#include "mailroom/common/pix.h"

namespace mailroom::ocr {

struct Region {
  int left = 0, top = 0, width = 0, height = 0;
};

/// Regions of an 8-bit page (in its pixel coordinates, quiet zone included) that are shaped and
/// filled like a 2D symbol, densest first, at most `max_regions`.
[[nodiscard]] std::vector<Region> FindSymbolRegions(Pix* grey, int dpi, size_t max_regions = 12);

}  // namespace mailroom::ocr
