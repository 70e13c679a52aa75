// Passwords for the jobcenters' broker users, from the kernel's random source.
#pragma once

#include <cstddef>
#include <string>

#include "mailroom/common/result.h"

namespace mailroom::distributed {

/// `length` letters and digits from /dev/urandom, each equally likely (about 5.95 bits each: 32
/// make 190 bits). Letters and digits only, so the password needs no escaping in a URL or a shell.
[[nodiscard]] Result<std::string> RandomPassword(std::size_t length = 32);

}  // namespace mailroom::distributed
