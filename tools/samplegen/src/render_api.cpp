// The public single-page helpers other stages' tests use to make test images.
#include "mailroom/samplegen/samplegen.h"
#include "page_renderer.h"
#include "scan_effects.h"
#include "sheets.h"

namespace mailroom::samplegen {
namespace {

Result<void> CheckDpi(int dpi) {
  if (dpi < 100 || dpi > 600) return Fail("dpi must be within 100..600, got " + std::to_string(dpi));
  return {};
}

}  // namespace

Result<PixPtr> RenderPage(const PageSpec& spec) {
  if (auto ok = CheckDpi(spec.dpi); !ok) return tl::unexpected(ok.error());
  auto page = RenderLayout(TestPageLayout(spec), spec.dpi);
  if (!page) return page;
  if (spec.speckle) AddSpeckle(page->get(), 7, 80);
  if (spec.skew_degrees == 0) return page;
  return Skew(page->get(), spec.skew_degrees);
}

Result<PixPtr> RenderSeparatorSheet(int dpi, const std::string& format) {
  if (auto ok = CheckDpi(dpi); !ok) return tl::unexpected(ok.error());
  if (format != "Code128" && format != "DataMatrix") {
    return Fail("separator format must be Code128 or DataMatrix, got '" + format + "'");
  }
  return RenderLayout(SeparatorLayout(format), dpi);
}

Result<PixPtr> RenderBlankPage(int dpi, unsigned seed, bool speckle) {
  if (auto ok = CheckDpi(dpi); !ok) return tl::unexpected(ok.error());
  auto page = RenderLayout(PageLayout{}, dpi);
  if (page && speckle) AddSpeckle(page->get(), seed, 40);
  return page;
}

}  // namespace mailroom::samplegen
