// Barcode symbols as module grids (the zxing-cpp writer stays inside barcode_painter.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mailroom/common/result.h"

namespace mailroom::samplegen {

/// A symbol without quiet zone: `dark[y * width + x]` is 1 for a dark module.
/// Linear (1D) symbols have height 1: each module is a full-height bar.
struct BarcodeModules {
  int width = 0;
  int height = 0;
  bool linear = false;
  std::vector<std::uint8_t> dark;
};

/// Encodes `payload` as "Code128", "DataMatrix" or "QRCode".
/// Fails on another format name or a payload the format cannot encode.
[[nodiscard]] Result<BarcodeModules> EncodeBarcode(const std::string& payload, const std::string& format);

}  // namespace mailroom::samplegen
