// The only user of zxing-cpp's writer (version 1.4): MultiFormatWriter with size 0 and margin 0
// returns the bare symbol, one matrix cell per module, so the page renderer can scale it to whole
// pixels itself (a fractional module width is what makes printed 1D codes unreadable).
#include "barcode_painter.h"

#include <exception>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace mailroom::samplegen {
namespace {

Result<ZXing::BarcodeFormat> FormatByName(const std::string& name) {
  if (name == "Code128") return ZXing::BarcodeFormat::Code128;
  if (name == "DataMatrix") return ZXing::BarcodeFormat::DataMatrix;
  if (name == "QRCode") return ZXing::BarcodeFormat::QRCode;
  return Fail("unknown barcode format '" + name + "' (expected Code128, DataMatrix or QRCode)");
}

}  // namespace

Result<BarcodeModules> EncodeBarcode(const std::string& payload, const std::string& format) {
  auto zx_format = FormatByName(format);
  if (!zx_format) return tl::unexpected(zx_format.error());
  if (payload.empty()) return Fail("empty barcode payload");
  try {
    // The writers report unencodable content (e.g. non-ASCII in Code 128) by throwing.
    ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(*zx_format).setMargin(0).encode(payload, 0, 0);
    BarcodeModules modules;
    modules.width = matrix.width();
    modules.height = matrix.height();
    modules.linear = *zx_format == ZXing::BarcodeFormat::Code128;
    if (modules.linear) modules.height = 1;  // all rows of a 1D matrix are equal
    modules.dark.resize(static_cast<std::size_t>(modules.width) * modules.height);
    for (int y = 0; y < modules.height; ++y) {
      for (int x = 0; x < modules.width; ++x) {
        modules.dark[static_cast<std::size_t>(y) * modules.width + x] = matrix.get(x, y) ? 1 : 0;
      }
    }
    if (modules.width == 0) return Fail(format + " writer returned an empty symbol");
    return modules;
  } catch (const std::exception& e) {
    return Fail("cannot encode '" + payload + "' as " + format + ": " + e.what());
  }
}

}  // namespace mailroom::samplegen
