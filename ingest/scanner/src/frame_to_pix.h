// Converting a raw SANE frame into a Leptonica image (the one place that knows both layouts).
#pragma once

#include "frame.h"
#include "mailroom/image/pix.h"

namespace mailroom::scanner {

/// 1-bit gray -> 1 bpp (SANE and Leptonica agree: 1 is black); 8-bit gray -> 8 bpp; 16-bit gray
/// -> 8 bpp (high byte); 8/16-bit RGB -> 32 bpp. Padding after each line is skipped. The
/// resolution is stored in the image. 1-bit RGB is an error.
[[nodiscard]] Result<PixPtr> PixFromFrame(const Frame& frame, int resolution_dpi);

}  // namespace mailroom::scanner
