#include "page_files.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string_view>
#include <system_error>

#include "frame_to_pix.h"
#include "mailroom/common/atomic_file.h"

namespace mailroom::scanner {
namespace {

// pixWriteMem's buffer comes from Leptonica's allocator.
struct LeptFree {
  void operator()(l_uint8* p) const noexcept { lept_free(p); }
};

// N for "NNNN.tif" (4+ digits, nothing else); 0 otherwise.
int PageNumberOf(const std::string& name) {
  constexpr std::string_view kSuffix = ".tif";
  if (name.size() < 4 + kSuffix.size() || !name.ends_with(kSuffix)) return 0;
  std::string_view digits(name.data(), name.size() - kSuffix.size());
  if (digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  return std::stoi(std::string(digits));
}

}  // namespace

std::string PageFileName(int page_number) {
  char name[32];
  std::snprintf(name, sizeof name, "%04d.tif", page_number);
  return name;
}

Result<int> HighestPageNumber(const std::filesystem::path& box_dir) {
  std::error_code ec;
  if (!std::filesystem::exists(box_dir, ec)) return 0;
  int highest = 0;
  std::filesystem::directory_iterator it(box_dir, ec);
  if (ec) return Fail(box_dir.string() + ": cannot list: " + ec.message());
  for (const auto& entry : it) highest = std::max(highest, PageNumberOf(entry.path().filename().string()));
  return highest;
}

Result<std::string> EncodeTiff(const Frame& frame, int resolution_dpi) {
  auto pix = PixFromFrame(frame, resolution_dpi);
  if (!pix) return tl::unexpected(pix.error());
  l_uint8* bytes = nullptr;
  size_t size = 0;
  int format = pixGetDepth(pix->get()) == 1 ? IFF_TIFF_G4 : IFF_TIFF_LZW;
  if (pixWriteMem(&bytes, &size, pix->get(), format) != 0 || bytes == nullptr) {
    return Fail("encoding the page as TIFF failed");
  }
  std::unique_ptr<l_uint8, LeptFree> owned(bytes);
  return std::string(reinterpret_cast<const char*>(owned.get()), size);
}

Result<void> WritePage(const std::filesystem::path& box_dir, int page_number, const Frame& frame, int resolution_dpi) {
  std::filesystem::path path = box_dir / PageFileName(page_number);
  auto tiff = EncodeTiff(frame, resolution_dpi);
  if (!tiff) return tl::unexpected(tiff.error().Prefixed(path.string()));
  return WriteFileAtomically(path, *tiff);
}

}  // namespace mailroom::scanner
