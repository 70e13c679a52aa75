// The one file that talks to zxing-cpp (1.4 API: ReadBarcodes + DecodeHints; 2.x renamed them).
#include <ZXing/ReadBarcode.h>

#include <algorithm>

#include "mailroom/ocr/ocr.h"

namespace mailroom::ocr {

std::vector<Barcode> ReadBarcodes(const Pix& image) {
  PixPtr grey(pixConvertTo8(const_cast<Pix*>(&image), 0));
  if (!grey) return {};
  // Leptonica stores pixels in 32-bit words, most significant byte first: on x86 the bytes of a
  // row are reversed. Without this swap, Code 128 never decodes.
  PixPtr bytes(pixEndianByteSwapNew(grey.get()));
  if (!bytes) return {};
  const auto* data = reinterpret_cast<const uint8_t*>(pixGetData(bytes.get()));
  ZXing::ImageView view(data, pixGetWidth(bytes.get()), pixGetHeight(bytes.get()), ZXing::ImageFormat::Lum,
                        pixGetWpl(bytes.get()) * 4);
  ZXing::DecodeHints hints;
  hints.setTryHarder(true).setTryRotate(true);

  std::vector<Barcode> found;
  for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
    if (!result.isValid()) continue;
    Barcode code{ZXing::ToString(result.format()), result.text()};
    // The same symbol can be found twice (e.g. once per scan direction).
    auto same = [&](const Barcode& b) { return b.format == code.format && b.text == code.text; };
    if (std::none_of(found.begin(), found.end(), same)) found.push_back(std::move(code));
  }
  return found;
}

bool IsSeparator(const std::vector<Barcode>& barcodes) {
  return std::any_of(barcodes.begin(), barcodes.end(), [](const Barcode& b) { return b.text == kSeparatorPayload; });
}

}  // namespace mailroom::ocr
