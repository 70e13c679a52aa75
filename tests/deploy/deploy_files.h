// The files under deploy/ that the deploy tests read, found by extension.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mailroom::testing {

/// The repository's deploy/ folder.
std::filesystem::path DeployDir();

/// Regular files under `dir` (recursively) whose names end in one of `suffixes` (".yml"),
/// sorted; dotfiles included.
std::vector<std::filesystem::path> FilesEndingIn(const std::filesystem::path& dir,
                                                 const std::vector<std::string>& suffixes);

/// The whole file; throws std::runtime_error naming the file when it cannot be read.
std::string ReadText(const std::filesystem::path& file);

/// `file` relative to deploy/, for messages.
std::string Shown(const std::filesystem::path& file);

}  // namespace mailroom::testing
