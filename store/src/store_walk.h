// Reading the store's folders for the garbage collector: the blobs and the boxes' owner records.
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "mailroom/common/result.h"

namespace mailroom::store {

/// One blob under ROOT/sha256.
struct BlobEntry {
  std::string hex;
  uint64_t size = 0;
  std::time_t written = 0;  ///< mtime, seconds
};

/// One folder under ROOT/boxes and the blobs it records (hex -> when the record was written).
struct OwnerEntry {
  std::string folder_name;
  std::string box_id;  ///< decoded; the folder name itself when it cannot be decoded
  bool decoded = true;
  struct timespec changed {};  ///< the folder's mtime: a new record changes it
  std::map<std::string, std::time_t> records;
};

/// True for 64 lowercase hex digits.
bool IsBlobName(const std::string& name);

/// Every blob file (a regular file with a blob name) under ROOT/sha256/ab/cd/.
[[nodiscard]] Result<std::vector<BlobEntry>> ListBlobs(const std::filesystem::path& root);

/// Every folder under ROOT/boxes with its records (a missing ROOT/boxes: none).
[[nodiscard]] Result<std::vector<OwnerEntry>> ListOwners(const std::filesystem::path& root);

/// One folder under ROOT/boxes, as ListOwners reads it.
[[nodiscard]] Result<OwnerEntry> ReadOwnerFolder(const std::filesystem::path& folder);

/// The folder's mtime; false when it is gone.
bool FolderChanged(const std::filesystem::path& folder, struct timespec* changed);

}  // namespace mailroom::store
