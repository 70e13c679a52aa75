#include "review_files.h"

#include <algorithm>
#include <system_error>

#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/output.h"

namespace mailroom::review {
namespace {

namespace fs = std::filesystem;

// "<stem>.<n>.orig<ext>": the originals of a document's unreadable pages (routing's naming).
std::vector<fs::path> OriginalsOf(const ReviewDocument& document) {
  std::vector<fs::path> originals;
  const std::string prefix = document.json_file.stem().string() + ".";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(document.json_file.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.find(".orig") != std::string::npos) originals.push_back(entry.path());
  }
  return originals;
}

}  // namespace

Result<void> WriteReviewFiles(const fs::path& out_dir, mailroom::v1::Document message, const std::string& pdf) {
  const std::string base = routing::SafeFileName(message.document_id());
  const fs::path folder = out_dir / "review";
  message.set_pdf(base + ".pdf");
  message.set_page_count(message.pages_size());
  auto json = proto::ToJson(message);
  if (!json) return tl::unexpected(json.error());
  if (auto written = WriteFileAtomically(folder / (base + ".pdf"), pdf); !written) return written;
  return WriteFileAtomically(folder / (base + ".json"), *json);
}

Result<void> CopyOriginals(const ReviewDocument& document, const std::string& new_id) {
  const std::string old_stem = document.json_file.stem().string();
  const std::string new_stem = routing::SafeFileName(new_id);
  for (const auto& original : OriginalsOf(document)) {
    auto bytes = ReadWholeFile(original);
    if (!bytes) return tl::unexpected(bytes.error());
    const std::string name = new_stem + original.filename().string().substr(old_stem.size());
    if (auto written = WriteFileAtomically(original.parent_path() / name, *bytes); !written) return written;
  }
  return {};
}

Result<void> RemoveReviewFiles(const ReviewDocument& document) {
  std::error_code ec;
  fs::remove(document.json_file, ec);
  if (ec) return Fail(document.json_file.string() + ": cannot remove from review: " + ec.message());
  fs::remove(document.pdf_file, ec);
  for (const auto& original : OriginalsOf(document)) fs::remove(original, ec);
  return {};
}

Result<std::vector<int>> PagePositions(const ReviewDocument& document, const std::vector<std::string>& pages) {
  std::vector<int> positions;
  for (const auto& page : pages) {
    const auto found = std::find(document.pages.begin(), document.pages.end(), page);
    if (found == document.pages.end()) {
      return Fail("document " + document.document_id + " has no page " + page + " (its pages: review show)");
    }
    positions.push_back(static_cast<int>(found - document.pages.begin()));
  }
  return positions;
}

}  // namespace mailroom::review
