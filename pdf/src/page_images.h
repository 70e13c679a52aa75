// The images a PDF page draws, read from the file's structure with qpdf (poppler's C++ API has no
// way to list them): what the ingest needs to rasterise a scanned page at the scan's resolution,
// and to refuse an image that claims more pixels than a page can have before anything decodes it.
#pragma once

#include <string>

#include "mailroom/common/result.h"
#include "mailroom/pdf/pdf_document.h"

namespace mailroom::pdf {

/// The largest image (by the pixels its dictionary claims) of page `index` (0-based) of `file`:
/// images in the page's resources, inherited ones included, and in the form XObjects they hold.
/// Fails with "<file>: <reason>" when qpdf cannot read the file or finds no such page.
[[nodiscard]] Result<PageImageSize> LargestImageOf(const std::string& file, int index);

}  // namespace mailroom::pdf
