// Reading a new password for `mailroom user add|passwd`: typed at a terminal without echo (and a
// second time to confirm), or one line from a pipe, as scripts and tests give it.
#pragma once

#include <string>

#include "mailroom/common/result.h"

namespace mailroom::app {

/// The password from stdin. At a terminal it asks on stderr ("Password for LOGIN: ", then again
/// to confirm) with echo off; from a pipe it reads the first line (without its line end). Fails
/// when the two differ, when nothing could be read, or when the ledger's rules refuse it (too short).
[[nodiscard]] Result<std::string> ReadNewPassword(const std::string& login);

}  // namespace mailroom::app
