// The worker pool of the reading stage.
#pragma once

#include <vector>

#include "mailroom/common/page_reading.h"
#include "mailroom/common/result.h"
#include "mailroom/ingest/box.h"
#include "mailroom/ocr/ocr.h"

namespace mailroom::app {

/// Decodes and reads every page on `jobs` worker threads, each with its own PageReader (one
/// Tesseract instance per thread, for the life of the thread). Results come back in scan order,
/// one per page; a page that fails comes back kUnreadable with its reason. Fails only if no
/// worker could start (e.g. the OCR models are missing).
[[nodiscard]] Result<std::vector<PageReading>> ReadPages(const std::vector<ingest::PageSource>& pages, int jobs,
                                                         const ocr::OcrOptions& options, bool progress);

}  // namespace mailroom::app
