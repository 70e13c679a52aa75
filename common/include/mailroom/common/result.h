// Result<T>: the return type of every operation that can fail for expected reasons
// (an unreadable page, a broken registry line, an unwritable folder).
// tl::expected today, so a move to C++23 std::expected is a rename.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace mailroom {

/// A failure with a human-readable message that names the thing that failed and why,
/// e.g. "0007.tif: truncated TIFF strip". Each layer may prefix its own context.
struct Error {
  std::string message;

  /// Returns a copy with "context: " in front, so errors read outermost-first.
  [[nodiscard]] Error Prefixed(const std::string& context) const { return Error{context + ": " + message}; }
};

template <typename T>
using Result = tl::expected<T, Error>;

/// Shorthand for returning a failure: `return Fail("registry line 4: missing column");`
inline tl::unexpected<Error> Fail(std::string message) {
  return tl::unexpected<Error>(Error{std::move(message)});
}

}  // namespace mailroom
