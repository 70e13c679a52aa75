// The Postkorb consumer's memory of what it delivered: one receipt per document, kept apart from
// the delivered files, because the jobcenter's import takes those away. A receipt holds the
// content hash of the document as delivered (its JSON and PDF), so that a redelivery, or the same
// document assembled again (the same bytes: its dates are the box's, not the clock's), is known for
// a repeat long after its files are gone, and another content under the same id for what it is.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "mailroom/common/result.h"

namespace mailroom::distributed {

/// "sha256:<hex>" of a document's JSON and PDF together (a JSON holds no NUL byte, so JSON, NUL,
/// PDF names the pair unambiguously).
[[nodiscard]] std::string DocumentContentRef(const std::string& json, const std::string& pdf);

struct PostkorbReceipt {
  std::string document_id;
  std::string content;       ///< DocumentContentRef of what was delivered
  std::string delivered_at;  ///< when (ISO 8601 UTC, the consumer's clock)
};

/// The receipts of one jobcenter's consumer: OUT/.mailroom-postkorb/<jobcenter_id>/<document_id>.json,
/// folders 0700, files 0600. Hidden and outside postkorb/, so an import that takes the Postkorb's
/// files never sees them. Not thread-safe; one consumer per jobcenter and OUT.
class PostkorbReceipts {
 public:
  PostkorbReceipts(const std::filesystem::path& out_dir, const std::string& jobcenter_id);

  /// The receipt of `document_id`; nullopt if it was never delivered here. Fails naming the file
  /// if a receipt is there but cannot be read (never taken for "not delivered").
  [[nodiscard]] Result<std::optional<PostkorbReceipt>> Find(const std::string& document_id) const;

  /// Writes the receipt atomically, fsyncs it and its folder: once this returns, the delivery is
  /// remembered across a crash. The caller has made the document's files durable before.
  [[nodiscard]] Result<void> Record(const PostkorbReceipt& receipt) const;

  [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }

 private:
  std::filesystem::path folder_;
};

}  // namespace mailroom::distributed
