#include "symbol_regions.h"

#include <algorithm>

namespace mailroom::ocr {
namespace {

// Analysis runs at a quarter of the resolution: 75 dpi is plenty to see a symbol's outline.
constexpr float kScale = 0.25f;
// Printed symbols on mail are at least 4 mm on their short side (a low linear barcode; 2D
// symbols are larger) and at most 120 mm long (separator sheets print big).
constexpr double kMinSideMm = 4.0, kMaxSideMm = 120.0;
// A symbol's outline is at most this elongated (a long, low Code 128; PDF417).
constexpr double kMaxAspect = 20.0;
// Share of dark pixels in the outline: bars and modules fill about half of a symbol, a line of
// text far less.
constexpr double kMinDensity = 0.30;
// How far closing reaches across (along the rows of a linear symbol) and down.
constexpr double kJoinAcrossMm = 3.0, kJoinDownMm = 1.5;
// Quiet zone added around a region before decoding.
constexpr double kMarginMm = 4.0;

struct BoxaFree {
  void operator()(Boxa* b) const noexcept { boxaDestroy(&b); }
};

bool Overlap(const Region& a, const Region& b) {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

Region Union(const Region& a, const Region& b) {
  const int left = std::min(a.left, b.left), top = std::min(a.top, b.top);
  const int right = std::max(a.left + a.width, b.left + b.width);
  const int bottom = std::max(a.top + a.height, b.top + b.height);
  return {left, top, right - left, bottom - top};
}

// A big linear symbol falls apart into pieces where its widest spaces are: their quiet-zone
// margins overlap, and the union is the whole symbol again.
void MergeOverlapping(std::vector<std::pair<double, Region>>& candidates) {
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < candidates.size() && !merged; ++i) {
      for (size_t j = i + 1; j < candidates.size() && !merged; ++j) {
        if (!Overlap(candidates[i].second, candidates[j].second)) continue;
        candidates[i] = {std::max(candidates[i].first, candidates[j].first),
                         Union(candidates[i].second, candidates[j].second)};
        candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(j));
        merged = true;
      }
    }
  }
}

}  // namespace

std::vector<Region> FindSymbolRegions(Pix* grey, int dpi, size_t max_regions) {
  PixPtr small(pixScale(grey, kScale, kScale));
  if (!small) return {};
  PixPtr ink(pixThresholdToBinary(small.get(), 128));
  if (!ink) return {};
  const double px_per_mm = dpi * kScale / 25.4;
  // Closing joins the bars and modules of a symbol into one blob: the widest space of a linear
  // symbol is 4 modules (up to about 2.5 mm on mail), the gaps of a 2D symbol are smaller.
  const int brick_w = std::max(3, static_cast<int>(kJoinAcrossMm * px_per_mm));
  const int brick_h = std::max(2, static_cast<int>(kJoinDownMm * px_per_mm));
  PixPtr closed(pixCloseBrick(nullptr, ink.get(), brick_w, brick_h));
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
  MergeOverlapping(candidates);
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Region> regions;
  for (size_t i = 0; i < candidates.size() && i < max_regions; ++i) regions.push_back(candidates[i].second);
  return regions;
}

}  // namespace mailroom::ocr
