// Blank-page detection on the ink of a page. What is not content: scanner dust, dark scanner
// edges (connected to the border), punched holes (dark discs near an edge, where the scanner's
// backing shows through), and the faint shadow of the back side (already white in the ink).
// A short handwritten line or a stamp is content.
#include "blank_detector.h"

#include <cmath>

#include "page_cleanup.h"

namespace mailroom::ocr {
namespace {

// Specks smaller than this (in both directions) are dust or scanner noise: 0.7 mm.
constexpr double kSpeckMillimetres = 0.7;
// A page whose remaining ink covers fewer square millimetres than this is blank. A short
// handwritten word (about 15 x 5 mm of strokes) has several times as much.
constexpr double kMinInkSquareMillimetres = 2.0;
// Remaining ink above this many times the minimum is content without a closer look.
constexpr double kSurelyContentFactor = 500;
// Punched holes: discs of 5 to 8 mm within this distance of an edge.
constexpr double kHoleMinMm = 4.5, kHoleMaxMm = 8.5, kHoleEdgeZoneMm = 25.0;
// A disc fills pi/4 of its bounding box; a letter or a stroke fills far less or far more.
constexpr double kDiscFillMin = 0.65, kDiscFillMax = 0.9;

struct BoxaFree {
  void operator()(Boxa* b) const noexcept { boxaDestroy(&b); }
};
struct PixaFree {
  void operator()(Pixa* p) const noexcept { pixaDestroy(&p); }
};

bool LooksLikePunchHole(Pix* component, int x, int y, int w, int h, int page_w, int page_h, double px_per_mm) {
  const double w_mm = w / px_per_mm, h_mm = h / px_per_mm;
  if (w_mm < kHoleMinMm || w_mm > kHoleMaxMm || h_mm < kHoleMinMm || h_mm > kHoleMaxMm) return false;
  const double zone = kHoleEdgeZoneMm * px_per_mm;
  const bool near_edge = x < zone || y < zone || page_w - (x + w) < zone || page_h - (y + h) < zone;
  if (!near_edge) return false;
  l_int32 filled = 0;
  pixCountPixels(component, &filled, nullptr);
  const double fill = static_cast<double>(filled) / (static_cast<double>(w) * h);
  return fill >= kDiscFillMin && fill <= kDiscFillMax;
}

// Ink pixels of the components that are neither dust nor punched holes.
long SignificantInk(Pix* ink, double px_per_mm) {
  const int speck = std::max(2, static_cast<int>(kSpeckMillimetres * px_per_mm));
  Pixa* components_raw = nullptr;
  std::unique_ptr<Boxa, BoxaFree> boxes(pixConnComp(ink, &components_raw, 8));
  std::unique_ptr<Pixa, PixaFree> components(components_raw);
  if (!boxes || !components) return -1;
  long total = 0;
  const int count = boxaGetCount(boxes.get());
  for (int i = 0; i < count; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    if (w < speck && h < speck) continue;
    PixPtr component(pixaGetPix(components.get(), i, L_CLONE));
    if (!component) continue;
    if (LooksLikePunchHole(component.get(), x, y, w, h, pixGetWidth(ink), pixGetHeight(ink), px_per_mm)) continue;
    l_int32 pixels = 0;
    pixCountPixels(component.get(), &pixels, nullptr);
    total += pixels;
  }
  return total;
}

}  // namespace

bool IsBlankInk(Pix* ink, int dpi) {
  if (dpi <= 0) dpi = 300;
  const double px_per_mm = dpi / 25.4;
  // Scanner edges and lid shadows touch the border of the image.
  PixPtr inner(pixRemoveBorderConnComps(ink, 8));
  if (!inner) return false;  // cannot tell: treat as content, never drop it
  l_int32 quick = 0;
  pixCountPixels(inner.get(), &quick, nullptr);
  const double min_ink = kMinInkSquareMillimetres * px_per_mm * px_per_mm;
  if (quick < min_ink) return true;
  // Holes, specks and stray marks never add up to this much: a page of text, no need to look closer.
  if (quick > kSurelyContentFactor * min_ink) return false;
  const long significant = SignificantInk(inner.get(), px_per_mm);
  return significant >= 0 && significant < min_ink;
}

bool IsBlankPage(const Pix& image) {
  Pix* page = const_cast<Pix*>(&image);
  const int dpi = pixGetXRes(page);
  if (pixGetDepth(page) == 1) return IsBlankInk(page, dpi);
  PixPtr grey = GreyOf(page);
  if (!grey) return false;
  PixPtr evened = EvenedGrey(grey.get());
  PixPtr ink = InkOf(evened.get());
  return ink && IsBlankInk(ink.get(), dpi);
}

}  // namespace mailroom::ocr
