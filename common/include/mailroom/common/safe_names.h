// Names from outside that become file and folder names: box ids, seals, jobcenter ids, teams and
// document ids from box.json, the ledger, queue messages and scan jobs, and page file names. Each
// is checked where it comes in, and one that could climb out of the output, store or state folder
// ("../", an absolute path, a NUL, an over-long name) is refused with the reason, before anything
// is written: mailroom never repairs such a name into another (two boxes "a/b" and "a_b" must not
// become one).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom {

/// The longest id: box ids, seals, jobcenter ids, teams, document ids, station ids.
inline constexpr std::size_t kMaxIdLength = 128;
/// The longest page file name (a file name on every file system mailroom runs on).
inline constexpr std::size_t kMaxPageNameLength = 255;

/// Why `id` cannot be an id (empty: it can): 1 to kMaxIdLength letters (ASCII), digits, '-', '_'
/// and '.', not starting with '.'. `what` names it in the reason, e.g. "box_id".
[[nodiscard]] std::string IdProblem(std::string_view what, std::string_view id);

/// IdProblem as a Result: the error is "<what> '<id>' <reason>" (the id printed safely).
[[nodiscard]] Result<void> CheckId(std::string_view what, std::string_view id);

/// Why `name` cannot be the name of a page file in a box folder (empty: it can): 1 to
/// kMaxPageNameLength bytes, no '/', no NUL, not "." or "..", not starting with '.'. A page of a
/// multi-page TIFF is "<file>#<n>".
[[nodiscard]] std::string PageNameProblem(std::string_view name);

/// `text` for a message: control characters and bytes outside printable ASCII as \xNN, cut after
/// 64 characters, so that a hostile name cannot forge log lines.
[[nodiscard]] std::string Printable(std::string_view text);

}  // namespace mailroom
