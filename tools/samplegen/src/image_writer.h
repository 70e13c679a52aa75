// Page image files as a scan centre writes them (Leptonica's writers stay inside image_writer.cpp).
#pragma once

#include <string>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::samplegen {

enum class ImageFileFormat {
  kTiffG4,   ///< bilevel, CCITT G4 (threshold 160 on white paper, scaled with the paper's grey), ".tif"
  kTiffLzw,  ///< 8-bit grey, LZW, ".tif"
  kPng,      ///< 8-bit grey, ".png"
  kJpeg,     ///< 8-bit grey, quality 85, ".jpg"
};

/// File name extension with the dot, matching the format.
[[nodiscard]] const char* FileExtension(ImageFileFormat format);

/// Encodes an 8-bit grey page (its resolution is written into the file) into file bytes.
[[nodiscard]] Result<std::string> EncodeImage(Pix* grey_page, ImageFileFormat format);

}  // namespace mailroom::samplegen
