#include "page_png.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "mailroom/image/pix.h"

namespace mailroom::pdf {

namespace {

// Poppler's argb32 pixel is one native-endian 32-bit word 0xAARRGGBB (as Cairo's); rows are
// bytes_per_row apart, which may be more than width * 4.
std::uint32_t ArgbAt(const poppler::image& image, int x, int y) {
  std::uint32_t argb = 0;
  std::memcpy(&argb, image.const_data() + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row() + x * 4, 4);
  return argb;
}

bool AllGrey(const poppler::image& image) {
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const std::uint32_t p = ArgbAt(image, x, y);
      const std::uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
      if (r != g || g != b) return false;
    }
  }
  return true;
}

// Leptonica's pixels are 32-bit words too, but with the leftmost pixel (or red) in the most
// significant byte; SET_DATA_BYTE and composeRGBPixel hide that order.
Result<PixPtr> ToPix(const poppler::image& image, bool grey) {
  auto pix = Owned(pixCreate(image.width(), image.height(), grey ? 8 : 32), "allocating the page image");
  if (!pix) return tl::unexpected(pix.error());
  l_uint32* data = pixGetData(pix->get());
  const l_int32 wpl = pixGetWpl(pix->get());
  for (int y = 0; y < image.height(); ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < image.width(); ++x) {
      const std::uint32_t p = ArgbAt(image, x, y);
      const l_int32 r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
      if (grey) {
        SET_DATA_BYTE(line, x, r);
      } else {
        composeRGBPixel(r, g, b, line + x);
      }
    }
  }
  return pix;
}

}  // namespace

Result<std::string> EncodePng(const poppler::image& image, double dpi) {
  if (image.format() != poppler::image::format_argb32) return Fail("the renderer gave an unexpected pixel format");
  auto pix = ToPix(image, AllGrey(image));
  if (!pix) return tl::unexpected(pix.error());
  const auto ppi = static_cast<l_int32>(std::lround(dpi));
  pixSetResolution(pix->get(), ppi, ppi);
  l_uint8* bytes = nullptr;
  size_t size = 0;
  // gamma 0: no gAMA chunk, the values are what poppler rendered.
  if (pixWriteMemPng(&bytes, &size, pix->get(), 0.0f) != 0 || bytes == nullptr) {
    return Fail("Leptonica cannot encode the page as PNG");
  }
  std::string png(reinterpret_cast<const char*>(bytes), size);
  lept_free(bytes);
  return png;
}

Result<PixPtr> GreyPix(const poppler::image& image, double dpi) {
  if (image.format() != poppler::image::format_gray8) return Fail("the renderer gave an unexpected pixel format");
  auto pix = Owned(pixCreate(image.width(), image.height(), 8), "allocating the page image");
  if (!pix) return tl::unexpected(pix.error());
  l_uint32* data = pixGetData(pix->get());
  const l_int32 wpl = pixGetWpl(pix->get());
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(image.const_data()) +
                      static_cast<std::ptrdiff_t>(y) * image.bytes_per_row();
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  const auto ppi = static_cast<l_int32>(std::lround(dpi));
  pixSetResolution(pix->get(), ppi, ppi);
  return pix;
}

}  // namespace mailroom::pdf
