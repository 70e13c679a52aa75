#include "mailroom/ocr/ocr.h"

namespace mailroom::ocr {
namespace {

// Ink is what is clearly darker than paper: grey or tinted paper and faint bleed-through from
// the back side stay above this level.
constexpr int kInkThreshold = 140;
// Scanner edges and shadows live in the outermost strip of the sheet.
constexpr double kMarginShare = 0.04;
// Specks smaller than this (in both directions) are dust or scanner noise: 0.7 mm at 300 dpi.
constexpr double kSpeckMillimetres = 0.7;
// A page whose remaining ink covers fewer pixels than this is blank. A short handwritten word
// (about 15 x 5 mm of strokes) has several thousand ink pixels at 300 dpi.
constexpr double kMinInkSquareMillimetres = 2.0;

PixPtr InkOf(const Pix& image) {
  if (pixGetDepth(const_cast<Pix*>(&image)) == 1) return PixPtr(pixClone(const_cast<Pix*>(&image)));
  PixPtr grey(pixConvertTo8(const_cast<Pix*>(&image), 0));
  if (!grey) return nullptr;
  return PixPtr(pixThresholdToBinary(grey.get(), kInkThreshold));
}

}  // namespace

bool IsBlankPage(const Pix& image) {
  PixPtr ink = InkOf(image);
  if (!ink) return false;  // cannot tell: treat as content, never drop it
  const int w = pixGetWidth(ink.get()), h = pixGetHeight(ink.get());
  const int mx = static_cast<int>(w * kMarginShare), my = static_cast<int>(h * kMarginShare);
  BOX* inner = boxCreate(mx, my, w - 2 * mx, h - 2 * my);
  PixPtr clipped(pixClipRectangle(ink.get(), inner, nullptr));
  boxDestroy(&inner);
  if (!clipped) return false;

  int dpi = pixGetXRes(const_cast<Pix*>(&image));
  if (dpi <= 0) dpi = 300;
  const double px_per_mm = dpi / 25.4;
  const int speck = std::max(2, static_cast<int>(kSpeckMillimetres * px_per_mm));
  PixPtr significant(pixSelectBySize(clipped.get(), speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr));
  if (!significant) return false;
  l_int32 count = 0;
  pixCountPixels(significant.get(), &count, nullptr);
  return count < kMinInkSquareMillimetres * px_per_mm * px_per_mm;
}

}  // namespace mailroom::ocr
