// Grouping frames into sheets (1 frame simplex, 2 frames duplex: front, back) and writing a
// sheet's pages only once the whole sheet was read.
#pragma once

#include <functional>

#include "frame.h"

namespace mailroom::scanner {

struct SheetPlan {
  int frames_per_sheet = 1;   ///< 1 simplex, 2 duplex
  bool single_sheet = false;  ///< flatbed: stop after one sheet
  int first_sheet = 1;        ///< sheet number (in the box) of the batch's first sheet
  int pages_in_box = 0;       ///< pages already in the box; new pages are numbered after them
};

/// Writes one page; called with page numbers pages_in_box + 1, + 2, ...
using PageSink = std::function<Result<void>(int page_number, const Frame& frame)>;

/// Reads sheets from `source` until the feeder is empty, a fault, or (single_sheet) one sheet.
/// A fault or "feeder empty" in the middle of a sheet drops that sheet's frames and reports the
/// sheet as the one to feed again. Errors from `source` or `sink` are returned as errors.
/// BatchResult::resolution_dpi is left for the caller.
[[nodiscard]] Result<BatchResult> AssembleSheets(FrameSource& source, const SheetPlan& plan, const PageSink& sink,
                                                 const ProgressCallback& progress);

}  // namespace mailroom::scanner
