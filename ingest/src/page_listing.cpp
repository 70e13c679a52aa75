#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>

#include "mailroom/ingest/box.h"
#include "page_files.h"

namespace mailroom::ingest {
namespace {

enum class FileType { kTiff, kPdf, kSingleImage, kUnknown };

// By the name, except that a PDF is a PDF whatever its name: each of its pages must be listed.
FileType TypeOf(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".pdf" || LooksLikePdf(path)) return FileType::kPdf;
  if (ext == ".tif" || ext == ".tiff") return FileType::kTiff;
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") return FileType::kSingleImage;
  return FileType::kUnknown;
}

// The pages of a multi-page file: one PageSource, named as the file, for a single page (or a file
// that cannot be opened: decoding it names the reason), else "<name>#1", "<name>#2", ...; one
// with `listing_error` when there are more than the limit allows.
void AppendFrames(const std::string& name, const std::filesystem::path& path, int count, const char* what,
                  const PageLimits& limits, std::vector<PageSource>& pages) {
  if (count > limits.max_frames) {
    pages.push_back({name, path, 0,
                     std::string("a ") + what + " of more than " + std::to_string(limits.max_frames) +
                         " pages, the most a file may have; not decoded"});
    return;
  }
  if (count <= 1) {
    pages.push_back({name, path, 0, ""});
    return;
  }
  for (int i = 0; i < count; ++i) pages.push_back({name + "#" + std::to_string(i + 1), path, i, ""});
}

// A page file that is a symbolic link is read only when it leads to a file inside the box folder
// (`box_root`, canonical), and then as that file: a link out of the box (to /etc/shadow, to
// another box) is never followed. Returns the file to read, or empty with `why` set.
std::filesystem::path LinkTarget(const std::filesystem::path& link, const std::filesystem::path& box_root,
                                 std::string& why) {
  std::error_code ec;
  const auto target = std::filesystem::canonical(link, ec);
  if (ec) {
    why = "a symbolic link that leads nowhere: a box holds page images only";
    return {};
  }
  const auto inside = std::mismatch(box_root.begin(), box_root.end(), target.begin(), target.end());
  if (inside.first != box_root.end()) {
    why = "a symbolic link to a file outside the box folder: not read";
    return {};
  }
  return target;
}

void AppendPages(const std::filesystem::directory_entry& entry, const std::filesystem::path& box_root,
                 const PageLimits& limits, std::vector<PageSource>& pages) {
  std::filesystem::path path = entry.path();
  const std::string name = path.filename().string();
  std::error_code ec;
  if (entry.is_symlink(ec)) {
    std::string why;
    path = LinkTarget(entry.path(), box_root, why);
    if (path.empty()) {
      pages.push_back({name, entry.path(), 0, why});
      return;
    }
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    pages.push_back({name, path, 0, "not a regular file (a folder or a link?): a box holds page images only"});
    return;
  }
  if (std::filesystem::file_size(path, ec) == 0) {
    pages.push_back({name, path, 0, "empty file (0 bytes)"});
    return;
  }
  switch (TypeOf(path)) {
    case FileType::kUnknown:
      pages.push_back({name, path, 0,
                       "unknown file type '" + path.extension().string() +
                           "' (a page is .tif, .tiff, .png, .jpg or a page of a .pdf)"});
      return;
    case FileType::kSingleImage:
      pages.push_back({name, path, 0, ""});
      return;
    case FileType::kTiff:
      AppendFrames(name, path, CountTiffFrames(path, limits.max_frames), "TIFF", limits, pages);
      return;
    case FileType::kPdf: {
      auto count = CountPdfPages(path);
      AppendFrames(name, path, count ? *count : 1, "PDF", limits, pages);
      return;
    }
  }
}

}  // namespace

Result<std::vector<PageSource>> ListPages(const std::filesystem::path& box_dir, const PageLimits& limits) {
  std::error_code ec;
  std::filesystem::directory_iterator it(box_dir, ec);
  if (ec) return Fail(box_dir.string() + ": cannot read box folder: " + ec.message());

  std::vector<std::filesystem::directory_entry> entries;
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (ec) return Fail(box_dir.string() + ": cannot read box folder: " + ec.message());
    const std::string name = it->path().filename().string();
    if (name == "box.json" || name.starts_with(".")) continue;
    entries.push_back(*it);
  }
  // Scan order is file-name order (CONTRACT.md).
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });

  std::error_code root_ec;
  const auto box_root = std::filesystem::canonical(box_dir, root_ec);
  if (root_ec) return Fail(box_dir.string() + ": cannot read box folder: " + root_ec.message());
  std::vector<PageSource> pages;
  for (const auto& entry : entries) AppendPages(entry, box_root, limits, pages);
  for (auto& page : pages) page.limits = limits;
  return pages;
}

}  // namespace mailroom::ingest
