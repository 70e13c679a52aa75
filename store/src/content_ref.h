// Refs and where their blobs live under the store's root.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom::store {

inline constexpr std::string_view kRefPrefix = "sha256:";

/// "sha256:" + hex.
std::string RefOf(std::string_view hex);

/// The hex part of a valid ref; the error quotes the ref and says what is wrong with it.
[[nodiscard]] Result<std::string_view> HexOfRef(std::string_view ref);

/// ROOT/sha256/ab/cd for the hex digest abcd... (which must be valid).
std::filesystem::path ShardFolder(const std::filesystem::path& root, std::string_view hex);

/// ROOT/sha256/ab/cd/abcd... for the hex digest abcd... (which must be valid).
std::filesystem::path BlobPath(const std::filesystem::path& root, std::string_view hex);

}  // namespace mailroom::store
