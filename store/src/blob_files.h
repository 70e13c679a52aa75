// File-system steps of the store, each one failing with an error that names the path.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "mailroom/common/atomic_file.h"  // SyncFolder
#include "mailroom/common/fd_io.h"
#include "mailroom/common/result.h"

namespace mailroom::store {

/// How much of a blob is read, hashed or copied at a time.
inline constexpr size_t kChunkSize = 1 << 20;

/// Owns a file descriptor; closes it once.
class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) : fd_(fd) {}
  ~UniqueFd() { Reset(); }
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.Release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int Release();
  void Reset();

 private:
  int fd_;
};

/// Reads up to `buffer.size()` bytes; returns how many (0 at the end of the file).
[[nodiscard]] Result<size_t> ReadSome(int fd, std::string& buffer);

/// Creates ROOT/sha256/ab and ROOT/sha256/ab/cd (0700) when missing, and syncs the parent of each
/// folder it created. Safe when another writer creates the same folders at the same time.
[[nodiscard]] Result<void> MakeShardFolders(const std::filesystem::path& shard);

/// The size of the regular file at `path`, or nothing if there is none.
std::optional<uint64_t> RegularFileSize(const std::filesystem::path& path);

/// Reads the file at `path` in chunks and checks it against `hex` (its expected SHA-256). Returns
/// its bytes if `keep_bytes`, else an empty string. `ref` is only for the error messages.
[[nodiscard]] Result<std::string> ReadVerified(const std::filesystem::path& path, std::string_view hex,
                                               std::string_view ref, bool keep_bytes);

}  // namespace mailroom::store
