#include "mailroom/common/fd_io.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mailroom {

std::string ErrnoText() {
  return std::strerror(errno);
}

Result<void> WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Fail(ErrnoText());
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

}  // namespace mailroom
