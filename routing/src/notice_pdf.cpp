// A stand-in page for a page that could not be read, drawn with Cairo's PDF surface.
#include <sstream>

#include "mailroom/common/atomic_file.h"
#include "mailroom/drawing/cairo.h"
#include "mailroom/drawing/pdf.h"
#include "mailroom/routing/output.h"

namespace mailroom::routing {

Result<void> WriteNoticePdf(const std::filesystem::path& output, const std::string& text) {
  auto bytes = drawing::WritePdf({.what = "notice page"}, [&text](cairo_t* cr, std::size_t) {
    drawing::SelectFont(cr, "DejaVu Sans", 12);
    std::istringstream lines(text);
    std::string line;
    double y = 72;
    while (std::getline(lines, line)) {
      drawing::ShowText(cr, 56, y, line);
      y += 18;
    }
  });
  if (!bytes) return tl::unexpected(bytes.error().Prefixed(output.string()));
  return WriteFileAtomically(output, *bytes);
}

}  // namespace mailroom::routing
