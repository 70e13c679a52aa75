// Which box a blob belongs to: ROOT/boxes/<box>/<hex>, one empty file per blob and box, written
// before the blob itself (see ContentStore::Put). The garbage collector reads them back.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom::store {

/// The box id as a folder name: letters, digits, '-' and '_' stay, every other byte is %XX (so
/// "." and ".." and '/' can never be a path). Reversible with DecodeBoxId.
std::string EncodeBoxId(std::string_view box_id);

/// The box id of a folder name EncodeBoxId made; none for a name it cannot have made.
std::optional<std::string> DecodeBoxId(std::string_view folder_name);

/// ROOT/boxes.
std::filesystem::path OwnersRoot(const std::filesystem::path& root);

/// ROOT/boxes/<encoded box id>.
std::filesystem::path OwnerFolder(const std::filesystem::path& root, std::string_view box_id);

/// Records that the blob `hex` belongs to `box_id`: creates ROOT/boxes/<box>/<hex> (0600) and
/// syncs its folder, so the record is durable before the blob it names is. Nothing is written
/// when the record is there already. The error names the file.
[[nodiscard]] Result<void> RecordOwner(const std::filesystem::path& root, std::string_view box_id,
                                       std::string_view hex);

}  // namespace mailroom::store
