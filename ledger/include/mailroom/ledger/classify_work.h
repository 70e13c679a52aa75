// The classifier's work on each box, in the ledger, so that several classify workers on several
// hosts share it (issue 16): a box's manifest and page readings come over queues that every
// worker consumes, so each worker holds only some of a box's messages. Each journals what it
// receives as content store refs (the bytes themselves go to the shared store, the ledger holds
// ids and hashes, never page text); when every page is there, one worker claims the box for a
// while, classifies it and marks it classified. A worker killed while finishing a box is taken
// over by another once its claim has run out: the documents come out again with the same ids and
// bytes, which the Postkorb recognises.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

/// What the classify workers journaled of one box.
struct ClassifyJournal {
  std::string manifest_ref;               ///< empty while the manifest has not come
  int pages = 0;                          ///< pages the manifest names
  std::vector<std::string> reading_refs;  ///< by page index, `pages` long; "" where not come yet
  bool classified = false;

  /// The manifest and a reading of every page are there.
  [[nodiscard]] bool Complete() const;
};

/// The classify workers' part of one ledger. Borrows `ledger`, which must outlive it; not
/// thread-safe (as Ledger).
class ClassifyWork {
 public:
  explicit ClassifyWork(Ledger& ledger);

  /// Journals the box's manifest (its ref and page count). The first one stays: a manifest
  /// published again (ingest run twice) names the same pages.
  [[nodiscard]] Result<void> JournalManifest(std::string_view box_id, int pages, std::string_view manifest_ref);
  /// Journals the reading of page `index`; the first one of a page stays (a page read twice, after
  /// an OCR worker was killed before its ack, reads the same).
  [[nodiscard]] Result<void> JournalReading(std::string_view box_id, int index, std::string_view reading_ref);

  /// What is journaled of the box (nothing: no manifest, no readings).
  [[nodiscard]] Result<ClassifyJournal> JournalOf(std::string_view box_id);

  /// Boxes whose manifest and readings are all there, not classified, and free for `worker` at
  /// `now` (unclaimed, claimed by `worker`, or their claim ran out), in box id order.
  [[nodiscard]] Result<std::vector<std::string>> Ready(std::string_view worker, Timestamp now);

  /// Claims the box for `worker` until `until`: true when it is `worker`'s now; false when it is
  /// classified, has no manifest yet, or another worker's claim runs past `now`.
  [[nodiscard]] Result<bool> Claim(std::string_view box_id, std::string_view worker, Timestamp now, Timestamp until);

  /// The box's documents are all published: no worker classifies it again, a late message of it
  /// is recognised, and its readings' rows are removed (the store keeps the bytes for its gc).
  [[nodiscard]] Result<void> MarkClassified(std::string_view box_id, std::string_view worker, Timestamp when);

  [[nodiscard]] Result<bool> IsClassified(std::string_view box_id);

 private:
  Db* db_;
};

}  // namespace mailroom::ledger
