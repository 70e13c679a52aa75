#include "symbol_regions.h"

#include <algorithm>

namespace mailroom::ocr {
namespace {

// Analysis runs at a quarter of the resolution: 75 dpi is plenty to see a symbol's outline.
constexpr float kScale = 0.25f;
// Printed 2D symbols on mail are 6 to 90 mm on a side (franking marks, form codes, separators).
constexpr double kMinSideMm = 6.0, kMaxSideMm = 90.0;
// A symbol's outline is at most this elongated (rectangular DataMatrix 8x32 is 4:1; PDF417 more).
constexpr double kMaxAspect = 8.0;
// Share of dark pixels in the outline: modules fill about half of a symbol, text far less.
constexpr double kMinDensity = 0.30;
// Quiet zone added around a region before decoding.
constexpr double kMarginMm = 4.0;

struct BoxaFree {
  void operator()(Boxa* b) const noexcept { boxaDestroy(&b); }
};

}  // namespace

std::vector<Region> FindSymbolRegions(Pix* grey, int dpi, size_t max_regions) {
  PixPtr small(pixScale(grey, kScale, kScale));
  if (!small) return {};
  PixPtr ink(pixThresholdToBinary(small.get(), 128));
  if (!ink) return {};
  const double px_per_mm = dpi * kScale / 25.4;
  // Closing joins the modules of a symbol into one blob (gaps between modules are < 1 mm).
  const int brick = std::max(2, static_cast<int>(px_per_mm));
  PixPtr closed(pixCloseBrick(nullptr, ink.get(), brick, brick));
  if (!closed) return {};
  std::unique_ptr<Boxa, BoxaFree> boxes(pixConnCompBB(closed.get(), 8));
  if (!boxes) return {};

  std::vector<std::pair<double, Region>> candidates;
  const int count = boxaGetCount(boxes.get());
  for (int i = 0; i < count; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    const double w_mm = w / px_per_mm, h_mm = h / px_per_mm;
    if (std::min(w_mm, h_mm) < kMinSideMm || std::max(w_mm, h_mm) > kMaxSideMm) continue;
    if (std::max(w_mm, h_mm) / std::min(w_mm, h_mm) > kMaxAspect) continue;
    BOX* box = boxCreate(x, y, w, h);
    l_int32 dark = 0;
    pixCountPixelsInRect(ink.get(), box, &dark, nullptr);
    boxDestroy(&box);
    const double density = static_cast<double>(dark) / (static_cast<double>(w) * h);
    if (density < kMinDensity) continue;
    const int margin = static_cast<int>(kMarginMm * px_per_mm);
    Region region;
    region.left = std::max(0, static_cast<int>((x - margin) / kScale));
    region.top = std::max(0, static_cast<int>((y - margin) / kScale));
    region.width = std::min(pixGetWidth(grey) - region.left, static_cast<int>((w + 2 * margin) / kScale));
    region.height = std::min(pixGetHeight(grey) - region.top, static_cast<int>((h + 2 * margin) / kScale));
    candidates.emplace_back(density, region);
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Region> regions;
  for (size_t i = 0; i < candidates.size() && i < max_regions; ++i) regions.push_back(candidates[i].second);
  return regions;
}

}  // namespace mailroom::ocr
