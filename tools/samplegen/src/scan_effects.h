// What a production scanner does to a sheet: a slight skew, dust specks, sheets fed upside down.
#pragma once

#include <cstdint>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::samplegen {

/// Rotates an 8-bit page by `degrees` (positive = clockwise, Leptonica's convention) about its
/// centre, keeping the size and bringing in white. |degrees| < 0.01 returns a copy.
[[nodiscard]] Result<PixPtr> Skew(Pix* page, double degrees);

/// Rotates by 180 degrees (a sheet fed upside down).
[[nodiscard]] Result<PixPtr> TurnUpsideDown(Pix* page);

/// Sprinkles `count` small grey-to-black specks (1-3 px) over an 8-bit page, positions from `seed`.
void AddSpeckle(Pix* page, std::uint32_t seed, int count);

}  // namespace mailroom::samplegen
