#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

#include "mailroom/pdf/pdf_document.h"
#include "page_files.h"

namespace mailroom::ingest {
namespace {

// The resolution a PDF page is rendered at when it holds no scan of itself (a page drawn from text
// and vectors, an e-mailed letter): what the OCR reads best. Also the highest: a 600 dpi scan is
// read at 300 dpi, as the OCR gains nothing from more.
constexpr double kPdfDpi = 300;
// Below this a page image is too coarse to be a scan of the page (a logo, a photo); 300 dpi then.
constexpr double kMinScanDpi = 100;
// A scan of the page has the page's shape: its sides' ratio within 3 % of the page's.
constexpr double kShapeTolerance = 0.03;

// PdfDocument's errors start with the file's path, which for the distributed workers is a path in
// the content store: the reason follows the page's name instead.
std::string Reason(const Error& error, const std::filesystem::path& path) {
  const std::string prefix = path.string() + ": ";
  return error.message.starts_with(prefix) ? error.message.substr(prefix.size()) : error.message;
}

// The scan's own resolution, when the page's largest image is a scan of the whole page: its long
// side's pixels over the page's long side in inches (rotation-free), rounded, at most kPdfDpi.
double ScanDpi(const pdf::PageSize& page, const pdf::PageImageSize& image) {
  const double page_long = std::max(page.width_pt, page.height_pt) / 72.0;
  const double page_short = std::min(page.width_pt, page.height_pt) / 72.0;
  const auto image_long = static_cast<double>(std::max(image.width, image.height));
  const auto image_short = static_cast<double>(std::min(image.width, image.height));
  if (!(page_short > 0) || !(image_short > 0)) return kPdfDpi;
  const double shape = (image_long / image_short) / (page_long / page_short);
  if (std::abs(shape - 1) > kShapeTolerance) return kPdfDpi;
  const double dpi = std::round(image_long / page_long);
  if (dpi < kMinScanDpi) return kPdfDpi;
  return std::min(dpi, kPdfDpi);
}

std::string Pixels(std::int64_t width, std::int64_t height) {
  return std::to_string(width) + " x " + std::to_string(height) + " pixels";
}

}  // namespace

bool LooksLikePdf(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("%PDF-") != std::string::npos;
}

Result<int> CountPdfPages(const std::filesystem::path& path) {
  auto document = pdf::PdfDocument::Open(path);
  if (!document) return Fail(Reason(document.error(), path));
  return document->pages();
}

Result<PixPtr> DecodePdfPage(const PageSource& page, const PageLimits& limits) {
  auto document = pdf::PdfDocument::Open(page.path);
  if (!document) return Fail(Reason(document.error(), page.path));
  // The listing refused such a PDF already; a worker that gets a page message checks again.
  if (document->pages() > limits.max_frames) {
    return Fail("a PDF of " + std::to_string(document->pages()) + " pages, more than the " +
                std::to_string(limits.max_frames) + " a file may have; not decoded");
  }
  const int index = page.tiff_page;
  auto size = document->Size(index);
  if (!size) return Fail(Reason(size.error(), page.path));
  auto image = document->LargestImage(index);
  if (!image) return Fail(Reason(image.error(), page.path));
  // An image of a few hundred bytes can claim a billion pixels (a deflate stream of zeros): the
  // renderer would decode all of them to scale them down.
  if (static_cast<long double>(image->width) * image->height > static_cast<long double>(limits.max_page_pixels)) {
    return Fail("page " + std::to_string(index + 1) + " draws an image that claims " +
                Pixels(image->width, image->height) + ", more than the " + std::to_string(limits.max_page_pixels) +
                " pixels a page may have; not decoded");
  }
  auto pix = document->RenderGrey(index, ScanDpi(*size, *image), limits.max_page_pixels);
  if (!pix) return Fail(Reason(pix.error(), page.path));
  return pix;
}

}  // namespace mailroom::ingest
