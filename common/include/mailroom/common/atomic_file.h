// Writing output so that a reader never sees half a file: write a temporary file in the same
// folder, flush it to disk, then rename it over the target (rename is atomic within a file system).
#pragma once

#include <filesystem>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom {

/// File mode for everything mailroom writes: the pages are social data (owner read/write only).
inline constexpr unsigned kPrivateFileMode = 0600;

/// Writes `bytes` to `path` atomically with mode 0600. On failure nothing is left at `path`
/// (an earlier file there stays untouched) and the error names the path and the reason.
[[nodiscard]] Result<void> WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes);

/// Reads a whole file. The error names the path and the reason.
[[nodiscard]] Result<std::string> ReadWholeFile(const std::filesystem::path& path);

/// fsyncs the folder itself, so that a rename or a new file in it survives a crash (a file's own
/// fsync does not make its name durable). A file system that cannot sync a folder (EINVAL) counts
/// as synced: there the rename is as durable as it gets. The error names the folder.
[[nodiscard]] Result<void> SyncFolder(const std::filesystem::path& folder);

/// Creates `dir` and its parents with mode 0700; succeeds if it exists already.
[[nodiscard]] Result<void> CreatePrivateDirectories(const std::filesystem::path& dir);

}  // namespace mailroom
