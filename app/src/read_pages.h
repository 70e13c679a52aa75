// The worker pool of the reading stage.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/flow/page_reading.h"
#include "mailroom/ingest/box.h"
#include "mailroom/ocr/ocr.h"

namespace mailroom::app {

/// Makes the PageReader of one worker thread (the real one: ocr::PageReader::Create).
using ReaderFactory = std::function<Result<std::unique_ptr<ocr::PageReader>>()>;

/// Told the number of pages read so far after each page, one call at a time; may be empty.
using PagesDone = std::function<void(int done)>;

/// Decodes and reads every page on `jobs` worker threads, each with its own PageReader from
/// `make_reader` (one Tesseract instance per thread, for the life of the thread). Results come
/// back in scan order, one per page; a page that fails, even by an exception from a library,
/// comes back kUnreadable with its reason. Fails only if no worker could start (e.g. the OCR
/// models are missing). An unreadable page is also logged at once (event ocr.page_unreadable,
/// with `box_id` and the page's name), with its reason.
[[nodiscard]] Result<std::vector<PageReading>> ReadPages(const std::vector<ingest::PageSource>& pages, int jobs,
                                                         const ReaderFactory& make_reader,
                                                         const PagesDone& pages_done = {},
                                                         const std::string& box_id = "");

}  // namespace mailroom::app
