// The ledger's side of `mailroom process`: a box is processed only if it is registered, and
// afterwards each of its pages is recorded as delivered (inside a document) or accounted for
// (blank, separator), so the ledger knows when the paper may go to the destruction service.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/app/process_box.h"
#include "mailroom/ingest/box.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::app {

/// What one written document means for custody.
struct DocumentCustody {
  std::string document_id;
  std::optional<std::string> jobcenter_id;    ///< routed to; none when it went to review
  std::optional<std::string> bg_number;       ///< the case, when routed
  std::vector<std::string> readable_pages;    ///< pages whose image is in the document
  std::vector<std::string> unreadable_pages;  ///< pages that could not be read: their paper is still needed
};

/// Where the box stands after processing.
struct CustodyOutcome {
  ledger::BoxState state;
  int pages_open = 0;       ///< captured pages neither delivered to a case nor accounted for
  int pages_in_review = 0;  ///< of those, the readable pages in review documents (the rest are unreadable)
};

class BoxCustody {
 public:
  /// Opens the ledger and moves the box to processing. A box that arrived as a folder of images
  /// (registered, never scanned by mailroom) is recorded as captured with `pages` pages first.
  /// Refused (bad input, nothing written) when the box is not registered, is still being scanned,
  /// is past processing, or its box.json, page count, seal or origin disagree with the ledger.
  [[nodiscard]] static tl::expected<BoxCustody, ProcessError> Begin(const std::filesystem::path& ledger_file,
                                                                    const ingest::BoxInfo& box, int pages,
                                                                    std::string who);

  /// When the box arrived, from the ledger ("2026-11-25T08:15:00Z").
  [[nodiscard]] const std::string& arrived_at() const { return arrived_at_; }

  /// Records every page of the written output; the box moves to delivered when no page is open.
  /// Pages of review documents count as delivered (to the review in-tray, a person takes them
  /// from there); unreadable pages do not: their paper must not be destroyed.
  [[nodiscard]] Result<CustodyOutcome> Record(const std::vector<DocumentCustody>& documents,
                                              const std::vector<std::string>& accounted_pages);

 private:
  BoxCustody(ledger::Ledger ledger, std::string box_id, std::string who, std::string arrived_at);

  ledger::Ledger ledger_;
  std::string box_id_, who_, arrived_at_;
};

/// The ledger's jobcenter id for pages delivered to the review in-tray.
inline constexpr const char* kReviewDestination = "review";

}  // namespace mailroom::app
