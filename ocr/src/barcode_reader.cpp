// The one file that talks to zxing-cpp (1.4 API: ReadBarcodes + DecodeHints; 2.x renamed them).
//
// Two sharp edges of zxing-cpp 1.4 shape this file:
// - It aborts the whole process on an assertion (`lineCount() == 1` in Result::operator==) when
//   it merges the rows of a slightly skewed linear barcode, and Debian keeps assertions on: a
//   separator sheet scanned at 1 degree was enough. So linear symbologies are never given a
//   multi-row image here: we scan single rows ourselves (what its linear readers do inside
//   anyway) and require several rows to agree, which also keeps text lines from being read as
//   checksum-less symbols.
// - Its DataMatrix detector searches outward from the centre of the image and misses a symbol in
//   a corner of an A4 page.
// Both are solved by looking only where a symbol can be: compact, dense ink blobs found with
// Leptonica (symbol_regions.h). That is also far cheaper than scanning the whole page.
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <map>

#include "mailroom/ocr/ocr.h"
#include "page_cleanup.h"
#include "patch_code.h"
#include "symbol_regions.h"

namespace mailroom::ocr {
namespace {

// Every linear symbology found on mail. GS1 DataBar is left out: retail only, and its 1.4 reader
// reports positions that trip the same assertion (zxing-cpp issue 516).
const ZXing::BarcodeFormats kLinearFormats =
    ZXing::BarcodeFormat::Codabar | ZXing::BarcodeFormat::Code39 | ZXing::BarcodeFormat::Code93 |
    ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::EAN13 |
    ZXing::BarcodeFormat::ITF | ZXing::BarcodeFormat::UPCA | ZXing::BarcodeFormat::UPCE;

// Rows scanned per millimetre of symbol height, and how many must read the same symbol.
constexpr double kRowsPerMillimetre = 3.0;
constexpr int kMinAgreeingRows = 3;

// How often each (format, text) was read, by single rows of a region.
using RowVotes = std::map<std::pair<std::string, std::string>, int>;

// How much a region's rows are stretched across when they read nothing at their own size.
constexpr float kStretch = 2.0f;

struct Decoder {
  Pix* grey;   // 8-bit grey, Leptonica's order
  Pix* bytes;  // the same, bytes in memory order (see ReadBarcodes)
  double px_per_mm;
  std::vector<Barcode> found;

  void Add(Barcode code) {
    auto same = [&](const Barcode& b) { return b.format == code.format && b.text == code.text; };
    if (std::none_of(found.begin(), found.end(), same)) found.push_back(std::move(code));
  }

  ZXing::ImageView View(const Region& r) const {
    const auto* data = reinterpret_cast<const uint8_t*>(pixGetData(bytes));
    const int stride = pixGetWpl(bytes) * 4;
    return {data + static_cast<ptrdiff_t>(r.top) * stride + r.left, r.width, r.height, ZXing::ImageFormat::Lum, stride};
  }

  // A speck of dust touching a DataMatrix's edge, turned black by zxing's local-average
  // binariser, can make its edge tracing lose the symbol, depending on where the region's 8-pixel
  // blocks fall. Read at half size, the speck is gone and the modules (10+ pixels at 300 dpi)
  // are still sharp, so a region that gave nothing is read once more that way (about 2 ms).
  bool Matrix(const Region& region) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::MatrixCodes).setTryHarder(true).setTryRotate(true);
    if (AddValid(ZXing::ReadBarcodes(View(region), hints))) return true;
    hints.setDownscaleThreshold(100).setDownscaleFactor(2);
    return AddValid(ZXing::ReadBarcodes(View(region), hints));
  }

  bool AddValid(const ZXing::Results& results) {
    bool any = false;
    for (const auto& result : results) {
      if (!result.isValid()) continue;
      Add({ZXing::ToString(result.format()), result.text()});
      any = true;
    }
    return any;
  }

  // Single rows across the region; bars standing upright (a symbol along the margin) are read
  // from the region turned by 90 degrees. Upside-down symbols need nothing extra: linear readers
  // read both directions. The turn is made from the grey page, and its bytes swapped after:
  // turned in memory order, the pixels of each row of the result would be out of order in fours.
  //
  // A skewed scan of thin bars (2 px modules: a form's case number at 150 and 200 dpi) has its
  // edges between pixels, and a single row thresholded at whole pixels gets bars and spaces one
  // pixel too wide or too narrow: at 5 degrees not one row of such a symbol read. Stretched to
  // twice its width (linear interpolation), the row keeps the edges' sub-pixel positions and
  // reads again. Only a region that gave nothing the plain way (and no 2D symbol: `stretch`) is
  // read stretched, with votes of its own, so the agreement rule is unchanged.
  void Linear(const Region& region, bool stretch) {
    BOX* box = boxCreate(region.left, region.top, region.width, region.height);
    PixPtr crop(pixClipRectangle(grey, box, nullptr));
    boxDestroy(&box);
    if (!crop) return;
    PixPtr turned(pixRotateOrth(crop.get(), 1));
    RowVotes votes;
    ScanRows(View(region), votes);
    if (turned) ScanRows(turned.get(), 1.0f, votes);
    if (AddAgreed(votes) || !stretch) return;
    votes.clear();
    ScanRows(crop.get(), kStretch, votes);
    if (turned) ScanRows(turned.get(), kStretch, votes);
    AddAgreed(votes);
  }

  bool AddAgreed(const RowVotes& votes) {
    bool any = false;
    for (const auto& [key, rows] : votes) {
      if (rows < kMinAgreeingRows) continue;
      Add({key.first, key.second});
      any = true;
    }
    return any;
  }

  // Rows of `image` (8-bit grey in Leptonica's order), stretched `stretch` times across.
  void ScanRows(Pix* image, float stretch, RowVotes& votes) const {
    PixPtr scaled(stretch == 1.0f ? pixClone(image) : pixScale(image, stretch, 1.0f));
    if (!scaled) return;
    PixPtr swapped(pixEndianByteSwapNew(scaled.get()));
    if (!swapped) return;
    const auto* data = reinterpret_cast<const uint8_t*>(pixGetData(swapped.get()));
    ScanRows({data, pixGetWidth(swapped.get()), pixGetHeight(swapped.get()), ZXing::ImageFormat::Lum,
              pixGetWpl(swapped.get()) * 4},
             votes);
  }

  void ScanRows(const ZXing::ImageView& view, RowVotes& votes) const {
    const int step = std::max(1, static_cast<int>(px_per_mm / kRowsPerMillimetre));
    ZXing::DecodeHints hints;
    hints.setFormats(kLinearFormats).setTryHarder(false).setTryRotate(false).setMinLineCount(1);
    for (int y = 0; y < view.height(); y += step) {
      for (const auto& result : ZXing::ReadBarcodes(view.cropped(0, y, view.width(), 1), hints)) {
        if (result.isValid()) ++votes[{ZXing::ToString(result.format()), result.text()}];
      }
    }
  }
};

}  // namespace

std::vector<Barcode> ReadBarcodes(const Pix& image) {
  Pix* source = const_cast<Pix*>(&image);
  PixPtr grey = GreyOf(source);
  if (!grey) return {};
  // Leptonica stores pixels in 32-bit words, most significant byte first: on x86 the bytes of a
  // row are reversed. Without this swap, Code 128 never decodes.
  PixPtr bytes(pixEndianByteSwapNew(grey.get()));
  if (!bytes) return {};
  const int dpi = pixGetXRes(source) > 0 ? pixGetXRes(source) : 300;
  Decoder decoder{grey.get(), bytes.get(), dpi / 25.4, {}};
  for (const Region& region : FindSymbolRegions(grey.get(), dpi)) {
    const bool matrix = decoder.Matrix(region);
    decoder.Linear(region, !matrix);
  }
  for (const PatchCode& patch : FindPatchCodes(grey.get(), dpi)) {
    decoder.Add({kPatchCodeFormat, std::string(kPatchCodePrefix) + patch.name});
  }
  return decoder.found;
}

bool IsSeparator(const std::vector<Barcode>& barcodes) {
  return std::any_of(barcodes.begin(), barcodes.end(), [](const Barcode& b) {
    if (b.format == kPatchCodeFormat) return b.text == kPatchT || b.text == kPatch2;
    return b.text == kSeparatorPayload;
  });
}

}  // namespace mailroom::ocr
