#include "content_ref.h"

#include <algorithm>

#include "mailroom/store/content_store.h"

namespace mailroom::store {
namespace {

constexpr size_t kHexLength = 64;

bool IsLowerHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

}  // namespace

std::string RefOf(std::string_view hex) {
  return std::string(kRefPrefix) + std::string(hex);
}

Result<std::string_view> HexOfRef(std::string_view ref) {
  // Refs arrive in messages from other machines: only this exact shape may become a path, so a
  // crafted ref ("sha256:../../etc/passwd") can never leave the store's folder.
  const std::string quoted = "content ref \"" + std::string(ref.substr(0, 100)) + "\"";
  if (!ref.starts_with(kRefPrefix)) return Fail(quoted + ": does not start with \"sha256:\"");
  std::string_view hex = ref.substr(kRefPrefix.size());
  if (hex.size() != kHexLength) {
    return Fail(quoted + ": has " + std::to_string(hex.size()) + " hex digits, not 64");
  }
  // Upper case is refused rather than folded, so that one blob has exactly one ref.
  if (!std::all_of(hex.begin(), hex.end(), IsLowerHex)) return Fail(quoted + ": is not lowercase hex");
  return hex;
}

Result<void> ValidateRef(std::string_view ref) {
  auto hex = HexOfRef(ref);
  if (!hex) return tl::unexpected(hex.error());
  return {};
}

std::filesystem::path ShardFolder(const std::filesystem::path& root, std::string_view hex) {
  // Two levels of 256 keep every folder small (1.8 million pages a day would otherwise put
  // millions of entries in one folder, which NFS and ls both handle badly).
  return root / "sha256" / std::string(hex.substr(0, 2)) / std::string(hex.substr(2, 2));
}

std::filesystem::path BlobPath(const std::filesystem::path& root, std::string_view hex) {
  return ShardFolder(root, hex) / std::string(hex);
}

}  // namespace mailroom::store
