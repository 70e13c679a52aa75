#include "box_owners.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "blob_files.h"

namespace mailroom::store {
namespace {

bool KeptAsIs(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // EncodeBoxId writes upper case only: one box, one folder name
}

// Creates `folder` (0700) if missing; syncs its parent when this call created it.
Result<void> MakeOwnerFolder(const std::filesystem::path& folder) {
  if (::mkdir(folder.c_str(), 0700) == 0) return SyncFolder(folder.parent_path());
  if (errno == EEXIST) return {};
  if (errno == ENOENT) {  // ROOT/boxes itself is missing (a store opened before it existed)
    if (::mkdir(folder.parent_path().c_str(), 0700) != 0 && errno != EEXIST) {
      return Fail(folder.parent_path().string() + ": cannot create folder: " + ErrnoText());
    }
    return MakeOwnerFolder(folder);
  }
  return Fail(folder.string() + ": cannot create folder: " + ErrnoText());
}

}  // namespace

std::string EncodeBoxId(std::string_view box_id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name;
  for (char c : box_id) {
    if (KeptAsIs(c)) {
      name.push_back(c);
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    name += {'%', kHex[byte >> 4], kHex[byte & 0xf]};
  }
  return name;
}

std::optional<std::string> DecodeBoxId(std::string_view folder_name) {
  if (folder_name.empty()) return std::nullopt;
  std::string box_id;
  for (size_t i = 0; i < folder_name.size(); ++i) {
    const char c = folder_name[i];
    if (KeptAsIs(c)) {
      box_id.push_back(c);
      continue;
    }
    if (c != '%' || i + 2 >= folder_name.size()) return std::nullopt;
    const int high = HexValue(folder_name[i + 1]);
    const int low = HexValue(folder_name[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    const char decoded = static_cast<char>(high * 16 + low);
    if (KeptAsIs(decoded)) return std::nullopt;  // not how EncodeBoxId writes it
    box_id.push_back(decoded);
    i += 2;
  }
  return box_id;
}

std::filesystem::path OwnersRoot(const std::filesystem::path& root) {
  return root / "boxes";
}

std::filesystem::path OwnerFolder(const std::filesystem::path& root, std::string_view box_id) {
  return OwnersRoot(root) / EncodeBoxId(box_id);
}

Result<void> RecordOwner(const std::filesystem::path& root, std::string_view box_id, std::string_view hex) {
  const auto folder = OwnerFolder(root, box_id);
  const auto record = folder / std::string(hex);
  // The common case on redelivery: the record is there, and nothing is written or synced.
  struct stat st {};
  if (::lstat(record.c_str(), &st) == 0) return {};
  if (auto made = MakeOwnerFolder(folder); !made) return made;
  UniqueFd fd(::open(record.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (!fd.valid()) {
    if (errno == EEXIST) return {};  // another worker put the same page of the same box just now
    return Fail(record.string() + ": cannot record the blob's box: " + ErrnoText());
  }
  fd.Reset();
  return SyncFolder(folder);
}

}  // namespace mailroom::store
