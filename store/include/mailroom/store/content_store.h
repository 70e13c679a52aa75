// The content store: page images and PDFs travel between distributed workers by reference
// ("sha256:<hex>"), so messages stay small. A store is a directory, which may be shared between
// machines (e.g. over NFS):
//
//   ROOT/sha256/ab/cd/abcd...   one read-only file (0600) per blob, named by its SHA-256
//   ROOT/tmp/                   blobs being written; renamed into place once complete
//   ROOT/boxes/<box>/<hex>      an empty file per blob and box it was put for (its owners), written
//                               before the blob, so that `mailroom store gc` knows whose it is
//   ROOT/trash/                 blobs a gc is removing; put back by the next gc if it was interrupted
//
// Blobs are immutable: the same bytes always give the same ref and the same file, so a second Put
// is a no-op and two workers may put the same page at the same time.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "mailroom/common/result.h"

namespace mailroom::store {

/// Checks that `ref` is "sha256:" followed by 64 lowercase hex digits; anything else (a path, "..",
/// upper case, a wrong length) is rejected with an error that quotes the ref. A ref is never used
/// as a path before it passed this check.
[[nodiscard]] Result<void> ValidateRef(std::string_view ref);

/// The ref `bytes` have ("sha256:" and their SHA-256 in hex), the one Put would return, without
/// storing anything: a stable name for content, e.g. to recognise a message sent again.
[[nodiscard]] std::string ContentRef(std::string_view bytes);

/// Thread-safe: every member is const, and all coordination goes through the file system (unique
/// temporary files, atomic rename), so threads and processes on several machines may share a root.
class ContentStore {
 public:
  /// Opens the store at `root`, creating `root`, `root/sha256`, `root/tmp` and `root/boxes` (each new
  /// level 0700) when missing. Fails, naming the folder, when they cannot be created (a file in the way, no
  /// write permission). The store needs write access: every worker puts something.
  [[nodiscard]] static Result<ContentStore> Open(const std::filesystem::path& root);

  /// Stores `bytes` and returns their ref. Durable when it returns: the file and its folder are
  /// fsync'ed. If the blob is there already, nothing is written (a stored copy of the wrong size,
  /// left by a damaged disk, is replaced). With a `box_id`, the blob is recorded as the box's
  /// (ROOT/boxes/) before it is stored, so the garbage collector keeps it as long as the box needs
  /// it; a blob without an owner is one the collector cannot place (see store_gc.h).
  [[nodiscard]] Result<std::string> Put(std::string_view bytes, std::string_view box_id = {}) const;

  /// Stores the contents of the file at `path`, reading it once in small chunks (memory use does
  /// not grow with the file). Same guarantees as Put. The error names `path` if it cannot be read.
  [[nodiscard]] Result<std::string> PutFile(const std::filesystem::path& path, std::string_view box_id = {}) const;

  /// Returns the bytes of `ref`, checked against the hash: a truncated or corrupted blob is an
  /// error naming the ref and the reason, never wrong bytes. A missing blob is an error too.
  [[nodiscard]] Result<std::string> Get(std::string_view ref) const;

  /// Returns the path of the blob's file, for readers that want a file (Leptonica). The file is
  /// hashed first (one read; the page cache makes the caller's read cheap), so the same errors as
  /// Get apply. The caller must not write to the file.
  [[nodiscard]] Result<std::filesystem::path> PathOf(std::string_view ref) const;

  /// True if a blob for `ref` is stored. Checks presence only, not the contents (use Get or
  /// PathOf for that). Fails only for an invalid ref.
  [[nodiscard]] Result<bool> Has(std::string_view ref) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit ContentStore(std::filesystem::path root) : root_(std::move(root)) {}

  std::filesystem::path root_;
};

}  // namespace mailroom::store
