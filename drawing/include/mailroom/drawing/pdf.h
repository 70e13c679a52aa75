// PDF documents drawn with Cairo into memory: the caller draws each page, the helper owns the
// PDF stream surface, shows the pages and reports a failed drawing or surface.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <functional>
#include <string>

#include "mailroom/common/result.h"

namespace mailroom::drawing {

/// A4 in PDF points (1/72 inch).
inline constexpr double kA4WidthPt = 595.28;
inline constexpr double kA4HeightPt = 841.89;

struct PdfPages {
  std::string what;       ///< names the document in errors: "cannot draw <what>: ..."
  std::size_t count = 1;  ///< the number of pages
  double width_pt = kA4WidthPt;
  double height_pt = kA4HeightPt;
  std::string title;  ///< the document's title metadata; none when empty
};

/// Draws page `page` (0-based) on `cr`; the page is shown (ended) by WritePdf.
using DrawPage = std::function<void(cairo_t* cr, std::size_t page)>;

/// The bytes of a PDF of `pages.count` pages, each drawn by `draw`. Fails with "cannot draw
/// <what>: <Cairo's reason>" when a drawing call failed and "cannot write <what>: ..." when the
/// PDF surface failed.
[[nodiscard]] Result<std::string> WritePdf(const PdfPages& pages, const DrawPage& draw);

}  // namespace mailroom::drawing
