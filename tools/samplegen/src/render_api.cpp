// The public single-page helpers other stages' tests use to make test images. Their scan effects
// have fixed, documented geometry (holes on the left, light falling off to the right, the lid
// shadow at the top), so tests can assert on where things are.
#include "handwriting.h"
#include "mailroom/samplegen/samplegen.h"
#include "page_renderer.h"
#include "scan_sheet.h"
#include "sheets.h"

namespace mailroom::samplegen {
namespace {

constexpr unsigned kBackTextSeed = 3;

Result<void> CheckDpi(int dpi) {
  if (dpi < 100 || dpi > 600) return Fail("dpi must be within 100..600, got " + std::to_string(dpi));
  return {};
}

Result<void> CheckLevels(int paper_grey, int light_falloff) {
  if (paper_grey < 0 || paper_grey > 255) return Fail("paper_grey must be within 0..255");
  if (light_falloff < 0 || light_falloff > 255) return Fail("light_falloff must be within 0..255");
  return {};
}

// The explicit effects shared by PageSpec and BlankSpec.
SheetDefects FixedDefects(int paper_grey, int light_falloff, bool bleed_through, bool punch_holes, bool scanner_edge) {
  SheetDefects defects;
  defects.paper_grey = paper_grey;
  defects.light_falloff = light_falloff;
  defects.light_dark_side = Edge::kRight;
  if (bleed_through) defects.bleed_grey = 215;
  if (punch_holes) defects.punch_holes = 2;
  if (scanner_edge) defects.edges.push_back(EdgeStrip{Edge::kTop, 4, 4, 40});
  return defects;
}

}  // namespace

Result<PixPtr> RenderPage(const PageSpec& spec) {
  if (auto ok = CheckDpi(spec.dpi); !ok) return tl::unexpected(ok.error());
  if (auto ok = CheckLevels(spec.paper_grey, spec.light_falloff); !ok) return tl::unexpected(ok.error());
  PageLayout front = TestPageLayout(spec);
  PageLayout back = BackTextLayout(kBackTextSeed);
  SheetScan sheet;
  sheet.front = &front;
  sheet.back = &back;
  sheet.defects =
      FixedDefects(spec.paper_grey, spec.light_falloff, spec.bleed_through, spec.punch_holes, spec.scanner_edge);
  sheet.defects.rotation = spec.rotation;
  sheet.skew_degrees = spec.skew_degrees;
  if (spec.speckle) {
    sheet.noise_seed = 7;
    sheet.speckles = 80;
  }
  return ScanSheet(sheet, spec.dpi);
}

Result<PixPtr> RenderSeparatorSheet(int dpi, const std::string& format) {
  if (auto ok = CheckDpi(dpi); !ok) return tl::unexpected(ok.error());
  if (format != "Code128" && format != "DataMatrix") {
    return Fail("separator format must be Code128 or DataMatrix, got '" + format + "'");
  }
  return RenderLayout(SeparatorLayout(format), dpi);
}

Result<PixPtr> RenderPatchSheet(const PatchSheetSpec& spec) {
  if (auto ok = CheckDpi(spec.dpi); !ok) return tl::unexpected(ok.error());
  if (auto ok = CheckLevels(spec.paper_grey, spec.light_falloff); !ok) return tl::unexpected(ok.error());
  auto front = PatchSheetLayout(spec.patch);
  if (!front) return tl::unexpected(front.error());
  SheetScan sheet;
  sheet.front = &*front;
  sheet.defects = FixedDefects(spec.paper_grey, spec.light_falloff, false, false, false);
  sheet.defects.rotation = spec.rotation;
  sheet.skew_degrees = spec.skew_degrees;
  if (spec.speckle) {
    sheet.noise_seed = 7;
    sheet.speckles = 80;
  }
  auto page = ScanSheet(sheet, spec.dpi);
  if (!page || !spec.mirrored) return page;
  return Owned(pixFlipLR(nullptr, page->get()), "pixFlipLR");
}

Result<PixPtr> RenderBlankPage(int dpi, unsigned seed, bool speckle) {
  BlankSpec spec;
  spec.dpi = dpi;
  spec.seed = seed;
  spec.speckle = speckle;
  return RenderBlankPage(spec);
}

Result<PixPtr> RenderBlankPage(const BlankSpec& spec) {
  if (auto ok = CheckDpi(spec.dpi); !ok) return tl::unexpected(ok.error());
  if (auto ok = CheckLevels(spec.paper_grey, spec.light_falloff); !ok) return tl::unexpected(ok.error());
  PageLayout empty;
  PageLayout back = BackTextLayout(spec.seed);
  SheetScan sheet;
  sheet.front = &empty;
  sheet.back = &back;
  sheet.defects =
      FixedDefects(spec.paper_grey, spec.light_falloff, spec.bleed_through, spec.punch_holes, spec.scanner_edge);
  if (spec.speckle) {
    sheet.noise_seed = spec.seed;
    sheet.speckles = 40;
  }
  return ScanSheet(sheet, spec.dpi);
}

Result<PixPtr> RenderHandwrittenNote(const std::vector<std::string>& lines, int dpi, unsigned seed) {
  if (auto ok = CheckDpi(dpi); !ok) return tl::unexpected(ok.error());
  if (lines.empty() || lines.size() > 6) return Fail("a handwritten note needs 1..6 lines");
  return RenderLayout(NoteLayout(lines, seed), dpi);
}

}  // namespace mailroom::samplegen
