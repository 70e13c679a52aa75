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

// A cup's ring (most) or a drip, anywhere on the sheet.
CoffeeStain RandomStain(Rng& rng) {
  CoffeeStain stain;
  stain.ring_only = rng.Chance(0.6);
  stain.x_mm = rng.Real(15, 195);
  stain.y_mm = rng.Real(15, 282);
  double ring_radius = rng.Real(28, 40);
  double drip_radius = rng.Real(6, 18);
  stain.radius_mm = stain.ring_only ? ring_radius : drip_radius;
  stain.fill_darkening = rng.Between(10, 30);
  stain.rim_darkening = rng.Between(35, 80);
  stain.rim_mm = rng.Real(0.6, 1.6);
  bool open = rng.Chance(0.5);
  double gap_from = rng.Real(0, 6.28);
  double gap_length = rng.Real(0.5, 2.5);
  if (open) {
    stain.gap_from = gap_from;
    stain.gap_to = gap_from + gap_length;
  }
  stain.seed = rng.Next();
  return stain;
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

  // The hard scans' effects draw after the others, so a box without them keeps its defects.
  bool coffee = rng.Chance(options.coffee_stain_share);
  int stain_count = rng.Chance(0.35) ? 2 : 1;
  std::array<CoffeeStain, 2> stains;
  for (CoffeeStain& stain : stains) stain = RandomStain(rng);
  if (paper && coffee) d.coffee_stains.assign(stains.begin(), stains.begin() + stain_count);

  bool dots = rng.Chance(options.dot_matrix_share);
  DotMatrixPrint print;
  print.on = true;
  print.pitch_mm = rng.Real(0.30, 0.42);
  print.ink_grey = rng.Between(100, 150);
  print.fade = rng.Between(15, 45);
  print.seed = rng.Next();
  if (role == SheetRole::kContent && dots) d.dot_matrix = print;

  bool grey = rng.Chance(options.grey_background_share);
  bool shaded = rng.Chance(0.4);
  DarkPaper dark{rng.Between(150, 195), rng.Between(4, 12), rng.Next()};
  if (paper && grey) {
    // Faint dots on dark paper would be unreadable to anyone: such a sheet gets shaded fields.
    if (role == SheetRole::kContent && (shaded || d.dot_matrix.on)) {
      d.shaded_fields = true;
    } else {
      d.dark_paper = dark;
      d.paper_grey = 255;
    }
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

SampleOptions HardScans(SampleOptions base) {
  base = ScanDefects(base);
  base.max_skew_degrees = std::max(base.max_skew_degrees, 8.0);
  base.coffee_stain_share = 0.15;
  base.dot_matrix_share = 0.12;
  base.grey_background_share = 0.15;
  base.note_beside_number_share = 0.25;
  return base;
}

}  // namespace mailroom::samplegen
