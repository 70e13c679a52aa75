// The files of a review document as the desk rewrites them: its JSON (the contract's Document
// message) and PDF in OUT_DIR/review/, and the originals of its unreadable pages beside them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/review/in_tray.h"

namespace mailroom::review {

/// The review document `message` with `pdf`: the PDF, then the JSON (a document listed in the
/// in-tray has its PDF complete), both atomically. Replaces an earlier version of the same id.
[[nodiscard]] Result<void> WriteReviewFiles(const std::filesystem::path& out_dir, mailroom::v1::Document message,
                                            const std::string& pdf);

/// The originals ("<id>.<n>.orig<ext>") of `document` copied for the review document `new_id`.
[[nodiscard]] Result<void> CopyOriginals(const ReviewDocument& document, const std::string& new_id);

/// Takes `document` out of review/: its JSON first (so it is no longer listed), then its PDF and
/// originals.
[[nodiscard]] Result<void> RemoveReviewFiles(const ReviewDocument& document);

/// The 0-based positions of `pages` in `document`; fails naming the page that is not in it.
[[nodiscard]] Result<std::vector<int>> PagePositions(const ReviewDocument& document,
                                                     const std::vector<std::string>& pages);

}  // namespace mailroom::review
