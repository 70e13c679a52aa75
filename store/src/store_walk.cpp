#include "store_walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

#include "box_owners.h"

namespace mailroom::store {
namespace {

namespace fs = std::filesystem;

// The names in `folder`, sorted; a missing folder has none. The error names the folder.
Result<std::vector<std::string>> Names(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec == std::errc::no_such_file_or_directory) return names;
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) names.push_back(it->path().filename().string());
  if (ec) return Fail(folder.string() + ": cannot list: " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

bool IsShardName(const std::string& name) {
  return name.size() == 2 && IsBlobName(name + std::string(62, '0'));
}

}  // namespace

bool IsBlobName(const std::string& name) {
  return name.size() == 64 &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Result<std::vector<BlobEntry>> ListBlobs(const fs::path& root) {
  std::vector<BlobEntry> blobs;
  auto top = Names(root / "sha256");
  if (!top) return tl::unexpected(top.error());
  for (const auto& first : *top) {
    if (!IsShardName(first)) continue;
    auto second_level = Names(root / "sha256" / first);
    if (!second_level) return tl::unexpected(second_level.error());
    for (const auto& second : *second_level) {
      if (!IsShardName(second)) continue;
      const fs::path shard = root / "sha256" / first / second;
      auto files = Names(shard);
      if (!files) return tl::unexpected(files.error());
      for (const auto& name : *files) {
        // Only a blob where its name says it is: anything else is not the store's to remove.
        if (!IsBlobName(name) || name.substr(0, 2) != first || name.substr(2, 2) != second) continue;
        struct stat st {};
        if (::lstat((shard / name).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        blobs.push_back({name, static_cast<uint64_t>(st.st_size), st.st_mtim.tv_sec});
      }
    }
  }
  return blobs;
}

bool FolderChanged(const fs::path& folder, struct timespec* changed) {
  struct stat st {};
  if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  *changed = st.st_mtim;
  return true;
}

Result<OwnerEntry> ReadOwnerFolder(const fs::path& folder) {
  OwnerEntry owner;
  owner.folder_name = folder.filename().string();
  auto box_id = DecodeBoxId(owner.folder_name);
  owner.decoded = box_id.has_value();
  owner.box_id = box_id.value_or(owner.folder_name);
  // The mtime before the listing: a record added during the listing shows as a change later.
  if (!FolderChanged(folder, &owner.changed)) return Fail(folder.string() + ": not a folder");
  auto names = Names(folder);
  if (!names) return tl::unexpected(names.error());
  for (const auto& name : *names) {
    if (!IsBlobName(name)) continue;
    struct stat st {};
    if (::lstat((folder / name).c_str(), &st) != 0) continue;  // removed meanwhile
    owner.records.emplace(name, st.st_mtim.tv_sec);
  }
  return owner;
}

Result<std::vector<OwnerEntry>> ListOwners(const fs::path& root) {
  std::vector<OwnerEntry> owners;
  auto names = Names(OwnersRoot(root));
  if (!names) return tl::unexpected(names.error());
  for (const auto& name : *names) {
    const fs::path folder = OwnersRoot(root) / name;
    struct stat st {};
    if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    auto owner = ReadOwnerFolder(folder);
    if (!owner) return tl::unexpected(owner.error());
    owners.push_back(std::move(*owner));
  }
  return owners;
}

}  // namespace mailroom::store
