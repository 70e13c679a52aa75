#include "read_pages.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "mailroom/common/event_log.h"
#include "mailroom/common/fd_io.h"
#include "mailroom/metrics/registry.h"

namespace mailroom::app {
namespace {

// A worker's reader, or the reason it could not be made (also when making it threw).
Result<std::unique_ptr<ocr::PageReader>> MakeReader(const ReaderFactory& make_reader) {
  try {
    return make_reader();
  } catch (const std::exception& e) {
    return Fail(std::string("internal error: ") + e.what());
  } catch (...) {
    return Fail("internal error");
  }
}

// Said even with --quiet: the operator should know at once, not only from review/. The reason
// names the file's trouble (decoder or library text), never what the page says.
void LogUnreadable(const std::string& box_id, const PageReading& page) {
  using eventlog::Level;
  if (!eventlog::Enabled(Level::kWarning)) return;
  // On a terminal the progress line is still open: the warning starts a line of its own.
  if (isatty(2) == 1 && eventlog::Current().fd == 2) (void)WriteAll(2, "\n");
  // The id is a field: the reason loses the "0004.tif: " in front that the review JSON keeps.
  std::string_view reason = page.error;
  if (reason.rfind(page.name + ": ", 0) == 0) reason.remove_prefix(page.name.size() + 2);
  eventlog::Log(Level::kWarning, "ocr.page_unreadable", {.box_id = box_id, .page = page.name},
                std::string(reason) + " (the page goes to review)");
}

}  // namespace

Result<std::vector<PageReading>> ReadPages(const std::vector<ingest::PageSource>& pages, int jobs,
                                           const ReaderFactory& make_reader, const PagesDone& pages_done,
                                           const std::string& box_id) {
  std::vector<PageReading> readings(pages.size());
  std::vector<bool> done(pages.size(), false);
  std::atomic<size_t> next{0};
  std::atomic<int> finished{0};
  std::mutex mutex;  // guards start_error, done and pages_done
  std::string start_error;

  auto worker = [&] {
    auto reader = MakeReader(make_reader);
    if (!reader) {
      std::lock_guard lock(mutex);
      start_error = reader.error().message;
      return;
    }
    for (size_t i = next++; i < pages.size(); i = next++) {
      metrics::CountPages("ocr", "in");
      const auto start = std::chrono::steady_clock::now();
      PageReading reading = ocr::ReadPage(pages[i], static_cast<int>(i), **reader);
      metrics::ObserveStage("ocr", metrics::SecondsSince(start));
      metrics::CountPages("ocr", "out");
      if (reading.kind == PageKind::kUnreadable) metrics::CountError("ocr", "unreadable_page");
      std::lock_guard lock(mutex);
      readings[i] = std::move(reading);
      done[i] = true;
      const int count = ++finished;
      if (readings[i].kind == PageKind::kUnreadable) LogUnreadable(box_id, readings[i]);
      eventlog::Log(eventlog::Level::kDebug, "ocr.page_read", {.box_id = box_id, .page = readings[i].name},
                    PageKindName(readings[i].kind));
      if (pages_done) pages_done(count);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < std::max(1, jobs); ++t) threads.emplace_back(worker);
  for (auto& thread : threads) thread.join();

  for (size_t i = 0; i < pages.size(); ++i) {
    if (!done[i]) return Fail("cannot start the reading stage: " + start_error);
  }
  return readings;
}

}  // namespace mailroom::app
