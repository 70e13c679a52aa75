#include "mailroom/store/content_store.h"

#include <fcntl.h>

#include "blob_files.h"
#include "box_owners.h"
#include "content_ref.h"
#include "mailroom/common/atomic_file.h"
#include "sha256.h"
#include "temp_blob.h"

namespace mailroom::store {

std::string ContentRef(std::string_view bytes) {
  return RefOf(Sha256Hex(bytes));
}

namespace {

Result<void> Own(const std::filesystem::path& root, std::string_view box_id, std::string_view hex) {
  if (box_id.empty()) return {};
  if (auto recorded = RecordOwner(root, box_id, hex); !recorded) {
    return tl::unexpected(recorded.error().Prefixed("content store"));
  }
  return {};
}

}  // namespace

Result<ContentStore> ContentStore::Open(const std::filesystem::path& root) {
  for (const auto& folder : {root / "sha256", root / "tmp", root / "boxes"}) {
    if (auto made = CreatePrivateDirectories(folder); !made) {
      return tl::unexpected(made.error().Prefixed("content store " + root.string()));
    }
  }
  return ContentStore(root);
}

Result<std::string> ContentStore::Put(std::string_view bytes, std::string_view box_id) const {
  const std::string hex = Sha256Hex(bytes);
  // The owner first: a blob that is stored is never without the box it was stored for.
  if (auto owned = Own(root_, box_id, hex); !owned) return tl::unexpected(owned.error());
  // The common case on redelivery: the page is stored already, and nothing needs writing.
  if (RegularFileSize(BlobPath(root_, hex)) == bytes.size()) return RefOf(hex);
  auto blob = TempBlob::Create(root_);
  if (!blob) return tl::unexpected(blob.error().Prefixed("content store"));
  if (auto written = blob->Write(bytes); !written) return tl::unexpected(written.error().Prefixed("content store"));
  if (auto committed = blob->Commit(hex); !committed) {
    return tl::unexpected(committed.error().Prefixed("content store"));
  }
  return RefOf(hex);
}

Result<std::string> ContentStore::PutFile(const std::filesystem::path& path, std::string_view box_id) const {
  UniqueFd in(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.valid()) return Fail(path.string() + ": cannot open: " + ErrnoText());
  // One pass: each chunk is hashed and copied into the temporary file, so a big PDF is read once
  // and never held in memory whole. The hash, and so the blob's name, is known only at the end.
  auto blob = TempBlob::Create(root_);
  if (!blob) return tl::unexpected(blob.error().Prefixed("content store"));
  Sha256 hash;
  std::string chunk(kChunkSize, '\0');
  for (;;) {
    auto n = ReadSome(in.get(), chunk);
    if (!n) return Fail(path.string() + ": cannot read: " + n.error().message);
    if (*n == 0) break;
    std::string_view piece(chunk.data(), *n);
    hash.Update(piece);
    if (auto written = blob->Write(piece); !written) {
      return tl::unexpected(written.error().Prefixed("content store"));
    }
  }
  const std::string hex = hash.FinalHex();
  if (auto owned = Own(root_, box_id, hex); !owned) return tl::unexpected(owned.error());
  if (auto committed = blob->Commit(hex); !committed) {
    return tl::unexpected(committed.error().Prefixed("content store"));
  }
  return RefOf(hex);
}

Result<std::string> ContentStore::Get(std::string_view ref) const {
  auto hex = HexOfRef(ref);
  if (!hex) return tl::unexpected(hex.error());
  return ReadVerified(BlobPath(root_, *hex), *hex, ref, /*keep_bytes=*/true);
}

Result<std::filesystem::path> ContentStore::PathOf(std::string_view ref) const {
  auto hex = HexOfRef(ref);
  if (!hex) return tl::unexpected(hex.error());
  auto path = BlobPath(root_, *hex);
  if (auto verified = ReadVerified(path, *hex, ref, /*keep_bytes=*/false); !verified) {
    return tl::unexpected(verified.error());
  }
  return path;
}

Result<bool> ContentStore::Has(std::string_view ref) const {
  auto hex = HexOfRef(ref);
  if (!hex) return tl::unexpected(hex.error());
  return RegularFileSize(BlobPath(root_, *hex)).has_value();
}

}  // namespace mailroom::store
