#include "ocr_worker_page.h"

#include <string>
#include <system_error>

#include "mailroom/ingest/box.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/message_names.h"
#include "mailroom/proto/messages.h"
#include "mailroom/proto/page_reading_codec.h"

namespace mailroom::distributed::detail {
namespace {

// Moves the reader's PDF into the store: the scratch copy is removed whatever happens, so a
// long-running worker does not fill its disk.
Result<std::string> StorePdf(const store::ContentStore& store, const std::string& pdf_path, const std::string& box_id) {
  if (pdf_path.empty()) return std::string();
  auto ref = store.PutFile(pdf_path, box_id);
  std::error_code ignored;
  std::filesystem::remove(pdf_path, ignored);
  return ref;
}

}  // namespace

Result<v1::PageReading> ReadPageMessage(const transport::Message& message, const store::ContentStore& store,
                                        ocr::PageReader& reader, const ingest::PageLimits& limits) {
  const std::string what = "page '" + message.message_id + "'";
  v1::Page page;
  if (!page.ParseFromString(message.body)) return Fail(what + ": the message is not a mailroom.v1.Page");
  if (page.schema_version() > proto::kSchemaVersion) {
    return Fail(what + ": schema version " + std::to_string(page.schema_version()) + " is newer than this worker's " +
                std::to_string(proto::kSchemaVersion));
  }
  if (auto bad = proto::CheckNames(page); !bad) return Fail(what + ": " + bad.error().message);

  // A file that ingest already knew cannot be a page has no image in the store: ReadPage turns its
  // listing error into an unreadable reading, as in `mailroom process`.
  ingest::PageSource source{page.name(), {}, static_cast<int>(page.tiff_page()), page.listing_error(), limits};
  if (source.listing_error.empty()) {
    auto image = store.PathOf(page.content_ref());
    if (!image) return tl::unexpected(image.error().Prefixed(what + ": image"));
    source.path = *image;
  }
  const PageReading reading = ocr::ReadPage(source, static_cast<int>(page.index()), reader);
  if (reading.kind == PageKind::kUnreadable) metrics::CountError("ocr", "unreadable_page");
  auto pdf_ref = StorePdf(store, reading.pdf_path, page.box_id());
  if (!pdf_ref) return tl::unexpected(pdf_ref.error().Prefixed(what + ": storing the PDF"));
  v1::PageReading out = proto::ToProto(reading, page.box_id(), *pdf_ref);
  // Its paper is needed: the router puts the input file beside the review document, as `process` does.
  if (reading.kind == PageKind::kUnreadable) out.set_original_ref(page.content_ref());
  return out;
}

}  // namespace mailroom::distributed::detail
