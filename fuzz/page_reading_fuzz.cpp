// libFuzzer target: any bytes as the body of a page-reading message (the OCR worker's reading of a
// page, on the way to the classify worker), decoded with proto::ParsePageReading. A message that
// decodes must come back the same through ToProto and ParsePageReading again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mailroom/proto/page_reading_codec.h"

namespace {

bool SameReading(const mailroom::PageReading& a, const mailroom::PageReading& b) {
  if (a.name != b.name || a.index != b.index || a.kind != b.kind || a.text != b.text || a.error != b.error ||
      a.rotation_degrees != b.rotation_degrees || a.barcodes.size() != b.barcodes.size() ||
      a.words.size() != b.words.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.barcodes.size(); ++i) {
    if (a.barcodes[i].format != b.barcodes[i].format || a.barcodes[i].text != b.barcodes[i].text) return false;
  }
  for (std::size_t i = 0; i < a.words.size(); ++i) {
    const auto& x = a.words[i];
    const auto& y = b.words[i];
    if (x.text != y.text || x.left != y.left || x.top != y.top || x.width != y.width || x.height != y.height) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto wire = mailroom::proto::ParsePageReading(bytes);
  if (!wire) return 0;
  const std::string again = mailroom::proto::ToProto(wire->reading, wire->box_id, wire->pdf_ref).SerializeAsString();
  auto back = mailroom::proto::ParsePageReading(again);
  if (!back || back->box_id != wire->box_id || back->pdf_ref != wire->pdf_ref ||
      !SameReading(back->reading, wire->reading)) {
    std::abort();
  }
  return 0;
}
