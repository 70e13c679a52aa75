// Writing through a raw file descriptor, for code that must fsync what it wrote (atomic files, the
// content store), and the text of errno for error messages.
#pragma once

#include <string>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom {

/// strerror(errno), read right after the failing call.
[[nodiscard]] std::string ErrnoText();

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR. The error is errno's text.
[[nodiscard]] Result<void> WriteAll(int fd, std::string_view bytes);

}  // namespace mailroom
