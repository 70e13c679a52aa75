#include "blob_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "content_ref.h"
#include "sha256.h"

namespace mailroom::store {
namespace {

// Creates one folder level; true if this call created it (so its parent needs a sync).
Result<bool> MakeFolder(const std::filesystem::path& folder) {
  if (::mkdir(folder.c_str(), 0700) == 0) return true;
  if (errno == EEXIST) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return false;
    return Fail(folder.string() + ": exists and is not a folder");
  }
  return Fail(folder.string() + ": cannot create folder: " + ErrnoText());
}

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    Reset();
    fd_ = other.Release();
  }
  return *this;
}

int UniqueFd::Release() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

void UniqueFd::Reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Result<size_t> ReadSome(int fd, std::string& buffer) {
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) return Fail(ErrnoText());
  }
}

Result<void> MakeShardFolders(const std::filesystem::path& shard) {
  for (const auto& folder : {shard.parent_path(), shard}) {
    auto created = MakeFolder(folder);
    if (!created) return tl::unexpected(created.error());
    if (*created) {
      if (auto synced = SyncFolder(folder.parent_path()); !synced) return synced;
    }
  }
  return {};
}

std::optional<uint64_t> RegularFileSize(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return static_cast<uint64_t>(st.st_size);
}

Result<std::string> ReadVerified(const std::filesystem::path& path, std::string_view hex, std::string_view ref,
                                 bool keep_bytes) {
  const std::string what = std::string(ref) + " (" + path.string() + ")";
  // O_NOFOLLOW: the store holds regular files only; a link planted in it is not followed.
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!fd.valid()) {
    if (errno == ENOENT) return Fail(what + ": not in the content store");
    return Fail(what + ": cannot open: " + ErrnoText());
  }
  Sha256 hash;
  std::string bytes;
  struct stat st {};
  // One allocation for the whole blob; the size is only a hint, the loop reads to the real end.
  if (keep_bytes && ::fstat(fd.get(), &st) == 0) bytes.reserve(static_cast<size_t>(st.st_size));
  std::string chunk(kChunkSize, '\0');
  uint64_t total = 0;
  for (;;) {
    auto n = ReadSome(fd.get(), chunk);
    if (!n) return Fail(what + ": cannot read: " + n.error().message);
    if (*n == 0) break;
    std::string_view piece(chunk.data(), *n);
    hash.Update(piece);
    if (keep_bytes) bytes.append(piece);
    total += *n;
  }
  std::string actual = hash.FinalHex();
  if (actual != hex) {
    return Fail(what + ": stored blob is corrupt or truncated: its " + std::to_string(total) + " bytes hash to " +
                RefOf(actual));
  }
  return bytes;
}

}  // namespace mailroom::store
