// The scans that defeat simple capture: a coffee cup set down on the letter, a worn dot-matrix
// ribbon, dark recycled or coloured paper. Each effect is described by a plain struct (the planner
// makes every random choice) and done to an 8-bit page by one function; the defaults change nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::samplegen {

/// A stain of coffee or tea: a wobbly ring (a cup's foot) or a filled drip, darker at its rim where
/// the liquid dried. Positions in millimetres from the sheet's top left corner.
struct CoffeeStain {
  double x_mm = 100;
  double y_mm = 100;
  double radius_mm = 30;
  int fill_darkening = 20;  ///< grey levels taken from white inside the stain
  int rim_darkening = 70;   ///< grey levels taken from white on the rim
  double rim_mm = 1.0;      ///< width of the dark rim
  bool ring_only = true;    ///< a cup's ring: the inside stays almost clean
  double gap_from = 0;      ///< a ring's open arc, in radians (gap_from == gap_to: closed)
  double gap_to = 0;
  std::uint32_t seed = 1;  ///< the rim's wobble
};

/// Dark stains multiply the paper and the ink under them, as a transparent liquid does.
void AddCoffeeStain(Pix* page, const CoffeeStain& stain);

/// Printed by a 9-pin printer with a worn ribbon: every glyph becomes round dots on a grid of
/// `pitch_mm`, in a faint ink that fades along the lines where the ribbon is dry.
struct DotMatrixPrint {
  bool on = false;
  double pitch_mm = 0.35;  ///< distance of the dots (72 dpi: 0.35 mm)
  int ink_grey = 140;      ///< the darkest a dot gets on white; the ribbon is worn, so never black
  int fade = 40;           ///< grey levels the ink loses where the ribbon is driest
  std::uint32_t seed = 1;  ///< per-dot variation and where the ribbon is dry
};

/// Replaces the page's ink by dots (the page must hold only the print: call it before any paper or
/// scanner effect). Fails if the page is not 8 bit.
[[nodiscard]] Result<void> PrintDotMatrix(Pix* page, const DotMatrixPrint& print);

/// Darkens `page` by `layer` (same size, 8 bit) as ink on ink: each pixel times layer / 255.
[[nodiscard]] Result<void> MultiplyInk(Pix* page, Pix* layer);

/// Dark recycled or coloured paper (a grey background): darker than a tinted sheet, and mottled
/// by its fibres in patches of a few millimetres.
struct DarkPaper {
  int paper_grey = 255;  ///< 255: white paper, no effect
  int mottle = 0;        ///< grey levels the patches vary by (each way)
  std::uint32_t seed = 1;
};

/// Multiplies the page by the paper's grey and its mottle (ink stays dark, as on real paper).
void DarkenPaper(Pix* page, const DarkPaper& paper);

}  // namespace mailroom::samplegen
