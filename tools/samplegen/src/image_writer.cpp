#include "image_writer.h"

#include <memory>

namespace mailroom::samplegen {
namespace {

// pixWriteMem* hand back a buffer from Leptonica's allocator; it must go back through lept_free.
struct LeptBytesFree {
  void operator()(l_uint8* bytes) const noexcept { lept_free(bytes); }
};

constexpr int kBinariseThreshold = 160;  // dark anti-aliased edges count as ink, as in scanner firmware
constexpr int kJpegQuality = 85;

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
    auto converted = Owned(pixConvertTo1(grey_page, kBinariseThreshold), "pixConvertTo1");
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
