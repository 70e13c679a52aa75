#include "sheet_assembler.h"

#include <vector>

#include "fault_text.h"

namespace mailroom::scanner {
namespace {

BatchResult& StopWithFault(BatchResult& result, const DeviceFault& fault, int sheet) {
  ScanFault f;
  f.kind = fault.kind;
  f.sane_status = fault.sane_status;
  f.where = fault.where;
  f.sheet = sheet;
  f.pages_in_box = result.pages_in_box;
  f.message = FaultMessage(fault.kind, fault.status_text, sheet, result.pages_in_box);
  result.message = f.message;
  result.fault = std::move(f);
  return result;
}

BatchResult& StopIncomplete(BatchResult& result, const FeederEmpty& empty, int sheet) {
  ScanFault f;
  f.kind = FaultKind::kOther;
  f.sane_status = "SANE_STATUS_NO_DOCS";
  f.where = empty.where;
  f.sheet = sheet;
  f.pages_in_box = result.pages_in_box;
  f.message = IncompleteSheetMessage(sheet, result.pages_in_box);
  result.message = f.message;
  result.fault = std::move(f);
  return result;
}

}  // namespace

Result<BatchResult> AssembleSheets(FrameSource& source, const SheetPlan& plan, const PageSink& sink,
                                   const ProgressCallback& progress) {
  BatchResult result;
  result.pages_in_box = plan.pages_in_box;
  for (int sheet = plan.first_sheet;; ++sheet) {
    if (plan.single_sheet && result.sheets_captured == 1) {
      result.message = FlatbedDoneMessage(result.pages_captured, result.pages_in_box);
      return result;
    }
    std::vector<Frame> frames;
    while (static_cast<int>(frames.size()) < plan.frames_per_sheet) {
      auto event = source.NextFrame();
      if (!event) return tl::unexpected(event.error().Prefixed("sheet " + std::to_string(sheet)));
      if (auto* frame = std::get_if<Frame>(&*event)) {
        frames.push_back(std::move(*frame));
      } else if (auto* fault = std::get_if<DeviceFault>(&*event)) {
        return StopWithFault(result, *fault, sheet);
      } else if (!frames.empty()) {
        return StopIncomplete(result, std::get<FeederEmpty>(*event), sheet);
      } else {
        result.feeder_empty = true;
        result.message = FeederEmptyMessage(result.sheets_captured, result.pages_captured, result.pages_in_box);
        return result;
      }
    }
    for (const Frame& frame : frames) {
      auto written = sink(result.pages_in_box + 1, frame);
      if (!written) return tl::unexpected(written.error().Prefixed("sheet " + std::to_string(sheet)));
      ++result.pages_in_box;
      ++result.pages_captured;
    }
    ++result.sheets_captured;
    if (progress) progress(ScanProgress{result.sheets_captured, result.pages_in_box});
  }
}

}  // namespace mailroom::scanner
