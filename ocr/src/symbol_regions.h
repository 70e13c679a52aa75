// Where on a page a barcode (linear or 2D) may be: compact, dense ink blobs, found with Leptonica
// on a reduced image. Decoding only these crops is what makes barcode reading cheap and avoids
// two zxing-cpp 1.4 weaknesses (see barcode_reader.cpp).
#pragma once

#include <vector>

#include "mailroom/image/pix.h"

namespace mailroom::ocr {

struct Region {
  int left = 0, top = 0, width = 0, height = 0;
};

/// Regions of an 8-bit page (in its pixel coordinates, quiet zone included) that are shaped and
/// filled like a barcode symbol, densest first, at most `max_regions`.
[[nodiscard]] std::vector<Region> FindSymbolRegions(Pix* grey, int dpi, size_t max_regions = 12);

}  // namespace mailroom::ocr
