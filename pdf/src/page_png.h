// A page rendered by poppler, encoded as a PNG file in memory (no temporary file: poppler's own
// image::save writes only to a path).
#pragma once

#include <poppler/cpp/poppler-image.h>

#include <string>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::pdf {

/// The PNG bytes of `image` (poppler's format_argb32, as its renderer gives by default), 8-bit grey
/// when every pixel is grey, else 8-bit RGB (alpha is dropped: the page is rendered on white
/// paper), with `dpi` as its resolution. Fails with the reason when Leptonica cannot encode it.
[[nodiscard]] Result<std::string> EncodePng(const poppler::image& image, double dpi);

/// `image` (poppler's format_gray8) as an 8-bit grey Pix with `dpi` as its resolution. Fails when
/// Leptonica cannot allocate it.
[[nodiscard]] Result<PixPtr> GreyPix(const poppler::image& image, double dpi);

}  // namespace mailroom::pdf
