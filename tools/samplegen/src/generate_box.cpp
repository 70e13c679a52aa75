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
#include "registry.h"
#include "scan_sheet.h"
#include "sheets.h"
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
  const std::pair<const char*, double> shares[] = {{"upside_down_share", options.upside_down_share},
                                                   {"rotated_share", options.rotated_share},
                                                   {"tinted_paper_share", options.tinted_paper_share},
                                                   {"uneven_light_share", options.uneven_light_share},
                                                   {"bleed_through_share", options.bleed_through_share},
                                                   {"punch_holes_share", options.punch_holes_share},
                                                   {"scanner_edge_share", options.scanner_edge_share},
                                                   {"handwritten_back_share", options.handwritten_back_share},
                                                   {"coffee_stain_share", options.coffee_stain_share},
                                                   {"dot_matrix_share", options.dot_matrix_share},
                                                   {"grey_background_share", options.grey_background_share},
                                                   {"note_beside_number_share", options.note_beside_number_share}};
  for (const auto& [name, share] : shares) {
    if (!(share >= 0 && share <= 1)) return Fail(std::string(name) + " must be within 0..1");
  }
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

Result<std::string> RenderPlannedPage(const BoxPlan& plan, const PlannedPage& planned, int dpi) {
  SheetScan sheet;
  sheet.front = &planned.layout;
  sheet.defects = planned.defects;
  sheet.skew_degrees = planned.kind == PageKind::kBlank ? 0 : planned.skew_degrees;
  // The count is per A4 page at 300 dpi and scales with the pixel area.
  sheet.speckles = planned.speckles * dpi * dpi / (300 * 300);
  sheet.noise_seed = planned.noise_seed;
  PageLayout filler;
  if (planned.defects.bleed_grey < 255) {
    if (planned.bleed_from) {
      sheet.back = &plan.pages[*planned.bleed_from].layout;
    } else {
      filler = BackTextLayout(planned.defect_seed);
      sheet.back = &filler;
    }
  }
  auto page = ScanSheet(sheet, dpi);
  if (!page) return tl::unexpected(page.error());
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
      auto bytes = RenderPlannedPage(plan, page, dpi);
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
  if (!options.truth_only) {
    if (auto ok = WritePages(plan, summary.box_dir, options.dpi); !ok) return tl::unexpected(ok.error());
  }
  if (auto ok = WriteFileAtomically(summary.box_dir / "box.json", BoxManifestJson(plan)); !ok) {
    return tl::unexpected(ok.error());
  }
  if (auto ok = WriteFileAtomically(summary.truth_file, TruthJson(plan)); !ok) return tl::unexpected(ok.error());
  summary.pages = static_cast<int>(plan.pages.size());
  summary.envelopes = static_cast<int>(plan.envelopes.size());
  return summary;
}

}  // namespace mailroom::samplegen
