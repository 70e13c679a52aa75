// Scan defects painted onto rendered test pages with Leptonica: what a scanner adds to paper.
#pragma once

#include <cmath>

#include "mailroom/image/pix.h"

namespace mailroom::testing {

/// Dark discs (the scanner's black backing seen through punched holes), 6 mm wide, 12 mm from
/// the left edge, 80 mm apart around the middle of the page.
inline void PunchHoles(Pix* page) {
  const double px_per_mm = pixGetXRes(page) / 25.4;
  const int radius = static_cast<int>(3 * px_per_mm);
  const int cx = static_cast<int>(12 * px_per_mm);
  const int mid = pixGetHeight(page) / 2;
  for (int cy : {mid - static_cast<int>(40 * px_per_mm), mid + static_cast<int>(40 * px_per_mm)}) {
    for (int y = cy - radius; y <= cy + radius; ++y) {
      for (int x = cx - radius; x <= cx + radius; ++x) {
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) pixSetPixel(page, x, y, 20);
      }
    }
  }
}

/// A dark strip along the left edge, as a scanner lid's shadow leaves.
inline void ScannerEdge(Pix* page) {
  const int width = static_cast<int>(4 * pixGetXRes(page) / 25.4);
  BOX* strip = boxCreate(0, 0, width, pixGetHeight(page));
  pixSetInRectArbitrary(page, strip, 40);
  boxDestroy(&strip);
}

/// Tinted paper (`paper` grey instead of white) and light falling off by `falloff` levels from the
/// left to the right edge. Ink stays as dark as it was.
inline void TintAndShade(Pix* page, int paper, int falloff) {
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0;
      pixGetPixel(page, x, y, &v);
      const double light = (paper - falloff * static_cast<double>(x) / w) / 255.0;
      pixSetPixel(page, x, y, static_cast<l_uint32>(std::lround(v * light)));
    }
  }
}

/// The back side's print showing through faintly: `back` mirrored, at a fifth of its darkness.
inline void BleedThrough(Pix* page, Pix* back) {
  PixPtr mirrored(pixFlipLR(nullptr, back));
  const int w = std::min(pixGetWidth(page), pixGetWidth(back)), h = std::min(pixGetHeight(page), pixGetHeight(back));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0, b = 0;
      pixGetPixel(page, x, y, &v);
      pixGetPixel(mirrored.get(), x, y, &b);
      const l_uint32 shadow = 255 - (255 - b) / 5;
      pixSetPixel(page, x, y, std::min(v, shadow));
    }
  }
}

/// Faint print: every pixel moved towards the paper so that black becomes `ink_grey` (a worn
/// ribbon, a pale fax); white stays white.
inline void LightenInk(Pix* page, int ink_grey) {
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0;
      pixGetPixel(page, x, y, &v);
      pixSetPixel(page, x, y, static_cast<l_uint32>(255 - (255 - static_cast<int>(v)) * (255 - ink_grey) / 255));
    }
  }
}

/// A short pen stroke scribble (like initials) in blue-grey ink, about 20 x 6 mm, at (x, y) mm.
inline void Initials(Pix* page, int x_mm, int y_mm) {
  const double px_per_mm = pixGetXRes(page) / 25.4;
  auto at = [&](double mm) { return static_cast<l_int32>(mm * px_per_mm); };
  PixPtr ink(pixCreate(pixGetWidth(page), pixGetHeight(page), 1));
  const int x = at(x_mm), y = at(y_mm);
  pixRenderLine(ink.get(), x, y + at(6), x + at(5), y, 4, L_SET_PIXELS);
  pixRenderLine(ink.get(), x + at(5), y, x + at(8), y + at(6), 4, L_SET_PIXELS);
  pixRenderLine(ink.get(), x + at(8), y + at(6), x + at(14), y + at(1), 4, L_SET_PIXELS);
  pixRenderLine(ink.get(), x + at(14), y + at(1), x + at(20), y + at(5), 4, L_SET_PIXELS);
  pixSetMasked(page, ink.get(), 90);
}

}  // namespace mailroom::testing
