#include "ocr_worker_page.h"

#include <chrono>
#include <exception>
#include <string>
#include <system_error>

#include "mailroom/ingest/box.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/messages.h"
#include "mailroom/proto/page_reading_codec.h"

namespace mailroom::distributed::detail {
namespace {

PageReading Unreadable(const v1::Page& page, std::string error) {
  PageReading reading;
  reading.name = page.name();
  reading.index = static_cast<int>(page.index());
  reading.kind = PageKind::kUnreadable;
  reading.error = std::move(error);
  return reading;
}

// The same steps as `mailroom process` (app/src/read_pages.cpp): decode, read, and never lose a
// page to a library failure.
PageReading ReadImage(ocr::PageReader& reader, const v1::Page& page, const std::filesystem::path& image) {
  const ingest::PageSource source{page.name(), image, static_cast<int>(page.tiff_page()), ""};
  const int index = static_cast<int>(page.index());
  try {
    auto pix = ingest::DecodePage(source);
    if (!pix) return Unreadable(page, pix.error().message);
    const auto start = std::chrono::steady_clock::now();
    PageReading reading = reader.Read(source.name, index, **pix);
    metrics::ObserveOcr(metrics::SecondsSince(start));
    return reading;
  } catch (const std::exception& e) {
    return Unreadable(page, page.name() + ": internal error while reading: " + e.what());
  } catch (...) {
    return Unreadable(page, page.name() + ": internal error while reading");
  }
}

// Moves the reader's PDF into the store: the scratch copy is removed whatever happens, so a
// long-running worker does not fill its disk.
Result<std::string> StorePdf(const store::ContentStore& store, const std::string& pdf_path) {
  if (pdf_path.empty()) return std::string();
  auto ref = store.PutFile(pdf_path);
  std::error_code ignored;
  std::filesystem::remove(pdf_path, ignored);
  return ref;
}

}  // namespace

Result<v1::PageReading> ReadPageMessage(const transport::Message& message, const store::ContentStore& store,
                                        ocr::PageReader& reader) {
  const std::string what = "page '" + message.message_id + "'";
  v1::Page page;
  if (!page.ParseFromString(message.body)) return Fail(what + ": the message is not a mailroom.v1.Page");
  if (page.schema_version() > proto::kSchemaVersion) {
    return Fail(what + ": schema version " + std::to_string(page.schema_version()) + " is newer than this worker's " +
                std::to_string(proto::kSchemaVersion));
  }

  PageReading reading;
  if (!page.listing_error().empty()) {
    // Ingest already knew the file cannot be a page: it goes to review like in `mailroom process`.
    reading = Unreadable(page, page.name() + ": " + page.listing_error());
  } else {
    auto image = store.PathOf(page.content_ref());
    if (!image) return tl::unexpected(image.error().Prefixed(what + ": image"));
    reading = ReadImage(reader, page, *image);
  }
  if (reading.kind == PageKind::kUnreadable) metrics::CountError("ocr", "unreadable_page");
  auto pdf_ref = StorePdf(store, reading.pdf_path);
  if (!pdf_ref) return tl::unexpected(pdf_ref.error().Prefixed(what + ": storing the PDF"));
  return proto::ToProto(reading, page.box_id(), *pdf_ref);
}

}  // namespace mailroom::distributed::detail
