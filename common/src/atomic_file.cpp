#include "mailroom/common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "mailroom/common/fd_io.h"

namespace mailroom {

Result<void> WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
  // The temporary name is unique per process and hidden, so concurrent writers and readers that
  // list the folder never pick it up.
  std::filesystem::path tmp =
      path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kPrivateFileMode);
  if (fd < 0) return Fail(path.string() + ": cannot create: " + ErrnoText());
  auto written = WriteAll(fd, bytes);
  bool synced = written && ::fsync(fd) == 0;
  std::string sync_error = synced ? "" : ErrnoText();
  ::close(fd);
  if (!written || !synced) {
    ::unlink(tmp.c_str());
    return Fail(path.string() + ": cannot write: " + (written ? sync_error : written.error().message));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string reason = ErrnoText();
    ::unlink(tmp.c_str());
    return Fail(path.string() + ": cannot rename into place: " + reason);
  }
  return {};
}

Result<void> SyncFolder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Fail(folder.string() + ": cannot open folder to sync it: " + ErrnoText());
  const bool synced = ::fsync(fd) == 0 || errno == EINVAL;
  const std::string reason = synced ? "" : ErrnoText();
  ::close(fd);
  if (!synced) return Fail(folder.string() + ": cannot sync folder: " + reason);
  return {};
}

Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(path.string() + ": cannot open: " + ErrnoText());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Fail(path.string() + ": cannot read: " + ErrnoText());
  return buffer.str();
}

Result<void> CreatePrivateDirectories(const std::filesystem::path& dir) {
  // Level by level, so that every folder this call creates is 0700, not just the last one.
  // Folders that exist already keep their mode: they are not ours to change.
  std::filesystem::path partial;
  for (const auto& part : dir) {
    partial /= part;
    if (::mkdir(partial.c_str(), 0700) == 0 || errno == EEXIST) continue;
    return Fail(dir.string() + ": cannot create folder: " + ErrnoText());
  }
  if (!std::filesystem::is_directory(dir)) return Fail(dir.string() + ": exists and is not a folder");
  return {};
}

}  // namespace mailroom
