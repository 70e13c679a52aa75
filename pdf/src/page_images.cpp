#include "page_images.h"

#include <fmt/format.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <exception>

namespace mailroom::pdf {
namespace {

// A claimed dimension: a positive integer, anything else counts as 0 (poppler draws nothing then).
std::int64_t Dimension(QPDFObjectHandle dict, const char* key) {
  QPDFObjectHandle value = dict.getKey(key);
  if (!value.isInteger()) return 0;
  const long long n = value.getIntValue();
  return n > 0 ? n : 0;
}

}  // namespace

Result<PageImageSize> LargestImageOf(const std::string& file, int index) {
  try {
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.processFile(file.c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
    if (index < 0 || static_cast<std::size_t>(index) >= pages.size()) {
      return Fail(fmt::format("{}: page {} not found in the page tree ({} pages)", file, index + 1, pages.size()));
    }
    PageImageSize largest;
    pages[static_cast<std::size_t>(index)].forEachImage(
        true, [&largest](QPDFObjectHandle& image, QPDFObjectHandle&, std::string const&) {
          QPDFObjectHandle dict = image.getDict();
          const std::int64_t width = Dimension(dict, "/Width");
          const std::int64_t height = Dimension(dict, "/Height");
          // Compared as long double: two claimed dimensions of 2^40 would overflow the product.
          if (static_cast<long double>(width) * height > static_cast<long double>(largest.width) * largest.height) {
            largest = {width, height};
          }
        });
    return largest;
  } catch (const std::exception& e) {
    return Fail(fmt::format("{}: damaged PDF structure: {}", file, e.what()));
  }
}

}  // namespace mailroom::pdf
