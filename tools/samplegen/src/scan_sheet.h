// One sheet from layout to scanned image, with the defects in the order they happen: the paper
// (tint, show-through, holes), dust on the glass, the sheet's skew and the way it was fed, then
// the scanner's own light and lid shadow.
#pragma once

#include <cstdint>

#include "layout.h"
#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"
#include "scan_defects.h"

namespace mailroom::samplegen {

struct SheetScan {
  const PageLayout* front = nullptr;  ///< what is printed on the scanned side (required)
  const PageLayout* back = nullptr;   ///< what shows through if defects.bleed_grey < 255 (required then)
  SheetDefects defects;
  double skew_degrees = 0;  ///< positive = clockwise; 0: no resampling at all
  int speckles = 0;         ///< dust specks (absolute count)
  std::uint32_t noise_seed = 1;
};

/// Renders and "scans" the sheet at `dpi`: 8-bit grey, resolution set. Without defects, skew and
/// speckles this is exactly RenderLayout. Fails on a render error or an invalid rotation.
[[nodiscard]] Result<PixPtr> ScanSheet(const SheetScan& sheet, int dpi);

}  // namespace mailroom::samplegen
