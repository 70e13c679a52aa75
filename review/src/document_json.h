// Reading one document JSON of an output folder (review/ or postkorb/) as its protobuf message.
// Private to the review library; the message never leaves it.
#pragma once

#include <filesystem>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"

namespace mailroom::review {

/// The document in `json_file`. Fails with "<file>: <reason>" when it cannot be read, and with
/// "<file>: not a document JSON: <reason>" when it is not JSON of a document or has no document_id.
[[nodiscard]] Result<mailroom::v1::Document> ReadDocumentJson(const std::filesystem::path& json_file);

}  // namespace mailroom::review
