#include "mailroom/drawing/cairo.h"

namespace mailroom::drawing {

Result<void> CheckStatus(cairo_status_t status, const std::string& what) {
  if (status == CAIRO_STATUS_SUCCESS) return {};
  return Fail(what + ": " + cairo_status_to_string(status));
}

Result<SurfacePtr> CreateImageSurface(cairo_format_t format, int width, int height) {
  SurfacePtr surface(cairo_image_surface_create(format, width, height));
  auto created = CheckStatus(cairo_surface_status(surface.get()), "cannot create Cairo surface");
  if (!created) return tl::unexpected(created.error());
  return surface;
}

Result<ContextPtr> CreateContext(cairo_surface_t* surface) {
  ContextPtr cr(cairo_create(surface));
  auto created = CheckStatus(cairo_status(cr.get()), "cannot create Cairo context");
  if (!created) return tl::unexpected(created.error());
  return cr;
}

void SelectFont(cairo_t* cr, const std::string& family, double size, bool bold) {
  cairo_select_font_face(cr, family.c_str(), CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

void ShowText(cairo_t* cr, double x, double baseline, const std::string& text) {
  cairo_move_to(cr, x, baseline);
  cairo_show_text(cr, text.c_str());
}

double TextAdvance(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

}  // namespace mailroom::drawing
