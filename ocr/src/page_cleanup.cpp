#include "page_cleanup.h"

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

constexpr float kRadiansPerDegree = 3.14159265f / 180.0f;

}  // namespace

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

PixPtr InkOf(Pix* evened_grey) {
  return PixPtr(pixThresholdToBinary(evened_grey, kInkLevel));
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

float FindSkewDegrees(Pix* ink) {
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkewSweepAndSearch(ink, &angle, &confidence, 4, 2, kMaxSkewDegrees, 1.0f, 0.01f) != 0) return 0;
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
