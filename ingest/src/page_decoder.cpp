#include <tiffio.h>

#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <utility>

#include "mailroom/ingest/box.h"
#include "page_files.h"
#include "tiff_quiet.h"

namespace mailroom::ingest {
namespace {

thread_local std::string last_tiff_error;

void RecordTiffError(const char* module, const char* format, va_list args) {
  char buffer[512];
  std::vsnprintf(buffer, sizeof buffer, format, args);
  last_tiff_error = (module != nullptr ? std::string(module) + ": " : std::string()) + buffer;
}

void IgnoreTiffWarning(const char*, const char*, va_list) {}

// 300 dpi is what scan centers use; a file without a resolution tag gets it so that Tesseract
// and the PDF page size come out right.
constexpr int kAssumedDpi = 300;

Result<PixPtr> DecodeJpeg(const PageSource& page) {
  l_int32 warnings = 0;
  Pix* pix = pixReadJpeg(page.path.c_str(), 0, 1, &warnings, 0);
  if (pix == nullptr) return Fail("not a readable JPEG image");
  PixPtr owned(pix);
  // libjpeg pads a truncated file with grey and only warns: a page with a missing bottom half
  // must not pass as a good page.
  if (warnings > 0) return Fail("corrupt or truncated JPEG data");
  return owned;
}

Result<PixPtr> DecodeTiff(const PageSource& page) {
  TakeLastTiffError();
  Pix* pix = pixReadTiff(page.path.c_str(), page.tiff_page);
  std::string reason = TakeLastTiffError();
  if (pix == nullptr) return Fail("not a readable TIFF image" + (reason.empty() ? "" : ": " + reason));
  PixPtr owned(pix);
  if (!reason.empty()) return Fail("corrupt or truncated TIFF data: " + reason);
  return owned;
}

// The size a TIFF frame's directory claims; false when the frame or its size cannot be read.
// libtiff itself, not Leptonica's readHeaderTiff: that one leaks the TIFF when the frame is missing.
bool ReadTiffFrameSize(const PageSource& page, std::uint32_t& width, std::uint32_t& height) {
  TiffPtr tif(TIFFOpen(page.path.c_str(), "r"));
  if (!tif || page.tiff_page < 0 || TIFFSetDirectory(tif.get(), static_cast<tdir_t>(page.tiff_page)) == 0) {
    return false;
  }
  return TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &width) == 1 &&
         TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &height) == 1;
}

// A header that claims more pixels than a page can have is refused before decoding: a file of a
// few hundred bytes claiming 30000 x 60000 pixels would make the decoder allocate and fill 1.8 GB.
// The header alone is read (for a TIFF, that of the page's own frame); one that cannot be read is
// left to the decoder, which names the reason.
Result<void> CheckClaimedSize(const PageSource& page, l_int32 format, const PageLimits& limits) {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  if (format == IFF_JFIF_JPEG || format == IFF_PNG) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, cmap = 0, read_format = 0;
    if (pixReadHeader(page.path.c_str(), &read_format, &w, &h, &bps, &spp, &cmap) != 0 || w < 0 || h < 0) return {};
    width = static_cast<std::uint32_t>(w);
    height = static_cast<std::uint32_t>(h);
  } else {
    const bool read = ReadTiffFrameSize(page, width, height);
    TakeLastTiffError();
    if (!read) return {};
  }
  if (static_cast<std::int64_t>(width) * height > limits.max_page_pixels) {
    return Fail("the image claims " + std::to_string(width) + " x " + std::to_string(height) +
                " pixels, more than a page can have (" +
                (limits.max_page_pixels == kMaxPagePixels ? "A3 at 600 dpi, " : "--max-page-pixels ") +
                std::to_string(limits.max_page_pixels) + " pixels); not decoded");
  }
  return {};
}

Result<PixPtr> DecodeByContent(const PageSource& page, const PageLimits& limits) {
  if (FILE* probe = std::fopen(page.path.c_str(), "rb")) {
    std::fclose(probe);
  } else {
    return Fail(std::string("cannot open file: ") + std::strerror(errno));
  }
  // Decided by the content, not the name: a PNG named .tif is still read. An unknown format
  // makes findFileFormat fail and leaves IFF_UNKNOWN.
  l_int32 format = IFF_UNKNOWN;
  findFileFormat(page.path.c_str(), &format);
  if ((format == IFF_UNKNOWN || format == IFF_LPDF) && LooksLikePdf(page.path)) return DecodePdfPage(page, limits);
  if (page.tiff_page >= limits.max_frames) {
    return Fail("frame " + std::to_string(page.tiff_page + 1) + " is past the " + std::to_string(limits.max_frames) +
                " frames a file may have; not decoded");
  }
  if (format != IFF_UNKNOWN) {
    if (auto size = CheckClaimedSize(page, format, limits); !size) return tl::unexpected(size.error());
  }
  switch (format) {
    case IFF_JFIF_JPEG:
      return DecodeJpeg(page);
    case IFF_TIFF:
    case IFF_TIFF_G3:
    case IFF_TIFF_G4:
    case IFF_TIFF_LZW:
    case IFF_TIFF_ZIP:
    case IFF_TIFF_PACKBITS:
    case IFF_TIFF_RLE:
    case IFF_TIFF_JPEG:
      return DecodeTiff(page);
    case IFF_PNG: {
      Pix* pix = pixRead(page.path.c_str());
      if (pix == nullptr) return Fail("corrupt or truncated PNG data");
      return PixPtr(pix);
    }
    default:
      return Fail("not a TIFF, PNG or JPEG image nor a PDF (unrecognised content)");
  }
}

}  // namespace

void SilenceLibtiff() {
  static std::once_flag once;
  std::call_once(once, [] {
    TIFFSetErrorHandler(RecordTiffError);
    TIFFSetWarningHandler(IgnoreTiffWarning);
  });
}

std::string TakeLastTiffError() {
  return std::exchange(last_tiff_error, std::string());
}

Result<PixPtr> DecodePage(const PageSource& page) {
  SilenceLibtiff();
  if (!page.listing_error.empty()) return Fail(page.name + ": " + page.listing_error);
  auto pix = DecodeByContent(page, page.limits);
  if (!pix) return Fail(page.name + ": " + pix.error().message);
  if (pixGetWidth(pix->get()) < 16 || pixGetHeight(pix->get()) < 16) {
    return Fail(page.name + ": image too small to be a page");
  }
  if (pixGetXRes(pix->get()) <= 0 || pixGetYRes(pix->get()) <= 0)
    pixSetResolution(pix->get(), kAssumedDpi, kAssumedDpi);
  return pix;
}

}  // namespace mailroom::ingest
