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

void AppendPages(const std::filesystem::directory_entry& entry, std::vector<PageSource>& pages) {
  const auto& path = entry.path();
  const std::string name = path.filename().string();
  std::error_code ec;
  if (!entry.is_regular_file(ec)) {
    pages.push_back({name, path, 0, "not a regular file (a folder or a link?): a box holds page images only"});
    return;
  }
  if (entry.file_size(ec) == 0) {
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

  std::vector<PageSource> pages;
  for (const auto& entry : entries) AppendPages(entry, pages);
  return pages;
}

}  // namespace mailroom::ingest
