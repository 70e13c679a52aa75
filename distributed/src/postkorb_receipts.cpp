#include "postkorb_receipts.h"

#include <system_error>

#include <nlohmann/json.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/store/content_store.h"

namespace mailroom::distributed {
namespace {

namespace fs = std::filesystem;

constexpr const char* kReceiptsFolder = ".mailroom-postkorb";

}  // namespace

std::string DocumentContentRef(const std::string& json, const std::string& pdf) {
  return store::ContentRef(json + '\0' + pdf);
}

PostkorbReceipts::PostkorbReceipts(const fs::path& out_dir, const std::string& jobcenter_id)
    : folder_(out_dir / kReceiptsFolder / jobcenter_id) {}

Result<std::optional<PostkorbReceipt>> PostkorbReceipts::Find(const std::string& document_id) const {
  const fs::path file = folder_ / (document_id + ".json");
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    if (ec) return Fail(file.string() + ": cannot look for the receipt: " + ec.message());
    return std::nullopt;
  }
  auto bytes = ReadWholeFile(file);
  if (!bytes) return tl::unexpected(bytes.error());
  const auto json = nlohmann::json::parse(*bytes, nullptr, false);
  if (!json.is_object() || !json.contains("content") || !json["content"].is_string()) {
    return Fail(file.string() + ": not a Postkorb receipt (no \"content\")");
  }
  return PostkorbReceipt{document_id, json["content"].get<std::string>(), json.value("delivered_at", "")};
}

Result<void> PostkorbReceipts::Record(const PostkorbReceipt& receipt) const {
  if (auto made = CreatePrivateDirectories(folder_); !made) return made;
  const nlohmann::json json = {
      {"document_id", receipt.document_id}, {"content", receipt.content}, {"delivered_at", receipt.delivered_at}};
  if (auto written = WriteFileAtomically(folder_ / (receipt.document_id + ".json"), json.dump() + "\n"); !written) {
    return written;
  }
  return SyncFolder(folder_);
}

}  // namespace mailroom::distributed
