// Page clean-up before OCR, with Leptonica: binarisation that copes with grey or tinted paper,
// uneven light and bleed-through; orientation (90/180/270); deskew; despeckle.
#pragma once

#include "mailroom/image/pix.h"

namespace mailroom::ocr {

/// The page as 8-bit grey: shared (cloned) when it already is, converted otherwise. Null only if
/// Leptonica cannot convert it.
[[nodiscard]] PixPtr GreyOf(Pix* page);

/// The page as 8-bit grey with the paper evened out (background normalisation): tinted paper and
/// uneven light become one flat paper level, so a single threshold separates ink from paper.
[[nodiscard]] PixPtr EvenedGrey(Pix* grey);

/// The dark ink of an evened page as a 1-bit image. Faint bleed-through from the back side and
/// the paper stay white; print, pen and stamps (also blue-grey ink) are ink. Where all the print
/// is faint (a worn dot-matrix ribbon, a pale fax), the threshold moves up towards the paper so
/// that the print is not lost.
[[nodiscard]] PixPtr InkOf(Pix* evened_grey);

/// Connected ink at least this wide or tall is no print (an edge shadow, a stain's ring, a rule).
inline constexpr double kMaxPrintPieceWidthMm = 60.0;
inline constexpr double kMaxPrintPieceHeightMm = 12.0;

/// The pieces of 1-bit `ink` at `px_per_mm` that are smaller than that: what may be print (the
/// unread-ink measure and the faint-print levels look at nothing else). Null if Leptonica fails.
[[nodiscard]] PixPtr PrintSizedPieces(Pix* ink, double px_per_mm);

/// The resolution Tesseract reads at. Its LSTM models want an x-height of 20 to 30 pixels: at 150
/// or 200 dpi letter print has 12 to 16, and reads far worse (bench: 85 to 92 % of the words of
/// hard scans at their own resolution, 99 % interpolated to 300 dpi).
inline constexpr int kOcrDpi = 300;
/// Pages scanned below this are interpolated to kOcrDpi before the ink is found.
inline constexpr int kMinOcrDpi = 250;

/// The ink of a bilevel page scanned below kMinOcrDpi, from its grey interpolated to kOcrDpi:
/// smoothed over a dot-matrix printer's dot pitch, so that dots and thinned strokes join up again.
[[nodiscard]] PixPtr InkOfInterpolatedBilevel(Pix* interpolated);
/// The same page's ink without the smoothing: specks stay specks (the blank check's view).
[[nodiscard]] PixPtr PlainInkOfInterpolatedBilevel(Pix* interpolated);

/// `grey` (8 bit) at `dpi` interpolated to kOcrDpi, resolution set. Null if Leptonica fails.
[[nodiscard]] PixPtr ScaledToOcrDpi(Pix* grey, int dpi);

/// Which way up the text stands, from ascenders and descenders in the ink (Leptonica).
struct OrientationGuess {
  int rotation = 0;   ///< clockwise degrees (0/90/180/270) that put the text upright
  bool sure = false;  ///< false: too little text or too close a call
};
[[nodiscard]] OrientationGuess GuessOrientation(Pix* ink);

/// The skew of the text lines of 1-bit `ink` at `dpi` in degrees (within +-kMaxSkewDegrees), 0 if
/// none is found. Measured on the print-sized pieces only: a scanner's edge is no text line.
[[nodiscard]] float FindSkewDegrees(Pix* ink, int dpi);
inline constexpr float kMaxSkewDegrees = 10.0f;

/// Turns a page by a multiple of 90 degrees clockwise.
[[nodiscard]] PixPtr TurnClockwise(Pix* page, int degrees);

/// Rotates a page by `degrees` (the value FindSkewDegrees returned) so its lines run level.
/// Grey pages are interpolated, bilevel ones sampled; new corners are white.
[[nodiscard]] PixPtr Deskew(Pix* page, float degrees);

/// Removes specks too small to be part of any character (dust, scanner noise) from 1-bit ink.
[[nodiscard]] PixPtr Despeckle(Pix* ink, int dpi);

}  // namespace mailroom::ocr
