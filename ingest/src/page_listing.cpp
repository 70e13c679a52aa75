#include <tiffio.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>

#include "mailroom/ingest/box.h"
#include "tiff_quiet.h"

namespace mailroom::ingest {
namespace {

enum class FileType { kTiff, kSingleImage, kUnknown };

FileType TypeByExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".tif" || ext == ".tiff") return FileType::kTiff;
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") return FileType::kSingleImage;
  return FileType::kUnknown;
}

// A TIFF that cannot even be opened still counts as one page: decoding it reports the reason.
int CountTiffPages(const std::filesystem::path& path) {
  SilenceLibtiff();
  TiffPtr tif(TIFFOpen(path.c_str(), "r"));
  if (!tif) return 1;
  return std::max<int>(1, TIFFNumberOfDirectories(tif.get()));
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
                 std::vector<PageSource>& pages) {
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
  switch (TypeByExtension(path)) {
    case FileType::kUnknown:
      pages.push_back({name, path, 0,
                       "unknown file type '" + path.extension().string() + "' (a page is .tif, .tiff, .png or .jpg)"});
      return;
    case FileType::kSingleImage:
      pages.push_back({name, path, 0, ""});
      return;
    case FileType::kTiff: {
      const int count = CountTiffPages(path);
      if (count == 1) {
        pages.push_back({name, path, 0, ""});
        return;
      }
      for (int i = 0; i < count; ++i) pages.push_back({name + "#" + std::to_string(i + 1), path, i, ""});
      return;
    }
  }
}

}  // namespace

Result<std::vector<PageSource>> ListPages(const std::filesystem::path& box_dir) {
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
  for (const auto& entry : entries) AppendPages(entry, box_root, pages);
  return pages;
}

}  // namespace mailroom::ingest
