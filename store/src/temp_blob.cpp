#include "temp_blob.h"

#include <stdlib.h>
#include <unistd.h>

#include <utility>

#include "content_ref.h"

namespace mailroom::store {

Result<TempBlob> TempBlob::Create(const std::filesystem::path& root) {
  // mkstemp gives a name no other thread, process or (with NFSv3+ exclusive create) machine uses,
  // and mode 0600. WriteFileAtomically's per-process name would collide between threads.
  std::string pattern = (root / "tmp" / ".blob-XXXXXX").string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) return Fail((root / "tmp").string() + ": cannot create a temporary file: " + ErrnoText());
  return TempBlob(root, std::filesystem::path(pattern), UniqueFd(fd));
}

// Written out because a moved-from path is not guaranteed empty, and the destructor relies on it.
TempBlob::TempBlob(TempBlob&& other) noexcept
    : root_(std::move(other.root_)),
      path_(std::exchange(other.path_, {})),
      fd_(std::move(other.fd_)),
      size_(other.size_) {}

TempBlob::~TempBlob() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

Result<void> TempBlob::Write(std::string_view bytes) {
  if (auto written = WriteAll(fd_.get(), bytes); !written) {
    return Fail(path_.string() + ": cannot write: " + written.error().message);
  }
  size_ += bytes.size();
  return {};
}

Result<void> TempBlob::Commit(std::string_view hex) {
  if (::fsync(fd_.get()) != 0) return Fail(path_.string() + ": cannot sync: " + ErrnoText());
  fd_.Reset();
  const auto shard = ShardFolder(root_, hex);
  if (auto made = MakeShardFolders(shard); !made) return made;
  const auto target = BlobPath(root_, hex);
  // Another writer may have finished the same blob meanwhile: then ours is not needed. A copy of
  // the wrong size (damaged storage) is replaced by the rename below.
  if (RegularFileSize(target) == size_) return {};  // the destructor removes the temporary file
  // rename() replaces atomically: a concurrent reader sees the old complete copy or the new one.
  if (::rename(path_.c_str(), target.c_str()) != 0) {
    return Fail(target.string() + ": cannot move blob into place: " + ErrnoText());
  }
  path_.clear();
  return SyncFolder(shard);
}

}  // namespace mailroom::store
