// The one file that talks to zxing-cpp (1.4 API: ReadBarcodes + DecodeHints; 2.x renamed them).
//
// zxing-cpp 1.4 aborts the whole process on an assertion (`lineCount() == 1` in
// Result::operator==) when it merges the rows of a slightly skewed linear barcode, and Debian
// builds keep assertions on: a separator sheet scanned at 1 degree was enough. So linear
// symbologies are never given a multi-row image here. We scan single rows ourselves (which is
// what its linear readers do inside anyway) and require several rows to agree, which also
// guards against false positives from text lines in checksum-less symbologies. Matrix
// symbologies take the whole image, where that merge does not happen.
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <map>

#include "mailroom/ocr/ocr.h"
#include "symbol_regions.h"

namespace mailroom::ocr {
namespace {

// Every linear symbology found on mail. GS1 DataBar is left out: retail only, and its 1.4 reader
// reports positions that trip the same assertion (zxing-cpp issue 516).
const ZXing::BarcodeFormats kLinearFormats =
    ZXing::BarcodeFormat::Codabar | ZXing::BarcodeFormat::Code39 | ZXing::BarcodeFormat::Code93 |
    ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::EAN13 |
    ZXing::BarcodeFormat::ITF | ZXing::BarcodeFormat::UPCA | ZXing::BarcodeFormat::UPCE;

// Rows scanned per millimetre of page height, and how many must read the same symbol. A printed
// linear barcode is at least 5 mm tall: about 15 scanned rows at these settings.
constexpr double kRowsPerMillimetre = 3.0;
constexpr int kMinAgreeingRows = 3;

// Leptonica stores pixels in 32-bit words, most significant byte first: on x86 the bytes of a
// row are reversed. Without this swap, Code 128 never decodes.
PixPtr LumaBytes(Pix* grey) {
  return PixPtr(pixEndianByteSwapNew(grey));
}

using Counts = std::map<std::pair<std::string, std::string>, int>;

void ScanRows(Pix* bytes, double px_per_mm, Counts& counts) {
  const auto* data = reinterpret_cast<const uint8_t*>(pixGetData(bytes));
  const int width = pixGetWidth(bytes), height = pixGetHeight(bytes), stride = pixGetWpl(bytes) * 4;
  const int step = std::max(1, static_cast<int>(px_per_mm / kRowsPerMillimetre));
  ZXing::DecodeHints hints;
  hints.setFormats(kLinearFormats).setTryHarder(false).setTryRotate(false).setMinLineCount(1);
  for (int y = 0; y < height; y += step) {
    ZXing::ImageView row(data + static_cast<ptrdiff_t>(y) * stride, width, 1, ZXing::ImageFormat::Lum, stride);
    for (const auto& result : ZXing::ReadBarcodes(row, hints)) {
      if (result.isValid()) ++counts[{ZXing::ToString(result.format()), result.text()}];
    }
  }
}

void AddUnique(std::vector<Barcode>& found, Barcode code) {
  auto same = [&](const Barcode& b) { return b.format == code.format && b.text == code.text; };
  if (std::none_of(found.begin(), found.end(), same)) found.push_back(std::move(code));
}

// `bytes` is byte-swapped 8-bit grey (see LumaBytes); `region` a part of it.
void DecodeMatrixCodes(Pix* bytes, const Region& region, std::vector<Barcode>& found) {
  const auto* data = reinterpret_cast<const uint8_t*>(pixGetData(bytes));
  const int stride = pixGetWpl(bytes) * 4;
  ZXing::ImageView view(data + static_cast<ptrdiff_t>(region.top) * stride + region.left, region.width, region.height,
                        ZXing::ImageFormat::Lum, stride);
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::MatrixCodes).setTryHarder(true).setTryRotate(true);
  for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
    if (result.isValid()) AddUnique(found, {ZXing::ToString(result.format()), result.text()});
  }
}

void ScanMatrixCodes(Pix* grey, Pix* bytes, int dpi, std::vector<Barcode>& found) {
  DecodeMatrixCodes(bytes, {0, 0, pixGetWidth(bytes), pixGetHeight(bytes)}, found);
  for (const Region& region : FindSymbolRegions(grey, dpi)) DecodeMatrixCodes(bytes, region, found);
}

}  // namespace

std::vector<Barcode> ReadBarcodes(const Pix& image) {
  Pix* source = const_cast<Pix*>(&image);
  PixPtr grey(pixConvertTo8(source, 0));
  if (!grey) return {};
  PixPtr bytes = LumaBytes(grey.get());
  if (!bytes) return {};
  const int dpi = pixGetXRes(source) > 0 ? pixGetXRes(source) : 300;
  const double px_per_mm = dpi / 25.4;

  std::vector<Barcode> found;
  ScanMatrixCodes(grey.get(), bytes.get(), dpi, found);

  // Rows of the page, then rows of the page turned by 90 degrees (barcodes printed along the
  // margin). Upside-down symbols need no extra pass: linear readers read both directions.
  Counts counts;
  ScanRows(bytes.get(), px_per_mm, counts);
  if (PixPtr turned(pixRotateOrth(bytes.get(), 1)); turned) ScanRows(turned.get(), px_per_mm, counts);
  for (const auto& [key, rows] : counts) {
    if (rows >= kMinAgreeingRows) AddUnique(found, {key.first, key.second});
  }
  return found;
}

bool IsSeparator(const std::vector<Barcode>& barcodes) {
  return std::any_of(barcodes.begin(), barcodes.end(), [](const Barcode& b) { return b.text == kSeparatorPayload; });
}

}  // namespace mailroom::ocr
