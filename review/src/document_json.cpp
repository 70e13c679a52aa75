#include "document_json.h"

#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"

namespace mailroom::review {

Result<mailroom::v1::Document> ReadDocumentJson(const std::filesystem::path& json_file) {
  auto text = ReadWholeFile(json_file);
  if (!text) return tl::unexpected(text.error());
  mailroom::v1::Document message;
  if (auto parsed = proto::FromJson(*text, message); !parsed) {
    return Fail(json_file.string() + ": not a document JSON: " + parsed.error().message);
  }
  if (message.document_id().empty()) return Fail(json_file.string() + ": not a document JSON: no document_id");
  return message;
}

}  // namespace mailroom::review
