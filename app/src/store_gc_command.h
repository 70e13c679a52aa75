// `mailroom store gc`: the content store's blobs go when the ledger says their box no longer needs
// them (destroyed, or delivered and past the retention); the store's own side is store_gc.h.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "mailroom/app/process_box.h"  // ProcessError

namespace mailroom::app {

struct StoreGcCommandOptions {
  std::filesystem::path store_dir;
  std::filesystem::path ledger_file;
  /// The output folder whose review/ holds the open review documents; their boxes are kept.
  std::filesystem::path out_dir;
  bool dry_run = false;
  /// Days after delivery the blobs are kept; none: the paper's retention in the ledger (per origin).
  std::optional<int> retention_days;
  /// Blobs of a box the ledger does not know, or of no box, are kept at least this long.
  int grace_days = 7;
  /// Also removes such blobs once past the grace period (default: counted only).
  bool remove_orphans = false;
};

/// Runs the gc and returns what it removed (or, with dry_run, would remove), per box with the
/// reason, the bytes freed and what the store holds now; sets mailroom_store_bytes and
/// mailroom_store_blobs. Bad input (exit 2, nothing removed): a ledger that cannot be opened, an
/// unreadable review JSON (its box could not be kept).
[[nodiscard]] tl::expected<std::string, ProcessError> StoreGc(const StoreGcCommandOptions& options);

}  // namespace mailroom::app
