// RAII ownership of Cairo objects and Cairo's errors as Result. After this header, no
// cairo_destroy or cairo_surface_destroy appears elsewhere.
#pragma once

#include <cairo.h>

#include <memory>
#include <string>

#include "mailroom/common/result.h"

namespace mailroom::drawing {

struct SurfaceFree {
  void operator()(cairo_surface_t* surface) const noexcept { cairo_surface_destroy(surface); }
};
struct ContextFree {
  void operator()(cairo_t* cr) const noexcept { cairo_destroy(cr); }
};
/// An owned Cairo surface.
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceFree>;
/// An owned Cairo drawing context.
using ContextPtr = std::unique_ptr<cairo_t, ContextFree>;

/// Success for CAIRO_STATUS_SUCCESS, else fails with "what: <Cairo's reason>".
[[nodiscard]] Result<void> CheckStatus(cairo_status_t status, const std::string& what);

/// An image surface of `width` x `height` pixels; fails if Cairo cannot create it.
[[nodiscard]] Result<SurfacePtr> CreateImageSurface(cairo_format_t format, int width, int height);

/// A drawing context on `surface` (which it keeps alive); fails if Cairo cannot create it.
[[nodiscard]] Result<ContextPtr> CreateContext(cairo_surface_t* surface);

// Cairo's toy text API, as the users draw text: a font family by fontconfig name, text placed
// by its start and baseline.

/// Selects `family` (upright, bold or normal) at `size` in user units.
void SelectFont(cairo_t* cr, const std::string& family, double size, bool bold = false);

/// Draws `text` starting at `x` on `baseline` with the current font and source.
void ShowText(cairo_t* cr, double x, double baseline, const std::string& text);

/// How far `text` advances the current point in the current font.
[[nodiscard]] double TextAdvance(cairo_t* cr, const std::string& text);

}  // namespace mailroom::drawing
