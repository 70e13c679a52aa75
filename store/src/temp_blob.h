// A blob being written: a unique temporary file in ROOT/tmp that becomes ROOT/sha256/ab/cd/<hex>
// by one atomic rename, so no reader ever sees half a blob.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "blob_files.h"
#include "mailroom/common/result.h"

namespace mailroom::store {

class TempBlob {
 public:
  /// Creates an empty temporary file (0600) in `root`/tmp. The error names the folder.
  [[nodiscard]] static Result<TempBlob> Create(const std::filesystem::path& root);

  /// Removes the temporary file unless Commit succeeded.
  ~TempBlob();
  TempBlob(TempBlob&& other) noexcept;
  TempBlob(const TempBlob&) = delete;
  TempBlob& operator=(const TempBlob&) = delete;
  TempBlob& operator=(TempBlob&&) = delete;

  [[nodiscard]] Result<void> Write(std::string_view bytes);

  /// Flushes the file and moves it to the blob path for `hex` (the SHA-256 of what was written).
  /// If a complete copy is there already, the temporary file is dropped instead.
  [[nodiscard]] Result<void> Commit(std::string_view hex);

 private:
  TempBlob(std::filesystem::path root, std::filesystem::path path, UniqueFd fd)
      : root_(std::move(root)), path_(std::move(path)), fd_(std::move(fd)) {}

  std::filesystem::path root_;
  std::filesystem::path path_;  // empty once committed or moved from
  UniqueFd fd_;
  uint64_t size_ = 0;
};

}  // namespace mailroom::store
