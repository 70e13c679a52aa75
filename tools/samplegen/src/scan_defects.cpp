// Pixel work on 8-bit pages. Leptonica packs four pixels per 32-bit word; effects that depend only
// on a pixel's own value (or on the same pixel of a same-sized page) run over the raw bytes, the
// others address pixels through GET/SET_DATA_BYTE, which knows the byte order.
#include "scan_defects.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace mailroom::samplegen {
namespace {

constexpr double kMmPerInch = 25.4;

double PxPerMm(Pix* page) {
  int dpi = pixGetXRes(page);
  return (dpi > 0 ? dpi : 300) / kMmPerInch;
}

// v * keep / 255, rounded: how light that is reduced by `keep` / 255 darkens a pixel.
inline int Dim(int value, int keep) {
  return (value * keep + 127) / 255;
}

// Visits every byte of an 8-bit page's buffer, padding included (harmless for value maps).
template <typename F>
void ForEachByte(Pix* page, F&& f) {
  auto* bytes = reinterpret_cast<l_uint8*>(pixGetData(page));
  std::size_t n = static_cast<std::size_t>(pixGetWpl(page)) * 4 * pixGetHeight(page);
  for (std::size_t i = 0; i < n; ++i) f(bytes[i], i);
}

// Darkens one pixel to at most `value`, blending by `coverage` (0..1) for anti-aliased edges.
inline void Cover(l_uint32* line, int x, int value, double coverage) {
  int old = static_cast<int>(GET_DATA_BYTE(line, x));
  int mixed = static_cast<int>(std::lround(old + (value - old) * coverage));
  if (mixed < old) SET_DATA_BYTE(line, x, mixed);
}

void Disc(Pix* page, double cx, double cy, double radius, int grey) {
  int w = static_cast<int>(pixGetWidth(page));
  int h = static_cast<int>(pixGetHeight(page));
  l_uint32* data = pixGetData(page);
  int wpl = pixGetWpl(page);
  int y0 = std::max(0, static_cast<int>(cy - radius - 1));
  int y1 = std::min(h - 1, static_cast<int>(cy + radius + 1));
  int x0 = std::max(0, static_cast<int>(cx - radius - 1));
  int x1 = std::min(w - 1, static_cast<int>(cx + radius + 1));
  for (int y = y0; y <= y1; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = x0; x <= x1; ++x) {
      double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
      double coverage = std::clamp(radius + 0.5 - d, 0.0, 1.0);
      if (coverage > 0) Cover(line, x, grey, coverage);
    }
  }
}

// Share of the falloff at (x, y): 0 on the bright side, 1 at the darkest point. The curve is
// gentle near the light (t^1.5), as under a lamp that is off-centre.
double FalloffShare(const SheetDefects& d, double x, double y, double w, double h) {
  if (d.light_vignette) {
    double dx = (x - w / 2) / (w / 2);
    double dy = (y - h / 2) / (h / 2);
    return std::min(1.0, (dx * dx + dy * dy) / 2);
  }
  double t = 0;
  switch (d.light_dark_side) {
    case Edge::kLeft:
      t = 1 - x / w;
      break;
    case Edge::kRight:
      t = x / w;
      break;
    case Edge::kTop:
      t = 1 - y / h;
      break;
    case Edge::kBottom:
      t = y / h;
      break;
  }
  return std::pow(std::clamp(t, 0.0, 1.0), 1.5);
}

}  // namespace

std::vector<std::string> SheetDefects::Names() const {
  std::vector<std::string> names;
  if (paper_grey < 255) names.emplace_back("tinted_paper");
  if (bleed_grey < 255) names.emplace_back("bleed_through");
  if (punch_holes > 0) names.emplace_back("punch_holes");
  if (light_falloff > 0) names.emplace_back("uneven_light");
  if (!edges.empty()) names.emplace_back("scanner_edge");
  if (!coffee_stains.empty()) names.emplace_back("coffee_stain");
  if (dot_matrix.on) names.emplace_back("dot_matrix");
  if (dark_paper.paper_grey < 255 || shaded_fields) names.emplace_back("grey_background");
  return names;
}

void TintPaper(Pix* page, int paper_grey) {
  if (paper_grey >= 255 || pixGetDepth(page) != 8) return;
  std::array<l_uint8, 256> map{};
  for (int v = 0; v < 256; ++v) map[static_cast<std::size_t>(v)] = static_cast<l_uint8>(Dim(v, paper_grey));
  ForEachByte(page, [&](l_uint8& b, std::size_t) { b = map[b]; });
}

Result<void> AddBleedThrough(Pix* page, Pix* back, int darkest_grey) {
  if (darkest_grey >= 255) return {};
  if (pixGetDepth(page) != 8 || pixGetDepth(back) != 8 || pixGetWidth(page) != pixGetWidth(back) ||
      pixGetHeight(page) != pixGetHeight(back)) {
    return Fail("bleed-through: back side does not match the page");
  }
  auto mirrored = Owned(pixFlipLR(nullptr, back), "pixFlipLR");
  if (!mirrored) return tl::unexpected(mirrored.error());
  // The paper scatters the light: the show-through is blurred by about a third of a millimetre.
  int half = std::max(1, static_cast<int>(std::lround(PxPerMm(page) / 3)));
  auto soft = Owned(pixBlockconv(mirrored->get(), half, half), "pixBlockconv");
  if (!soft) return tl::unexpected(soft.error());
  if (pixGetWpl(soft->get()) != pixGetWpl(page)) return Fail("bleed-through: unexpected row stride");
  const auto* ink = reinterpret_cast<const l_uint8*>(pixGetData(soft->get()));
  int depth = 255 - darkest_grey;
  ForEachByte(page, [&](l_uint8& b, std::size_t i) {
    int darkening = (255 - ink[i]) * depth / 255;
    b = static_cast<l_uint8>(Dim(b, 255 - darkening));
  });
  return {};
}

void PunchHoles(Pix* page, const SheetDefects& defects) {
  if (defects.punch_holes <= 0 || pixGetDepth(page) != 8) return;
  double px = PxPerMm(page);
  double centre_y = pixGetHeight(page) / 2.0 + defects.holes_shift_mm * px;
  // ISO 838: two holes 80 mm apart; the four-hole pattern adds two more 80 mm further out.
  std::vector<double> offsets_mm = {-40, 40};
  if (defects.punch_holes >= 4) offsets_mm = {-120, -40, 40, 120};
  for (double offset : offsets_mm)
    Disc(page, defects.holes_x_mm * px, centre_y + offset * px, 3 * px, defects.hole_grey);
}

void UnevenLight(Pix* page, const SheetDefects& defects) {
  if (defects.light_falloff <= 0 || pixGetDepth(page) != 8) return;
  int w = static_cast<int>(pixGetWidth(page));
  int h = static_cast<int>(pixGetHeight(page));
  l_uint32* data = pixGetData(page);
  int wpl = pixGetWpl(page);
  std::vector<int> keep(static_cast<std::size_t>(w));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      double share = FalloffShare(defects, x + 0.5, y + 0.5, w, h);
      keep[static_cast<std::size_t>(x)] = 255 - static_cast<int>(std::lround(defects.light_falloff * share));
    }
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      SET_DATA_BYTE(line, x, Dim(static_cast<int>(GET_DATA_BYTE(line, x)), keep[static_cast<std::size_t>(x)]));
    }
  }
}

void DrawEdgeStrip(Pix* page, const EdgeStrip& strip) {
  if (pixGetDepth(page) != 8) return;
  int w = static_cast<int>(pixGetWidth(page));
  int h = static_cast<int>(pixGetHeight(page));
  l_uint32* data = pixGetData(page);
  int wpl = pixGetWpl(page);
  double px = PxPerMm(page);
  double fade = px;  // 1 mm from the strip's value to the page
  bool vertical = strip.edge == Edge::kLeft || strip.edge == Edge::kRight;
  int along = vertical ? h : w;
  for (int a = 0; a < along; ++a) {
    double width = (strip.start_mm + (strip.end_mm - strip.start_mm) * a / std::max(1, along - 1)) * px;
    int reach = std::min(vertical ? w : h, static_cast<int>(width + fade) + 1);
    for (int d = 0; d < reach; ++d) {
      double coverage = std::clamp((width + fade - (d + 0.5)) / fade, 0.0, 1.0);
      int x = vertical ? (strip.edge == Edge::kLeft ? d : w - 1 - d) : a;
      int y = vertical ? a : (strip.edge == Edge::kTop ? d : h - 1 - d);
      Cover(data + static_cast<std::ptrdiff_t>(y) * wpl, x, strip.grey, coverage);
    }
  }
}

Result<PixPtr> TurnClockwise(Pix* page, int degrees) {
  if (degrees != 0 && degrees != 90 && degrees != 180 && degrees != 270) {
    return Fail("rotation must be 0, 90, 180 or 270, got " + std::to_string(degrees));
  }
  // pixRotateOrth turns clockwise in quarter turns; 2 quarters is pixRotate180, as before.
  return Owned(pixRotateOrth(page, degrees / 90), "pixRotateOrth");
}

}  // namespace mailroom::samplegen
