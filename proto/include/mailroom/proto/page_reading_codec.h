// The reading of one page on the wire: the C++ PageReading (what the OCR stage produces and the
// classifier consumes in one process) to and from mailroom.v1.PageReading (what travels between
// distributed workers). The only difference is the PDF: a local file path in one process, a
// content-store ref on the wire, because workers share the store and not their scratch folders.
#pragma once

#include <string>
#include <string_view>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/flow/page_reading.h"

namespace mailroom::proto {

/// A page reading as it came over the wire. `reading.pdf_path` is always empty: the PDF is at
/// `pdf_ref` in the content store (empty when the page has none).
struct WirePageReading {
  std::string box_id;
  PageReading reading;
  std::string pdf_ref;
  std::string original_ref;  ///< an unreadable page: its input file in the content store; else empty
};

/// Every field of `reading` except pdf_path, which is replaced by `pdf_ref`; schema_version is
/// kSchemaVersion. original_ref is left empty (the caller knows where the input file is).
[[nodiscard]] v1::PageReading ToProto(const PageReading& reading, std::string_view box_id, std::string_view pdf_ref);

/// The inverse of ToProto. Fails for a message of a newer schema version or with a page kind
/// this build does not know, rather than guessing what it means.
[[nodiscard]] Result<WirePageReading> FromProto(const v1::PageReading& message);

/// Parses the bytes of a serialized v1::PageReading (a message body) and converts it.
[[nodiscard]] Result<WirePageReading> ParsePageReading(std::string_view bytes);

}  // namespace mailroom::proto
