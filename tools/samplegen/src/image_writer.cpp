#include "image_writer.h"

#include <algorithm>
#include <array>
#include <memory>

namespace mailroom::samplegen {
namespace {

// pixWriteMem* hand back a buffer from Leptonica's allocator; it must go back through lept_free.
struct LeptBytesFree {
  void operator()(l_uint8* bytes) const noexcept { lept_free(bytes); }
};

constexpr int kBinariseThreshold = 160;  // on white paper; dark anti-aliased edges count as ink
constexpr int kJpegQuality = 85;

// Grey levels of a sample of the pixels (every 4th of every 4th row).
std::array<long, 256> SampleHistogram(Pix* page) {
  std::array<long, 256> histogram{};
  int w = static_cast<int>(pixGetWidth(page));
  int h = static_cast<int>(pixGetHeight(page));
  const l_uint32* data = pixGetData(page);
  int wpl = pixGetWpl(page);
  for (int y = 0; y < h; y += 4) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; x += 4) ++histogram[GET_DATA_BYTE(line, x)];
  }
  return histogram;
}

// The median of the histogram's levels below `below`; `fallback` when there are none.
int Median(const std::array<long, 256>& histogram, int below, int fallback) {
  long count = 0;
  for (int v = 0; v < below; ++v) count += histogram[static_cast<std::size_t>(v)];
  long seen = 0;
  for (int v = 0; v < below; ++v) {
    seen += histogram[static_cast<std::size_t>(v)];
    if (2 * seen >= count && count > 0) return v;
  }
  return fallback;
}

// Scanner firmware sets its threshold relative to the paper it sees (auto exposure), so grey or
// coloured paper and a dim side stay white while ink stays black. On white paper this is exactly
// kBinariseThreshold. The paper is the median grey (text covers far less than half of a page), the
// ink the median of what is clearly darker. Faint print (a worn dot-matrix ribbon: the ink's median
// lighter than kFaintInk) moves the threshold up to halfway between ink and paper, as a scanner's
// dynamic threshold does; pages with dark ink keep the fixed ratio.
constexpr int kFaintInk = 110;
int BinariseThreshold(Pix* grey_page) {
  const std::array<long, 256> histogram = SampleHistogram(grey_page);
  const int paper = Median(histogram, 256, 255);
  const int threshold = (kBinariseThreshold * paper + 127) / 255;
  const int ink = Median(histogram, paper * 6 / 10, 0);
  return ink > kFaintInk ? std::max(threshold, (ink + paper) / 2) : threshold;
}

}  // namespace

const char* FileExtension(ImageFileFormat format) {
  switch (format) {
    case ImageFileFormat::kTiffG4:
    case ImageFileFormat::kTiffLzw:
      return ".tif";
    case ImageFileFormat::kPng:
      return ".png";
    case ImageFileFormat::kJpeg:
      return ".jpg";
  }
  return ".bin";
}

Result<std::string> EncodeImage(Pix* grey_page, ImageFileFormat format) {
  PixPtr bilevel;
  Pix* source = grey_page;
  if (format == ImageFileFormat::kTiffG4) {
    auto converted = Owned(pixConvertTo1(grey_page, BinariseThreshold(grey_page)), "pixConvertTo1");
    if (!converted) return tl::unexpected(converted.error());
    bilevel = std::move(*converted);
    pixCopyResolution(bilevel.get(), grey_page);
    source = bilevel.get();
  }
  l_uint8* raw = nullptr;
  size_t size = 0;
  l_ok failed = 1;
  switch (format) {
    case ImageFileFormat::kTiffG4:
      failed = pixWriteMemTiff(&raw, &size, source, IFF_TIFF_G4);
      break;
    case ImageFileFormat::kTiffLzw:
      failed = pixWriteMemTiff(&raw, &size, source, IFF_TIFF_LZW);
      break;
    case ImageFileFormat::kPng:
      failed = pixWriteMemPng(&raw, &size, source, 0.0f);
      break;
    case ImageFileFormat::kJpeg:
      failed = pixWriteMemJpeg(&raw, &size, source, kJpegQuality, 0);
      break;
  }
  std::unique_ptr<l_uint8, LeptBytesFree> bytes(raw);
  if (failed != 0 || bytes == nullptr) return Fail(std::string("encoding ") + FileExtension(format) + " failed");
  return std::string(reinterpret_cast<const char*>(bytes.get()), size);
}

}  // namespace mailroom::samplegen
