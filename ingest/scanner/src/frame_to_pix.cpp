#include "frame_to_pix.h"

#include <cstring>

namespace mailroom::scanner {
namespace {

// SANE sends 16-bit samples in host byte order (SANE standard 4.3.8).
uint8_t HighByte(const uint8_t* sample) {
  uint16_t value = 0;
  std::memcpy(&value, sample, sizeof value);
  return static_cast<uint8_t>(value >> 8);
}

size_t MinBytesPerLine(const Frame& frame) {
  size_t samples = static_cast<size_t>(frame.width) * (frame.format == Frame::Format::kRgb ? 3 : 1);
  return (samples * static_cast<size_t>(frame.depth) + 7) / 8;
}

// 1 and 8 bit gray: SANE's bytes are Leptonica's bytes, except that Leptonica keeps each 32-bit
// word in host order with the first pixel in the most significant byte. Copy the bytes in memory
// order, then swap (a no-op on big-endian hosts).
void CopyPackedGray(const Frame& frame, Pix* pix) {
  l_uint32* data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  size_t row_bytes = MinBytesPerLine(frame);
  for (int y = 0; y < frame.height; ++y) {
    std::memcpy(data + static_cast<size_t>(y) * wpl, frame.data.data() + static_cast<size_t>(y) * frame.bytes_per_line,
                row_bytes);
  }
  pixEndianByteSwap(pix);
  if (frame.depth == 1) pixSetPadBits(pix, 0);  // bits past the width are the device's garbage
}

void CopyGray16(const Frame& frame, Pix* pix) {
  for (int y = 0; y < frame.height; ++y) {
    l_uint32* line = pixGetData(pix) + static_cast<size_t>(y) * pixGetWpl(pix);
    const uint8_t* row = frame.data.data() + static_cast<size_t>(y) * frame.bytes_per_line;
    for (int x = 0; x < frame.width; ++x) SET_DATA_BYTE(line, x, HighByte(row + 2 * x));
  }
}

void CopyRgb(const Frame& frame, Pix* pix) {
  size_t step = frame.depth == 16 ? 2 : 1;
  for (int y = 0; y < frame.height; ++y) {
    l_uint32* line = pixGetData(pix) + static_cast<size_t>(y) * pixGetWpl(pix);
    const uint8_t* row = frame.data.data() + static_cast<size_t>(y) * frame.bytes_per_line;
    for (int x = 0; x < frame.width; ++x) {
      const uint8_t* p = row + 3 * step * x;
      l_int32 r = step == 2 ? HighByte(p) : p[0];
      l_int32 g = step == 2 ? HighByte(p + 2) : p[1];
      l_int32 b = step == 2 ? HighByte(p + 4) : p[2];
      l_uint32 pixel = 0;
      composeRGBPixel(r, g, b, &pixel);
      line[x] = pixel;
    }
  }
}

}  // namespace

Result<PixPtr> PixFromFrame(const Frame& frame, int resolution_dpi) {
  if (frame.width <= 0 || frame.height <= 0) return Fail("empty frame");
  if (frame.format == Frame::Format::kRgb && frame.depth == 1) return Fail("1-bit color frames are not supported");
  if (static_cast<size_t>(frame.bytes_per_line) < MinBytesPerLine(frame) ||
      frame.data.size() < static_cast<size_t>(frame.height) * frame.bytes_per_line) {
    return Fail("frame data is shorter than its size says");
  }
  int pix_depth = frame.format == Frame::Format::kRgb ? 32 : (frame.depth == 1 ? 1 : 8);
  auto pix = Owned(pixCreate(frame.width, frame.height, pix_depth), "allocating a page image");
  if (!pix) return pix;
  if (frame.format == Frame::Format::kRgb) {
    CopyRgb(frame, pix->get());
  } else if (frame.depth == 16) {
    CopyGray16(frame, pix->get());
  } else {
    CopyPackedGray(frame, pix->get());
  }
  pixSetResolution(pix->get(), resolution_dpi, resolution_dpi);
  return pix;
}

}  // namespace mailroom::scanner
