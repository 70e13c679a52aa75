#include "symbol_regions.h"

#include <algorithm>

namespace mailroom::ocr {
namespace {

// Analysis runs at a quarter of the resolution: 75 dpi is plenty to see a symbol's outline.
constexpr float kScale = 0.25f;
// Printed symbols on mail are at least 4 mm on their short side (a low linear barcode; 2D
// symbols are larger) and at most 150 mm across their outline: a separator sheet's Code 128 is
// asked for 120 mm but printed in whole-pixel modules (127 mm at 200 dpi, where 5.7 px round up
// to 6), and skewed by 8 degrees its outline grows by another 6 mm.
constexpr double kMinSideMm = 4.0, kMaxSideMm = 150.0;
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

// A blob that may be (part of) a symbol: its outline and the region to decode, both in the page's
// pixels, and its density.
struct Candidate {
  double density = 0;
  Region outline, region;  // region: the outline with quiet-zone margins, within the page
};

// A big linear symbol falls apart into pieces where its widest spaces are: their quiet-zone
// margins overlap, and the union is the whole symbol again.
void MergeOverlapping(std::vector<Candidate>& candidates) {
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < candidates.size() && !merged; ++i) {
      for (size_t j = i + 1; j < candidates.size() && !merged; ++j) {
        if (!Overlap(candidates[i].region, candidates[j].region)) continue;
        candidates[i] = {std::max(candidates[i].density, candidates[j].density),
                         Union(candidates[i].outline, candidates[j].outline),
                         Union(candidates[i].region, candidates[j].region)};
        candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(j));
        merged = true;
      }
    }
  }
}

// A piece cut off a linear symbol across its bars: as long as the bars (its long side at least
// kSliverShare of the symbol's extent that way), and within the symbol's quiet zone.
constexpr double kSliverShare = 0.6;
bool PieceOf(const Candidate& sliver, const Candidate& symbol) {
  if (!Overlap(sliver.region, symbol.region)) return false;
  const Region& s = sliver.outline;
  const Region& c = symbol.outline;
  return s.height > s.width ? s.height >= kSliverShare * c.height : s.width >= kSliverShare * c.width;
}

// A linear symbol can also shed pieces narrower than kMinSideMm (its start pattern, cut off at a
// wide space that the reduced image shows light): such slivers are no candidates of their own, but
// the symbol takes them in, else its region cuts it short and it does not decode.
void AbsorbSlivers(std::vector<Candidate>& candidates, std::vector<Candidate>& slivers) {
  for (Candidate& candidate : candidates) {
    for (bool grown = true; grown;) {
      grown = false;
      for (size_t i = 0; i < slivers.size() && !grown; ++i) {
        if (!PieceOf(slivers[i], candidate)) continue;
        candidate.outline = Union(candidate.outline, slivers[i].outline);
        candidate.region = Union(candidate.region, slivers[i].region);
        slivers.erase(slivers.begin() + static_cast<std::ptrdiff_t>(i));
        grown = true;
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

  std::vector<Candidate> candidates, slivers;
  const int count = boxaGetCount(boxes.get());
  for (int i = 0; i < count; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    const double w_mm = w / px_per_mm, h_mm = h / px_per_mm;
    if (std::max(w_mm, h_mm) < kMinSideMm || std::max(w_mm, h_mm) > kMaxSideMm) continue;
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
    const Region outline{static_cast<int>(x / kScale), static_cast<int>(y / kScale), static_cast<int>(w / kScale),
                         static_cast<int>(h / kScale)};
    (std::min(w_mm, h_mm) < kMinSideMm ? slivers : candidates).push_back({density, outline, region});
  }
  MergeOverlapping(candidates);
  AbsorbSlivers(candidates, slivers);
  MergeOverlapping(candidates);
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.density > b.density; });
  std::vector<Region> regions;
  for (size_t i = 0; i < candidates.size() && i < max_regions; ++i) regions.push_back(candidates[i].region);
  return regions;
}

}  // namespace mailroom::ocr
