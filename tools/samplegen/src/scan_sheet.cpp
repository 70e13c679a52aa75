#include "scan_sheet.h"

#include "page_renderer.h"
#include "scan_effects.h"

namespace mailroom::samplegen {
namespace {

// Paper properties (tint or dark paper, stains, show-through, holes): they belong to the sheet, so they turn with it
// when it is skewed or fed rotated (holes of a sheet fed upside down end up on the right).
Result<void> AgePaper(Pix* page, const SheetScan& sheet, int dpi) {
  const SheetDefects& defects = sheet.defects;
  TintPaper(page, defects.paper_grey);
  DarkenPaper(page, defects.dark_paper);
  for (const CoffeeStain& stain : defects.coffee_stains) AddCoffeeStain(page, stain);
  if (defects.bleed_grey < 255) {
    if (sheet.back == nullptr) return Fail("bleed-through without a back side");
    auto back = RenderLayout(*sheet.back, dpi);
    if (!back) return tl::unexpected(back.error().Prefixed("back side"));
    if (auto ok = AddBleedThrough(page, back->get(), defects.bleed_grey); !ok) return ok;
  }
  PunchHoles(page, defects);
  return {};
}

// The print. A dot-matrix printer prints the text as dots; the page's shaded fields were on the
// form before, so they are rendered alone and laid under the dots (multiplied, like ink on paper).
Result<PixPtr> Print(const SheetScan& sheet, int dpi) {
  if (!sheet.defects.dot_matrix.on) return RenderLayout(*sheet.front, dpi);
  PageLayout text = *sheet.front;
  text.shades.clear();
  auto page = RenderLayout(text, dpi);
  if (!page) return page;
  if (auto printed = PrintDotMatrix(page->get(), sheet.defects.dot_matrix); !printed) {
    return tl::unexpected(printed.error());
  }
  if (sheet.front->shades.empty()) return page;
  PageLayout form;
  form.shades = sheet.front->shades;
  auto shades = RenderLayout(form, dpi);
  if (!shades) return shades;
  if (auto laid = MultiplyInk(page->get(), shades->get()); !laid) return tl::unexpected(laid.error());
  return page;
}

}  // namespace

Result<PixPtr> ScanSheet(const SheetScan& sheet, int dpi) {
  if (sheet.front == nullptr) return Fail("no page layout");
  auto page = Print(sheet, dpi);
  if (!page) return page;
  if (auto ok = AgePaper(page->get(), sheet, dpi); !ok) return tl::unexpected(ok.error());
  // Dust lies on the glass, so it is added before the skew and turns with the sheet.
  AddSpeckle(page->get(), sheet.noise_seed, sheet.speckles);
  if (sheet.skew_degrees != 0) {
    page = Skew(page->get(), sheet.skew_degrees);
    if (!page) return page;
  }
  if (sheet.defects.rotation != 0) {
    page = TurnClockwise(page->get(), sheet.defects.rotation);
    if (!page) return page;
  }
  UnevenLight(page->get(), sheet.defects);
  for (const EdgeStrip& strip : sheet.defects.edges) DrawEdgeStrip(page->get(), strip);
  return page;
}

}  // namespace mailroom::samplegen
