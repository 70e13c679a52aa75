// libFuzzer target: any bytes as a page file in a box, listed (a TIFF's frames counted) and decoded
// as ingest does it for every page: ListPages, then DecodePage on each page it lists.
#include <cstddef>
#include <cstdint>

#include "mailroom/image/pix.h"
#include "mailroom/ingest/box.h"
#include "scratch_folder.h"

namespace {

// A multi-page TIFF or PDF lists one page per frame; the first few show how its frames decode.
constexpr std::size_t kPagesDecoded = 4;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mailroom::SilenceLeptonica();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const mailroom::fuzz::ScratchFolder box("page_decoder");
  // Named .tif so that ListPages counts the frames; a PDF is listed by its content, page by page, and
  // DecodePage goes by the content (PNG, JPEG, PDF too).
  box.Write("0001.tif", data, size);
  auto pages = mailroom::ingest::ListPages(box.path());
  if (!pages) return 0;
  for (std::size_t i = 0; i < pages->size() && i < kPagesDecoded; ++i) {
    auto pix = mailroom::ingest::DecodePage((*pages)[i]);
    (void)pix;
  }
  return 0;
}
