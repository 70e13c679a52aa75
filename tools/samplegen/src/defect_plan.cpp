#include "defect_plan.h"

#include <algorithm>
#include <array>

#include "rng.h"

namespace mailroom::samplegen {
namespace {

// Sheets fed the wrong way are mostly upside down; a quarter turn needs a sideways sheet.
constexpr std::array kTurns = {180, 90, 270};
constexpr std::array kTurnWeights = {70, 15, 15};

Edge AnyEdge(Rng& rng) {
  return static_cast<Edge>(rng.Between(0, 3));
}

EdgeStrip RandomStrip(Edge edge, Rng& rng) {
  EdgeStrip strip;
  strip.edge = edge;
  strip.start_mm = rng.Real(2, 6);
  strip.end_mm = std::clamp(strip.start_mm + rng.Real(-1.5, 1.5), 1.5, 6.5);
  strip.grey = rng.Between(25, 70);
  return strip;
}

}  // namespace

SheetDefects PlanSheetDefects(const SampleOptions& options, SheetRole role, std::uint32_t seed) {
  Rng rng(seed);
  SheetDefects d;
  bool paper = role != SheetRole::kSeparator;
  // Every draw happens whether or not the effect is chosen, so the draws stay aligned.
  bool rotate = rng.Chance(options.rotated_share);
  int turn = kTurns[rng.Weighted(kTurnWeights)];
  if (role == SheetRole::kContent && rotate) d.rotation = turn;

  bool tint = rng.Chance(options.tinted_paper_share);
  int paper_grey = rng.Between(200, 235);
  if (paper && tint) d.paper_grey = paper_grey;

  bool bleed = rng.Chance(options.bleed_through_share);
  int bleed_grey = rng.Between(200, 230);
  if (paper && bleed) d.bleed_grey = bleed_grey;

  bool holes = rng.Chance(options.punch_holes_share);
  int hole_count = rng.Chance(0.2) ? 4 : 2;
  double holes_x = rng.Real(10.5, 13.5);
  double holes_shift = rng.Real(-4, 4);
  int hole_grey = rng.Between(15, 45);
  if (paper && holes) {
    d.punch_holes = hole_count;
    d.holes_x_mm = holes_x;
    d.holes_shift_mm = holes_shift;
    d.hole_grey = hole_grey;
  }

  bool light = rng.Chance(options.uneven_light_share);
  int falloff = rng.Between(40, 60);
  bool vignette = rng.Chance(0.3);
  Edge dark_side = AnyEdge(rng);
  if (light) {
    d.light_falloff = falloff;
    d.light_vignette = vignette;
    d.light_dark_side = dark_side;
  }

  bool edge = rng.Chance(options.scanner_edge_share);
  Edge first = AnyEdge(rng);
  EdgeStrip strip = RandomStrip(first, rng);
  bool two = rng.Chance(0.35);
  EdgeStrip second = RandomStrip(static_cast<Edge>((static_cast<int>(first) + rng.Between(1, 3)) % 4), rng);
  if (edge) {
    d.edges.push_back(strip);
    if (two) d.edges.push_back(second);
  }
  return d;
}

SampleOptions ScanDefects(SampleOptions base) {
  base.rotated_share = 0.08;
  base.tinted_paper_share = 0.15;
  base.uneven_light_share = 0.15;
  base.bleed_through_share = 0.10;
  base.punch_holes_share = 0.15;
  base.scanner_edge_share = 0.10;
  base.handwritten_back_share = 0.20;
  base.max_skew_degrees = std::max(base.max_skew_degrees, 3.0);
  return base;
}

}  // namespace mailroom::samplegen
