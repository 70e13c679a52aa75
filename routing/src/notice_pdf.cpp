// A stand-in page for a page that could not be read, drawn with Cairo's PDF surface.
#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <sstream>

#include "mailroom/common/atomic_file.h"
#include "mailroom/routing/output.h"

namespace mailroom::routing {
namespace {

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* c) const noexcept { cairo_destroy(c); }
};

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

constexpr double kA4WidthPt = 595.28, kA4HeightPt = 841.89;

}  // namespace

Result<void> WriteNoticePdf(const std::filesystem::path& output, const std::string& text) {
  std::string bytes;
  {
    std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
        cairo_pdf_surface_create_for_stream(AppendToString, &bytes, kA4WidthPt, kA4HeightPt));
    std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
    cairo_select_font_face(cr.get(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr.get(), 12);
    std::istringstream lines(text);
    std::string line;
    double y = 72;
    while (std::getline(lines, line)) {
      cairo_move_to(cr.get(), 56, y);
      cairo_show_text(cr.get(), line.c_str());
      y += 18;
    }
    cairo_show_page(cr.get());
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      return Fail(output.string() +
                  ": cannot draw notice page: " + cairo_status_to_string(cairo_surface_status(surface.get())));
    }
  }
  return WriteFileAtomically(output, bytes);
}

}  // namespace mailroom::routing
