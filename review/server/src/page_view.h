// A review document's pages as the clerk sees them: the page of its PDF for each page name, with
// the OCR text (the PDF's invisible text layer) and the page rendered as an image.
#pragma once

#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/review/in_tray.h"

namespace mailroom::review {

/// The resolution a page image is rendered at when the page asks for none: a letter page is then
/// about 830 pixels wide, beside its text on a 1366 pixel screen.
inline constexpr double kDefaultPageDpi = 100;

struct PageView {
  std::string name;  ///< the input file name, as in ReviewDocument::pages
  int index = 0;     ///< 1-based: the page's number in the document and in its URL
  std::string text;  ///< the OCR text; a notice page (the page could not be read) gives its own words
};

/// Every page of the document with its text. The PDF holds one page per entry of `pages`, in the
/// same order (an unreadable page is a notice page that names it: routing's JoinPages), so page i
/// of the PDF is pages[i]; a PDF with another page count is refused, naming the file.
[[nodiscard]] Result<std::vector<PageView>> ReadPageViews(const ReviewDocument& document);

/// Page `index` (1-based) as PNG bytes at `dpi` (pdf::kMinDpi..kMaxDpi); fails naming the
/// document and the page for an index outside 1..pages or a page that cannot be rendered.
[[nodiscard]] Result<std::string> RenderPage(const ReviewDocument& document, int index, double dpi);

}  // namespace mailroom::review
