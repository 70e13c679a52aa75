// What a page file holds before it is decoded: PDF or not (by its content), how many frames a
// TIFF has and how many pages a PDF has, each counted without reading more than the limit needs.
#pragma once

#include <filesystem>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"
#include "mailroom/ingest/box.h"

namespace mailroom::ingest {

/// True when the file's first kilobyte holds "%PDF-" (where PDF readers look for it).
[[nodiscard]] bool LooksLikePdf(const std::filesystem::path& path);

/// The frames of a TIFF by following its chain of directories (classic and BigTIFF), counting at
/// most `limit` + 1 of them: a TIFF of a million frames is known to have more than `limit` after
/// reading `limit` + 1 directory headers, none of their tags. A chain that loops or leads out of
/// the file ends there. At least 1: a file that is no TIFF is one page, its decoder names why.
[[nodiscard]] int CountTiffFrames(const std::filesystem::path& path, int limit);

/// The pages of a PDF, from its page tree's count (poppler), without loading a page. Fails with
/// the reason (without the path) when the PDF cannot be opened.
[[nodiscard]] Result<int> CountPdfPages(const std::filesystem::path& path);

/// Page `page.tiff_page` of the PDF `page.path`, rendered as DecodePage says (box.h). Fails with
/// the reason (without the name).
[[nodiscard]] Result<PixPtr> DecodePdfPage(const PageSource& page, const PageLimits& limits);

}  // namespace mailroom::ingest
