#include "page_cleanup.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace mailroom::ocr {
namespace {

// Orientation decision thresholds (Leptonica's recommended values): the up/down confidence must
// reach kMinUpConfidence and beat the other axis by kMinConfidenceRatio.
constexpr float kMinUpConfidence = 8.0f;
constexpr float kMinConfidenceRatio = 2.5f;
constexpr int kOrientationDpi = 150;
// Below this angle Tesseract copes by itself, and a rotation would only blur the image.
constexpr float kMinSkewToCorrect = 0.25f;
// A skew measurement below this confidence is noise (Leptonica's scale).
constexpr float kMinSkewConfidence = 3.0f;
// Specks up to this size (in both directions) are removed: 0.25 mm, well under the dot of an i.
constexpr double kSpeckMillimetres = 0.25;

// After background normalisation the paper sits at 200. Print and pen are far darker; bleed-
// through from the back side is a faint shadow of the paper level (about 170 and lighter).
constexpr l_int32 kInkLevel = 140;
constexpr l_int32 kEvenedPaper = 200;
// What is clearly darker than the evened paper: print, the anti-aliased edges of it, show-through.
// Its darkest tenth tells the page's ink: near 0 for print and pen, even where show-through or a
// tinted field covers more of the page than the print. Above kFaintInk there is no dark ink at all:
// the print is faint. Show-through alone sits at 160 and lighter (kFaintestPrint excludes it).
constexpr l_int32 kDarkerThanPaper = 185;
constexpr l_int32 kFaintInk = 90;
constexpr l_int32 kFaintestPrint = 150;
// The threshold for faint print is a little above halfway between its ink and the paper (the dots of
// a worn ribbon fade towards their edges), at most this. Measured on dot-matrix pages at 200 dpi:
// halfway read 54 % of the words, 10 above it 59 %, 20 above 60 %, 25 above 48 % (the paper's
// grain turns to ink).
constexpr l_int32 kFaintInkLift = 10;
constexpr l_int32 kMaxFaintInkLevel = 188;
// The ink levels are taken from pieces the size of print only: a scanner's black edge, a punch
// hole or a dark stain is no print, and left in it hid faint print behind its own dark pixels
// (a dot-matrix page with punch holes read 0 of 28 words). Print-sized is what MeasureUnreadInk
// counts as print (under 60 x 12 mm), less solid blobs of 3 mm and more each way (a hole is a
// disc: 0.79 of its box; print is strokes). Limiting the height instead lost a pen note's
// strokes, and the show-through left over then passed as faint print.
constexpr double kMinBlobMm = 3.0;
constexpr l_float32 kMinBlobFill = 0.6F;
// Faint print is mostly dot-matrix print: its strokes are rows of dots. Averaged over about the
// dots' pitch (0.35 mm, 5 pixels at 300 dpi) they become strokes again before the threshold
// (dot-matrix pages at 200 dpi: 69 % of the words read, 75 % averaged; 3 or 7 pixels: 72, 69 %).
constexpr l_int32 kFaintPrintSmoothing = 2;  // half-width: 5x5 pixels

// An interpolated and smoothed bilevel page: what is darker than this is ink (its strokes, where a
// scan at 150 or 200 dpi had thinned them, and the gaps between a dot-matrix printer's dots).
// Bilevel dot-matrix pages: 49 % of the words read at 180 without smoothing, 60 % smoothed at 200
// (190: 60 %, 210: 59 %); other bilevel pages at 150 and 200 dpi: 97.6 and 97.1 %.
constexpr l_int32 kBilevelInkLevel = 200;
// Unsmoothed, interpolated edges count as ink from 30 % coverage.
constexpr l_int32 kPlainBilevelInkLevel = 180;

constexpr float kRadiansPerDegree = 3.14159265f / 180.0f;

}  // namespace

PixPtr PrintSizedPieces(Pix* ink, double px_per_mm) {
  return PixPtr(pixSelectBySize(ink, static_cast<l_int32>(kMaxPrintPieceWidthMm * px_per_mm),
                                static_cast<l_int32>(kMaxPrintPieceHeightMm * px_per_mm), 8, L_SELECT_IF_BOTH,
                                L_SELECT_IF_LT, nullptr));
}

PixPtr GreyOf(Pix* page) {
  // pixConvertTo8 copies even an 8-bit page: a full page copy for nothing.
  if (pixGetDepth(page) == 8 && pixGetColormap(page) == nullptr) return PixPtr(pixClone(page));
  return PixPtr(pixConvertTo8(page, 0));
}

PixPtr EvenedGrey(Pix* grey) {
  PixPtr evened(pixBackgroundNormSimple(grey, nullptr, nullptr));
  if (evened) return evened;
  return PixPtr(pixClone(grey));  // a page too small for the normalisation tiles
}

namespace {

struct InkLevels {
  l_int32 darkest_tenth = 0;  ///< the grey below which a tenth of the dark pixels lie
  l_int32 median = 0;
};

// The print-sized pieces of what is darker than the paper, as a mask; null where Leptonica fails.
PixPtr PrintMask(Pix* evened_grey) {
  const double px_per_mm = (pixGetXRes(evened_grey) > 0 ? pixGetXRes(evened_grey) : kOcrDpi) / 25.4;
  PixPtr dark(pixThresholdToBinary(evened_grey, kDarkerThanPaper));
  if (!dark) return nullptr;
  PixPtr print = PrintSizedPieces(dark.get(), px_per_mm);
  if (!print) return nullptr;
  const auto blob = static_cast<l_int32>(kMinBlobMm * px_per_mm);
  PixPtr large(pixSelectBySize(print.get(), blob, blob, 8, L_SELECT_IF_BOTH, L_SELECT_IF_GTE, nullptr));
  if (!large) return print;
  PixPtr solid(pixSelectByAreaFraction(large.get(), kMinBlobFill, 8, L_SELECT_IF_GTE, nullptr));
  if (solid) pixSubtract(print.get(), print.get(), solid.get());
  return print;
}

// The levels of the print-sized pixels darker than kDarkerThanPaper; zeros on a page without any.
InkLevels DarkPixelLevels(Pix* evened_grey) {
  PixPtr mask = PrintMask(evened_grey);
  if (!mask) return {};
  // Every second row and column: enough.
  NUMA* histogram = pixGetGrayHistogramMasked(evened_grey, mask.get(), 0, 0, 2);
  if (histogram == nullptr) return {};
  std::array<double, kDarkerThanPaper> counts{};
  double dark = 0;
  for (l_int32 v = 0; v < kDarkerThanPaper; ++v) {
    l_float32 count = 0;
    numaGetFValue(histogram, v, &count);
    counts[static_cast<std::size_t>(v)] = count;
    dark += count;
  }
  numaDestroy(&histogram);
  InkLevels levels;
  double seen = 0;
  bool tenth = false;
  for (l_int32 v = 0; v < kDarkerThanPaper && dark > 0; ++v) {
    seen += counts[static_cast<std::size_t>(v)];
    if (!tenth && 10 * seen >= dark) {
      levels.darkest_tenth = v;
      tenth = true;
    }
    if (2 * seen >= dark) {
      levels.median = v;
      break;
    }
  }
  return levels;
}

}  // namespace

namespace {

bool IsFaint(const InkLevels& ink) {
  return ink.darkest_tenth > kFaintInk && ink.darkest_tenth <= kFaintestPrint;
}

l_int32 FaintInkLevel(const InkLevels& ink) {
  return std::min(kMaxFaintInkLevel, (ink.median + kEvenedPaper) / 2 + kFaintInkLift);
}

}  // namespace

namespace {

// `grey` averaged over about a dot-matrix printer's dot pitch; the page itself where Leptonica fails.
PixPtr SmoothedOverDotPitch(Pix* grey) {
  PixPtr smooth(pixBlockconvGray(grey, nullptr, kFaintPrintSmoothing, kFaintPrintSmoothing));
  if (!smooth) return PixPtr(pixClone(grey));
  pixCopyResolution(smooth.get(), grey);
  return smooth;
}

}  // namespace

PixPtr InkOf(Pix* evened_grey) {
  if (pixGetDepth(evened_grey) != 8 || !IsFaint(DarkPixelLevels(evened_grey))) {
    return PixPtr(pixThresholdToBinary(evened_grey, kInkLevel));
  }
  PixPtr smooth = SmoothedOverDotPitch(evened_grey);
  return PixPtr(pixThresholdToBinary(smooth.get(), FaintInkLevel(DarkPixelLevels(smooth.get()))));
}

PixPtr InkOfInterpolatedBilevel(Pix* interpolated) {
  PixPtr smooth = SmoothedOverDotPitch(interpolated);
  return PixPtr(pixThresholdToBinary(smooth.get(), kBilevelInkLevel));
}

PixPtr PlainInkOfInterpolatedBilevel(Pix* interpolated) {
  return PixPtr(pixThresholdToBinary(interpolated, kPlainBilevelInkLevel));
}

PixPtr ScaledToOcrDpi(Pix* grey, int dpi) {
  if (dpi <= 0 || dpi >= kMinOcrDpi) return PixPtr(pixClone(grey));
  const float factor = static_cast<float>(kOcrDpi) / static_cast<float>(dpi);
  PixPtr scaled(pixScaleGrayLI(grey, factor, factor));
  if (scaled) pixSetResolution(scaled.get(), kOcrDpi, kOcrDpi);
  return scaled;
}

namespace {

OrientationGuess Decide(Pix* ink) {
  l_float32 up = 0, left = 0;
  if (pixOrientDetect(ink, &up, &left, 0, 0) != 0) return {};
  l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
  if (makeOrientDecision(up, left, kMinUpConfidence, kMinConfidenceRatio, &orient, 0) != 0) return {};
  switch (orient) {
    case L_TEXT_ORIENT_UP:
      return {0, true};
    case L_TEXT_ORIENT_LEFT:
      return {90, true};
    case L_TEXT_ORIENT_DOWN:
      return {180, true};
    case L_TEXT_ORIENT_RIGHT:
      return {270, true};
    default:
      return {};
  }
}

}  // namespace

OrientationGuess GuessOrientation(Pix* ink) {
  // Leptonica's detector works from 150 ppi up; at half of 300 dpi it takes a quarter of the
  // time. Pages with little text can be too close a call there: they get the full resolution.
  if (pixGetXRes(ink) >= 2 * kOrientationDpi) {
    PixPtr reduced(pixReduceRankBinary2(ink, 1, nullptr));
    if (reduced) {
      pixSetResolution(reduced.get(), pixGetXRes(ink) / 2, pixGetYRes(ink) / 2);
      if (const auto guess = Decide(reduced.get()); guess.sure) return guess;
    }
  }
  return Decide(ink);
}

float FindSkewDegrees(Pix* ink, int dpi) {
  // Only print: a scanner's black edge or a rule is one long straight line, and the sweep would
  // level it instead of the text (a page skewed 7 degrees under a level edge was read as level).
  PixPtr print = PrintSizedPieces(ink, dpi / 25.4);
  Pix* lines = print ? print.get() : ink;
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkewSweepAndSearch(lines, &angle, &confidence, 4, 2, kMaxSkewDegrees, 1.0f, 0.01f) != 0) return 0;
  if (confidence < kMinSkewConfidence || std::fabs(angle) > kMaxSkewDegrees) return 0;
  return angle;
}

PixPtr TurnClockwise(Pix* page, int degrees) {
  const int quads = ((degrees % 360) + 360) % 360 / 90;
  if (quads == 0) return PixPtr(pixClone(page));
  return PixPtr(pixRotateOrth(page, quads));
}

PixPtr Deskew(Pix* page, float degrees) {
  if (std::fabs(degrees) < kMinSkewToCorrect) return PixPtr(pixClone(page));
  const l_int32 type = pixGetDepth(page) == 1 ? L_ROTATE_SAMPLING : L_ROTATE_AREA_MAP;
  PixPtr rotated(pixRotate(page, degrees * kRadiansPerDegree, type, L_BRING_IN_WHITE, 0, 0));
  if (rotated) return rotated;
  return PixPtr(pixClone(page));
}

PixPtr Despeckle(Pix* ink, int dpi) {
  const int speck = std::max(1, static_cast<int>(std::lround(kSpeckMillimetres * dpi / 25.4)));
  PixPtr kept(pixSelectBySize(ink, speck + 1, speck + 1, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr));
  if (kept) return kept;
  return PixPtr(pixClone(ink));
}

}  // namespace mailroom::ocr
