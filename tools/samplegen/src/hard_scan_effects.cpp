#include "hard_scan_effects.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "rng.h"

namespace mailroom::samplegen {
namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kTwoPi = 2 * std::numbers::pi;

double PixelsPerMm(Pix* page) {
  int dpi = pixGetXRes(page);
  return (dpi > 0 ? dpi : 300) / kMmPerInch;
}

// v scaled by keep / 255 (0 = black, 255 = unchanged), rounded.
inline int Keep(int value, int keep) {
  return (value * std::clamp(keep, 0, 255) + 127) / 255;
}

// The stain's edge as a function of the angle: a few low harmonics make it wobble like a dried
// drop, never a perfect circle.
struct Wobble {
  double phase[3] = {};
  double amplitude[3] = {};
  explicit Wobble(std::uint32_t seed) {
    Rng rng(seed);
    constexpr double kAmplitudes[3] = {0.06, 0.035, 0.012};
    for (int i = 0; i < 3; ++i) {
      phase[i] = rng.Real(0, kTwoPi);
      amplitude[i] = kAmplitudes[i] * rng.Real(0.5, 1.5);
    }
  }
  double Factor(double angle) const {
    return 1 + amplitude[0] * std::sin(3 * angle + phase[0]) + amplitude[1] * std::sin(5 * angle + phase[1]) +
           amplitude[2] * std::sin(11 * angle + phase[2]);
  }
};

// 1 inside the ring's open arc (fading over 0.3 rad at its ends), 0 elsewhere.
double GapShare(const CoffeeStain& stain, double angle) {
  if (stain.gap_to <= stain.gap_from) return 0;
  double a = angle < stain.gap_from ? angle + kTwoPi : angle;
  if (a > stain.gap_to) return 0;
  double into = std::min(a - stain.gap_from, stain.gap_to - a);
  return std::clamp(into / 0.3, 0.0, 1.0);
}

}  // namespace

void AddCoffeeStain(Pix* page, const CoffeeStain& stain) {
  if (pixGetDepth(page) != 8 || stain.radius_mm <= 0) return;
  const double px = PixelsPerMm(page);
  const int w = static_cast<int>(pixGetWidth(page));
  const int h = static_cast<int>(pixGetHeight(page));
  l_uint32* data = pixGetData(page);
  const int wpl = pixGetWpl(page);
  const Wobble wobble(stain.seed);
  const double cx = stain.x_mm * px, cy = stain.y_mm * px, radius = stain.radius_mm * px;
  const double rim = std::max(1.0, stain.rim_mm * px);
  const double reach = radius * 1.15 + 2;
  const int y0 = std::max(0, static_cast<int>(cy - reach)), y1 = std::min(h - 1, static_cast<int>(cy + reach));
  const int x0 = std::max(0, static_cast<int>(cx - reach)), x1 = std::min(w - 1, static_cast<int>(cx + reach));
  for (int y = y0; y <= y1; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = x0; x <= x1; ++x) {
      const double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
      const double angle = std::atan2(dy, dx) + std::numbers::pi;  // 0 .. 2 pi
      const double edge = radius * wobble.Factor(angle);
      const double d = std::hypot(dx, dy);
      if (d > edge + 1) continue;
      const double outside = std::clamp(edge + 0.5 - d, 0.0, 1.0);  // anti-aliased edge
      // The rim: darkest at the edge, fading inwards over its width.
      const double into_rim = (edge - d) / rim;
      const double rim_share = into_rim < 0 ? 1 : std::exp(-into_rim * into_rim);
      const double fill = stain.ring_only ? stain.fill_darkening * 0.3 : stain.fill_darkening;
      const double rim_part = stain.rim_darkening * rim_share * (1 - GapShare(stain, angle));
      const int darkening = static_cast<int>(std::lround(std::max(fill, rim_part) * outside));
      if (darkening <= 0) continue;
      SET_DATA_BYTE(line, x, Keep(static_cast<int>(GET_DATA_BYTE(line, x)), 255 - darkening));
    }
  }
}

Result<void> PrintDotMatrix(Pix* page, const DotMatrixPrint& print) {
  if (!print.on) return {};
  if (pixGetDepth(page) != 8) return Fail("dot-matrix print needs an 8-bit page");
  const double px = PixelsPerMm(page);
  const int w = static_cast<int>(pixGetWidth(page));
  const int h = static_cast<int>(pixGetHeight(page));
  l_uint32* data = pixGetData(page);
  const int wpl = pixGetWpl(page);
  const double pitch = std::max(1.5, print.pitch_mm * px);
  // The dots slightly overlap, as the pins of a 9-pin head do in a line of text.
  const double dot = 0.55 * pitch;
  Rng rng(print.seed);
  // Where the ribbon is dry: patches along the line (the ribbon's cycle) and across the lines.
  const double period_x = rng.Real(50, 120) * px, period_y = rng.Real(30, 90) * px;
  const double phase_x = rng.Real(0, kTwoPi), phase_y = rng.Real(0, kTwoPi);
  std::vector<l_uint8> out(static_cast<std::size_t>(w) * h, 255);
  const int cells_x = static_cast<int>(w / pitch) + 1, cells_y = static_cast<int>(h / pitch) + 1;
  for (int j = 0; j < cells_y; ++j) {
    const double cy = (j + 0.5) * pitch;
    const int top = static_cast<int>(j * pitch), bottom = std::min(h, static_cast<int>((j + 1) * pitch));
    for (int i = 0; i < cells_x; ++i) {
      const double cx = (i + 0.5) * pitch;
      const int left = static_cast<int>(i * pitch), right = std::min(w, static_cast<int>((i + 1) * pitch));
      // A pin fires where the glyph has ink anywhere in its cell.
      int darkest = 255;
      for (int y = top; y < bottom; ++y) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        for (int x = left; x < right; ++x) darkest = std::min(darkest, static_cast<int>(GET_DATA_BYTE(line, x)));
      }
      const std::uint32_t jitter = rng.Next();  // drawn for every cell, so the dots do not depend on the text
      if (darkest > 160) continue;
      const double dryness =
          0.5 + 0.5 * std::sin(kTwoPi * cx / period_x + phase_x) * std::cos(kTwoPi * cy / period_y + phase_y);
      const int grey = std::clamp(
          print.ink_grey + static_cast<int>(print.fade * dryness) + static_cast<int>(jitter % 25) - 12, 0, 250);
      const int y0 = std::max(0, static_cast<int>(cy - dot - 1)), y1 = std::min(h - 1, static_cast<int>(cy + dot + 1));
      const int x0 = std::max(0, static_cast<int>(cx - dot - 1)), x1 = std::min(w - 1, static_cast<int>(cx + dot + 1));
      for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
          const double coverage = std::clamp(dot + 0.5 - std::hypot(x + 0.5 - cx, y + 0.5 - cy), 0.0, 1.0);
          if (coverage <= 0) continue;
          l_uint8& pixel = out[static_cast<std::size_t>(y) * w + x];
          const int mixed = static_cast<int>(std::lround(255 + (grey - 255) * coverage));
          pixel = static_cast<l_uint8>(std::min(static_cast<int>(pixel), mixed));
        }
      }
    }
  }
  for (int y = 0; y < h; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; ++x) SET_DATA_BYTE(line, x, out[static_cast<std::size_t>(y) * w + x]);
  }
  return {};
}

Result<void> MultiplyInk(Pix* page, Pix* layer) {
  if (pixGetDepth(page) != 8 || pixGetDepth(layer) != 8 || pixGetWidth(page) != pixGetWidth(layer) ||
      pixGetHeight(page) != pixGetHeight(layer)) {
    return Fail("ink layer does not match the page");
  }
  const int w = static_cast<int>(pixGetWidth(page));
  const int h = static_cast<int>(pixGetHeight(page));
  for (int y = 0; y < h; ++y) {
    l_uint32* line = pixGetData(page) + static_cast<std::ptrdiff_t>(y) * pixGetWpl(page);
    const l_uint32* over = pixGetData(layer) + static_cast<std::ptrdiff_t>(y) * pixGetWpl(layer);
    for (int x = 0; x < w; ++x) {
      SET_DATA_BYTE(line, x, Keep(static_cast<int>(GET_DATA_BYTE(line, x)), static_cast<int>(GET_DATA_BYTE(over, x))));
    }
  }
  return {};
}

void DarkenPaper(Pix* page, const DarkPaper& paper) {
  if (paper.paper_grey >= 255 || pixGetDepth(page) != 8) return;
  const double px = PixelsPerMm(page);
  const int w = static_cast<int>(pixGetWidth(page));
  const int h = static_cast<int>(pixGetHeight(page));
  l_uint32* data = pixGetData(page);
  const int wpl = pixGetWpl(page);
  // Fibre patches: random values on a 4 mm grid, interpolated in between.
  const double cell = 4 * px;
  const int gw = static_cast<int>(w / cell) + 2, gh = static_cast<int>(h / cell) + 2;
  Rng rng(paper.seed);
  std::vector<double> grid(static_cast<std::size_t>(gw) * gh);
  for (double& g : grid) g = rng.Real(-1, 1) * paper.mottle;
  auto at = [&](int gx, int gy) { return grid[static_cast<std::size_t>(gy) * gw + gx]; };
  for (int y = 0; y < h; ++y) {
    const double fy = y / cell;
    const int gy = static_cast<int>(fy);
    const double ty = fy - gy;
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      const double fx = x / cell;
      const int gx = static_cast<int>(fx);
      const double tx = fx - gx;
      const double mottle = (at(gx, gy) * (1 - tx) + at(gx + 1, gy) * tx) * (1 - ty) +
                            (at(gx, gy + 1) * (1 - tx) + at(gx + 1, gy + 1) * tx) * ty;
      const int keep = paper.paper_grey + static_cast<int>(std::lround(mottle));
      SET_DATA_BYTE(line, x, Keep(static_cast<int>(GET_DATA_BYTE(line, x)), keep));
    }
  }
}

}  // namespace mailroom::samplegen
