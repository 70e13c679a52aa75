// Renders a PageLayout into a Leptonica image (Cairo stays inside page_renderer.cpp).
#pragma once

#include "layout.h"
#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::samplegen {

/// A4 at `dpi` (rounded to whole pixels), 8-bit grey, white = 255, resolution set.
/// Rows wider than the text column are shrunk to fit. Fails on invalid dpi, an unencodable
/// barcode or a Cairo error. Thread-safe (each call has its own surface).
[[nodiscard]] Result<PixPtr> RenderLayout(const PageLayout& layout, int dpi);

/// A4 size in pixels at `dpi`.
int PageWidthPx(int dpi);
int PageHeightPx(int dpi);

}  // namespace mailroom::samplegen
