// GenerateSampleBox: validate, plan (all randomness), then render the pages on a few threads and
// write everything atomically. Rendering is the slow part (about 0.1 s of CPU a page), and each page
// depends only on its plan entry, so the thread count does not change the output.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <regex>
#include <thread>

#include "box_plan.h"
#include "image_writer.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/samplegen/samplegen.h"
#include "page_renderer.h"
#include "registry.h"
#include "scan_effects.h"
#include "truth_writer.h"

namespace mailroom::samplegen {
namespace {

Result<void> Validate(const SampleOptions& options) {
  if (options.out_dir.empty()) return Fail("out_dir is required");
  if (options.envelopes < 1 || options.envelopes > 10000) return Fail("envelopes must be within 1..10000");
  if (options.dpi < 100 || options.dpi > 600) return Fail("dpi must be within 100..600");
  if (options.max_skew_degrees < 0 || options.max_skew_degrees > 10)
    return Fail("max_skew_degrees must be within 0..10");
  if (options.blank_back_share < 0 || options.blank_back_share > 1) return Fail("blank_back_share must be within 0..1");
  if (options.upside_down_share < 0 || options.upside_down_share > 1)
    return Fail("upside_down_share must be within 0..1");
  return {};
}

// A rerun into the same folder must not leave pages of an earlier, larger box behind (they would be
// processed as part of this one). Only files this generator writes are removed; anything else in
// box/ is someone else's, so we refuse rather than delete it.
Result<void> ClearOldBox(const std::filesystem::path& box_dir) {
  static const std::regex kOurs(R"([0-9]{4}\.(tif|png|jpg)|box\.json)");
  std::error_code ec;
  std::vector<std::filesystem::path> old_files;
  for (const auto& entry : std::filesystem::directory_iterator(box_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !std::regex_match(name, kOurs)) {
      return Fail(box_dir.string() + ": holds '" + name + "', which samplegen did not write; choose an empty --out");
    }
    old_files.push_back(entry.path());
  }
  if (ec) return Fail(box_dir.string() + ": cannot list: " + ec.message());
  for (const auto& file : old_files) {
    if (!std::filesystem::remove(file, ec) && ec) return Fail(file.string() + ": cannot remove: " + ec.message());
  }
  return {};
}

Result<std::string> RenderPlannedPage(const PlannedPage& planned, int dpi) {
  auto page = RenderLayout(planned.layout, dpi);
  if (!page) return tl::unexpected(page.error());
  // Dust lies on the glass, so it is added before the skew and turns with the sheet; the count is
  // per A4 page at 300 dpi and scales with the pixel area.
  AddSpeckle(page->get(), planned.noise_seed, planned.speckles * dpi * dpi / (300 * 300));
  if (planned.kind != PageKind::kBlank) {
    page = Skew(page->get(), planned.skew_degrees);
    if (!page) return tl::unexpected(page.error());
  }
  if (planned.upside_down) {
    page = TurnUpsideDown(page->get());
    if (!page) return tl::unexpected(page.error());
  }
  return EncodeImage(page->get(), planned.format);
}

// Renders and writes all pages with up to 4 threads; returns the first error (by page order).
Result<void> WritePages(const BoxPlan& plan, const std::filesystem::path& box_dir, int dpi) {
  std::atomic<std::size_t> next{0};
  std::mutex error_mutex;
  std::optional<std::pair<std::size_t, Error>> first_error;
  auto worker = [&] {
    for (std::size_t i = next++; i < plan.pages.size(); i = next++) {
      const PlannedPage& page = plan.pages[i];
      auto bytes = RenderPlannedPage(page, dpi);
      Result<void> written = bytes ? WriteFileAtomically(box_dir / page.file, *bytes) : tl::unexpected(bytes.error());
      if (!written) {
        std::lock_guard lock(error_mutex);
        if (!first_error || first_error->first > i) first_error.emplace(i, written.error().Prefixed(page.file));
      }
    }
  };
  unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  pool.clear();  // joins
  if (first_error) return tl::unexpected(first_error->second);
  return {};
}

}  // namespace

Result<SampleSummary> GenerateSampleBox(const SampleOptions& options) {
  if (auto ok = Validate(options); !ok) return tl::unexpected(ok.error().Prefixed("samplegen options"));
  SampleSummary summary;
  summary.box_dir = options.out_dir / "box";
  summary.registry_dir = options.out_dir / "registry";
  summary.truth_file = options.out_dir / "truth.json";
  for (const auto& dir : {options.out_dir, summary.box_dir, summary.registry_dir}) {
    if (auto ok = CreatePrivateDirectories(dir); !ok) return tl::unexpected(ok.error());
  }

  if (auto ok = ClearOldBox(summary.box_dir); !ok) return tl::unexpected(ok.error());

  BoxPlan plan = PlanBox(options);
  if (auto ok = WriteRegistry(plan.registry, summary.registry_dir); !ok) return tl::unexpected(ok.error());
  if (auto ok = WritePages(plan, summary.box_dir, options.dpi); !ok) return tl::unexpected(ok.error());
  if (auto ok = WriteFileAtomically(summary.box_dir / "box.json", BoxManifestJson(plan)); !ok) {
    return tl::unexpected(ok.error());
  }
  if (auto ok = WriteFileAtomically(summary.truth_file, TruthJson(plan)); !ok) return tl::unexpected(ok.error());
  summary.pages = static_cast<int>(plan.pages.size());
  summary.envelopes = static_cast<int>(plan.envelopes.size());
  return summary;
}

}  // namespace mailroom::samplegen
