// The scan defects page clean-up has to cope with: tinted paper, show-through of the back side,
// punched holes, uneven light, the scanner lid's shadow. SheetDefects says what happens to one
// sheet (all random choices are made by the planner); the functions below do it to an 8-bit page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hard_scan_effects.h"
#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::samplegen {

enum class Edge { kLeft, kTop, kRight, kBottom };

/// A dark strip along one edge of the scanned image; its width runs from `start_mm` to `end_mm`
/// along the edge (lid shadows are rarely parallel).
struct EdgeStrip {
  Edge edge = Edge::kTop;
  double start_mm = 4;
  double end_mm = 4;
  int grey = 40;
};

/// Everything that happens to one sheet besides skew and dust. The defaults change nothing.
struct SheetDefects {
  int rotation = 0;           ///< clockwise quarter turn after the skew: 0, 90, 180, 270
  int paper_grey = 255;       ///< paper brightness; ink is scaled with it
  int bleed_grey = 255;       ///< grey of the darkest show-through ink; 255 = no show-through
  int punch_holes = 0;        ///< 0, 2 or 4 holes, 80 mm apart, centred on the sheet's height
  double holes_x_mm = 12;     ///< hole centres from the sheet's left edge
  double holes_shift_mm = 0;  ///< vertical offset of the hole pattern (hand-punched sheets)
  int hole_grey = 25;         ///< the scanner backing seen through a hole
  int light_falloff = 0;      ///< grey levels lost at the darkest point; 0 = even light
  Edge light_dark_side = Edge::kRight;
  bool light_vignette = false;  ///< darker towards all corners instead of towards one side
  std::vector<EdgeStrip> edges;
  std::vector<CoffeeStain> coffee_stains;
  DotMatrixPrint dot_matrix;   ///< content sheets only; their layout is then set in a monospaced font
  DarkPaper dark_paper;        ///< replaces paper_grey's tint when on
  bool shaded_fields = false;  ///< grey boxes printed behind the number's line (PageLayout::shades)

  /// The defects' names for truth.json ("tinted_paper", "bleed_through", "punch_holes",
  /// "uneven_light", "scanner_edge", "coffee_stain", "dot_matrix", "grey_background"), in that
  /// order; empty when there are none. The rotation has its own field there.
  [[nodiscard]] std::vector<std::string> Names() const;
};

/// Scales every pixel by paper_grey / 255 (paper reflects less, ink stays dark). 255: no change.
void TintPaper(Pix* page, int paper_grey);

/// Darkens `page` by the ink of `back` (the other side, as printed: same size, 8 bit), mirrored
/// left to right and softened by the paper, so that full ink ends at `darkest_grey` on white.
[[nodiscard]] Result<void> AddBleedThrough(Pix* page, Pix* back, int darkest_grey);

/// Punches `defects.punch_holes` anti-aliased discs of 6 mm diameter into the sheet.
void PunchHoles(Pix* page, const SheetDefects& defects);

/// Uneven illumination: darkens towards `defects.light_dark_side` (or all corners), by up to
/// `defects.light_falloff` grey levels on white, proportionally less on darker pixels.
void UnevenLight(Pix* page, const SheetDefects& defects);

/// Draws the lid shadow: `strip.grey` near the edge, fading into the page over the last 1 mm.
void DrawEdgeStrip(Pix* page, const EdgeStrip& strip);

/// Turns the page by `degrees` clockwise (0, 90, 180, 270; others fail). 0 returns a copy.
[[nodiscard]] Result<PixPtr> TurnClockwise(Pix* page, int degrees);

}  // namespace mailroom::samplegen
