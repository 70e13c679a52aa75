// The content store's lifecycle: blobs go when the boxes they were put for (ROOT/boxes/, see
// content_store.h) no longer need them. The store does not know the ledger: the caller says, per
// box, whether its blobs may go (destroyed, delivered and past the retention) or must stay (not
// delivered, an open review document), or that it does not know the box.
//
// A blob is removed only when every box it was put for may let it go (one page image may belong to
// two boxes). Blobs of unknown owner (no record, or a box the caller does not know) younger than the
// grace period are always kept: their box may be being ingested right now.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/store/content_store.h"

namespace mailroom::store {

/// What may happen to the blobs of one box.
enum class BoxFate {
  kKeep,     ///< still needed: not delivered, or a document of it is in review
  kRemove,   ///< no longer needed: destroyed, or delivered and past the retention
  kUnknown,  ///< the caller does not know the box (treated like a blob without an owner)
};

/// The caller's word on one box, with its reason for the report ("destroyed", "processing").
struct BoxVerdict {
  BoxFate fate = BoxFate::kKeep;
  std::string reason;
};

/// How much the store holds: blobs under ROOT/sha256 and their bytes.
struct StoreUsage {
  uint64_t blobs = 0;
  uint64_t bytes = 0;
};

struct GcOptions {
  /// The fate of a box, asked once per box the store has records of. Required; a box it does not
  /// answer for must be kUnknown, never kRemove.
  std::function<BoxVerdict(const std::string& box_id)> verdict;
  /// Blobs of unknown owner younger than this (by the time their record, or for a blob without a
  /// record the blob, was written) are kept whatever else is set. Default 7 days.
  std::chrono::seconds grace = std::chrono::hours(24 * 7);
  /// Also removes blobs of unknown owner older than the grace. Default off: they are counted only,
  /// since a store written before boxes were recorded has nothing but such blobs.
  bool remove_orphans = false;
  /// Lists what would go and removes nothing (not even an interrupted run's trash is put back).
  bool dry_run = false;
  /// "Now", for the grace period.
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  /// Test seam: called after "trashed" (every blob to go moved to ROOT/trash) and "deleted" (the
  /// trash emptied, the boxes' records not yet removed), so a test can kill the process there.
  std::function<void(std::string_view step)> on_step;
};

/// A box whose records went, with the blobs that went with it (shared blobs count for each box).
struct GcBox {
  std::string box_id;
  std::string reason;
  uint64_t blobs = 0;
  uint64_t bytes = 0;
};

struct GcReport {
  std::vector<GcBox> boxes;              ///< boxes removed (or, in a dry run, that would be), in id order
  uint64_t blobs_removed = 0;            ///< every blob removed once, owned or not
  uint64_t bytes_freed = 0;              ///< their bytes
  uint64_t orphans_removed = 0;          ///< of blobs_removed, those without an owner record
  uint64_t kept_young_unknown = 0;       ///< blobs of unknown owner inside the grace period
  uint64_t kept_old_unknown = 0;         ///< blobs of unknown owner past the grace, kept (no remove_orphans)
  uint64_t restored_from_trash = 0;      ///< blobs an interrupted gc had in ROOT/trash, put back first
  uint64_t reclaimed_by_late_owner = 0;  ///< blobs a box claimed while this gc ran, put back
  StoreUsage after;                      ///< what the store holds afterwards (in a dry run: would hold)
};

/// Removes the blobs no box needs any more, then the records of the boxes that let them go. Safe
/// against a crash at any point: blobs are first moved to ROOT/trash (one rename each), a box that
/// records one of them meanwhile gets it back, and only then is the trash emptied; the next run puts
/// back what an interrupted run left in the trash before it decides anything. One gc at a time per
/// store (a lock file, ROOT/gc.lock); a second is refused. Errors name the file and the reason.
[[nodiscard]] Result<GcReport> CollectGarbage(const ContentStore& store, const GcOptions& options);

/// Counts the blobs and bytes under ROOT/sha256 (one stat per blob). The error names the folder.
[[nodiscard]] Result<StoreUsage> MeasureStore(const ContentStore& store);

}  // namespace mailroom::store
