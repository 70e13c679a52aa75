#include <chrono>
#include <exception>

#include "mailroom/metrics/registry.h"
#include "mailroom/ocr/ocr.h"

namespace mailroom::ocr {
namespace {

PageReading Unreadable(const ingest::PageSource& source, int index, std::string error) {
  PageReading page;
  page.name = source.name;
  page.index = index;
  page.kind = PageKind::kUnreadable;
  page.error = std::move(error);
  return page;
}

}  // namespace

PageReading ReadPage(const ingest::PageSource& source, int index, PageReader& reader) {
  try {
    auto image = ingest::DecodePage(source);
    if (!image) return Unreadable(source, index, image.error().message);
    const auto start = std::chrono::steady_clock::now();
    PageReading reading = reader.Read(source.name, index, **image);
    metrics::ObserveOcr(metrics::SecondsSince(start));
    return reading;
  } catch (const std::exception& e) {
    // Never lose a page to a library failure: it goes to review with the reason.
    return Unreadable(source, index, source.name + ": internal error while reading: " + e.what());
  } catch (...) {
    return Unreadable(source, index, source.name + ": internal error while reading");
  }
}

}  // namespace mailroom::ocr
