#include "mailroom/drawing/pdf.h"

#include <cairo-pdf.h>

#include "mailroom/drawing/cairo.h"

namespace mailroom::drawing {
namespace {

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> WritePdf(const PdfPages& pages, const DrawPage& draw) {
  std::string bytes;
  {
    // The surface writes into `bytes` until it is finished, so it ends before `bytes` is returned.
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendToString, &bytes, pages.width_pt, pages.height_pt));
    if (auto created = CheckStatus(cairo_surface_status(surface.get()), "cannot write " + pages.what); !created) {
      return tl::unexpected(created.error());
    }
    if (!pages.title.empty()) {
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, pages.title.c_str());
    }
    {
      ContextPtr cr(cairo_create(surface.get()));
      for (std::size_t page = 0; page < pages.count; ++page) {
        draw(cr.get(), page);
        cairo_show_page(cr.get());
      }
      if (auto drawn = CheckStatus(cairo_status(cr.get()), "cannot draw " + pages.what); !drawn) {
        return tl::unexpected(drawn.error());
      }
    }
    cairo_surface_finish(surface.get());
    if (auto written = CheckStatus(cairo_surface_status(surface.get()), "cannot write " + pages.what); !written) {
      return tl::unexpected(written.error());
    }
  }
  return bytes;
}

}  // namespace mailroom::drawing
