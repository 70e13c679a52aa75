#include "mailroom/proto/page_reading_codec.h"

#include <limits>

#include "mailroom/common/safe_names.h"

#include "mailroom/proto/messages.h"

namespace mailroom::proto {
namespace {

v1::PageKind KindToProto(PageKind kind) {
  switch (kind) {
    case PageKind::kContent:
      return v1::PAGE_KIND_CONTENT;
    case PageKind::kBlank:
      return v1::PAGE_KIND_BLANK;
    case PageKind::kSeparator:
      return v1::PAGE_KIND_SEPARATOR;
    case PageKind::kUnreadable:
      return v1::PAGE_KIND_UNREADABLE;
  }
  // Unreachable with a valid enum; a reading nobody understands is safest in review.
  return v1::PAGE_KIND_UNREADABLE;
}

Result<PageKind> KindFromProto(int kind) {
  switch (kind) {
    case v1::PAGE_KIND_CONTENT:
      return PageKind::kContent;
    case v1::PAGE_KIND_BLANK:
      return PageKind::kBlank;
    case v1::PAGE_KIND_SEPARATOR:
      return PageKind::kSeparator;
    case v1::PAGE_KIND_UNREADABLE:
      return PageKind::kUnreadable;
    default:
      return Fail("unknown page kind " + std::to_string(kind));
  }
}

}  // namespace

v1::PageReading ToProto(const PageReading& reading, std::string_view box_id, std::string_view pdf_ref) {
  v1::PageReading out;
  out.set_schema_version(kSchemaVersion);
  out.set_box_id(std::string(box_id));
  out.set_name(reading.name);
  out.set_index(static_cast<std::uint32_t>(reading.index));
  out.set_kind(KindToProto(reading.kind));
  for (const Barcode& barcode : reading.barcodes) {
    v1::Barcode* b = out.add_barcodes();
    b->set_format(barcode.format);
    b->set_text(barcode.text);
  }
  out.set_text(reading.text);
  for (const Word& word : reading.words) {
    v1::Word* w = out.add_words();
    w->set_text(word.text);
    w->set_confidence(word.confidence);
    w->set_left(word.left);
    w->set_top(word.top);
    w->set_width(word.width);
    w->set_height(word.height);
  }
  out.set_mean_confidence(reading.mean_confidence);
  out.set_ink_mm2(reading.ink_mm2);
  out.set_unread_ink_share(reading.unread_ink_share);
  out.set_rotation_degrees(reading.rotation_degrees);
  out.set_error(reading.error);
  out.set_pdf_ref(std::string(pdf_ref));
  return out;
}

Result<WirePageReading> FromProto(const v1::PageReading& message) {
  const std::string what = "page reading " + message.box_id() + "/" + message.name();
  if (message.schema_version() > kSchemaVersion) {
    return Fail(what + ": schema version " + std::to_string(message.schema_version()) + " is newer than " +
                std::to_string(kSchemaVersion));
  }
  auto kind = KindFromProto(message.kind());
  if (!kind) return tl::unexpected(kind.error().Prefixed(what));

  WirePageReading out;
  out.box_id = message.box_id();
  out.pdf_ref = message.pdf_ref();
  out.original_ref = message.original_ref();
  PageReading& reading = out.reading;
  reading.name = message.name();
  reading.index = static_cast<int>(message.index());
  reading.kind = *kind;
  reading.barcodes.reserve(static_cast<std::size_t>(message.barcodes_size()));
  for (const v1::Barcode& b : message.barcodes()) reading.barcodes.push_back({b.format(), b.text()});
  reading.text = message.text();
  reading.words.reserve(static_cast<std::size_t>(message.words_size()));
  for (const v1::Word& w : message.words()) {
    reading.words.push_back({w.text(), w.confidence(), w.left(), w.top(), w.width(), w.height()});
  }
  reading.mean_confidence = message.mean_confidence();
  reading.ink_mm2 = message.ink_mm2();
  reading.unread_ink_share = message.unread_ink_share();
  reading.rotation_degrees = message.rotation_degrees();
  reading.error = message.error();
  return out;
}

Result<WirePageReading> ParsePageReading(std::string_view bytes) {
  v1::PageReading message;
  // protobuf takes an int size: a body of 2 GiB or more would wrap around (no reading is that big).
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Fail("not a mailroom.v1.PageReading (" + std::to_string(bytes.size()) + " bytes: too big)");
  }
  if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return Fail("not a mailroom.v1.PageReading (" + std::to_string(bytes.size()) + " bytes)");
  }
  // Its box id and page name become file names further on (the journal, the originals).
  if (auto bad = CheckId("box_id", message.box_id()); !bad) return tl::unexpected(bad.error());
  if (auto problem = PageNameProblem(message.name()); !problem.empty()) return Fail(problem);
  return FromProto(message);
}

}  // namespace mailroom::proto
