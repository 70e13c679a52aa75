// CaptureBatch: open the device, apply the settings, read sheets into the box folder.
#include "mailroom/common/atomic_file.h"
#include "mailroom/scanner/scanner.h"
#include "page_files.h"
#include "sane_device.h"
#include "sane_frame_source.h"
#include "scan_setup.h"
#include "sheet_assembler.h"

namespace mailroom::scanner {

Result<BatchResult> CaptureBatch(SaneSession& /*session*/, const ScanSettings& settings,
                                 const std::filesystem::path& box_dir, std::optional<int> first_sheet,
                                 const ProgressCallback& progress) {
  if (settings.device.empty()) return Fail("no scanner given (see `mailroom scan --list`)");
  if (first_sheet && *first_sheet < 1) return Fail("first sheet number must be 1 or more");
  // Declared before the frame source and closed last: every return below cancels and closes it.
  auto device = SaneDevice::Open(settings.device);
  if (!device) return tl::unexpected(device.error());
  auto applied = ApplySettings(*device, settings);
  if (!applied) return tl::unexpected(applied.error());
  // The box folder is touched only once the settings are known to work.
  auto created = CreatePrivateDirectories(box_dir);
  if (!created) return tl::unexpected(created.error());
  auto pages_in_box = HighestPageNumber(box_dir);
  if (!pages_in_box) return tl::unexpected(pages_in_box.error());

  SheetPlan plan;
  plan.frames_per_sheet = applied->frames_per_sheet;
  plan.single_sheet = !applied->feeder;
  plan.pages_in_box = *pages_in_box;
  plan.first_sheet = first_sheet.value_or(*pages_in_box / plan.frames_per_sheet + 1);
  if (!first_sheet && *pages_in_box % plan.frames_per_sheet != 0) ++plan.first_sheet;

  SaneFrameSource source(*device);
  const int dpi = applied->resolution_dpi;
  auto result = AssembleSheets(
      source, plan, [&](int page_number, const Frame& frame) { return WritePage(box_dir, page_number, frame, dpi); },
      progress);
  if (!result) return tl::unexpected(result.error().Prefixed("scanner '" + settings.device + "'"));
  result->resolution_dpi = dpi;
  return result;
}

}  // namespace mailroom::scanner
