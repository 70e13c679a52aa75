// Reading our own PDFs for people: the text layer of a page and the page as an image, for the
// review desk. Wraps poppler; no poppler type appears in this header.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::pdf {

/// The smallest and largest resolution RenderPng accepts, in dots per inch.
inline constexpr double kMinDpi = 20;
inline constexpr double kMaxDpi = 300;
/// The most pixels RenderPng renders for one page (an A4 page at 300 dpi is 8.7 million), so a
/// PDF with a giant page cannot make the desk allocate gigabytes.
inline constexpr double kMaxPixels = 50e6;

/// The size of a page as drawn: its crop box, in points (1/72 inch).
struct PageSize {
  double width_pt = 0;
  double height_pt = 0;
};

/// The image of a page with the most pixels, as its image dictionary claims them (nothing is
/// decoded); 0 x 0 for a page without images.
struct PageImageSize {
  std::int64_t width = 0;
  std::int64_t height = 0;
};

/// An opened PDF document. Movable, not copyable. Not thread-safe: use one PdfDocument from one
/// thread at a time (separate PdfDocuments may be used on separate threads). Poppler's own
/// messages are swallowed (they could quote the page's content), never printed to stderr.
class PdfDocument {
 public:
  /// Opens `file`. Fails with "<file>: <reason>" when it is missing or a folder, cannot be read,
  /// is not a PDF (no %PDF- header), is truncated (no %%EOF at its end), is damaged beyond
  /// poppler's repair, is encrypted with a password, or has no pages.
  [[nodiscard]] static Result<PdfDocument> Open(const std::filesystem::path& file);

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  /// The number of pages (at least 1).
  [[nodiscard]] int pages() const;

  /// The text layer of page `index` (0-based) as UTF-8, in reading order, lines ending in "\n";
  /// for our PDFs that is Tesseract's invisible OCR text. Empty for a page without text. Fails
  /// with the file and the reason for an index out of range or a page poppler cannot load.
  [[nodiscard]] Result<std::string> PageText(int index) const;

  /// Page `index` (0-based) rendered at `dpi` as the bytes of a PNG file: 8-bit grey when the page
  /// has no colour (all our scanned pages), else 8-bit RGB; the PNG carries `dpi`. Fails with the
  /// file and the reason for an index out of range, a `dpi` outside kMinDpi..kMaxDpi, a page
  /// whose pixel size would exceed kMaxPixels, or a page that cannot be rendered.
  [[nodiscard]] Result<std::string> RenderPng(int index, double dpi) const;

  /// The crop box of page `index` (0-based). Fails naming the file for an index out of range.
  [[nodiscard]] Result<PageSize> Size(int index) const;

  /// The largest image page `index` (0-based) draws: the images of its resources (inherited ones
  /// too) and of the forms in them, read from the PDF's structure with qpdf, none decoded. Fails
  /// naming the file when qpdf cannot read the structure or does not find the page.
  [[nodiscard]] Result<PageImageSize> LargestImage(int index) const;

  /// Page `index` (0-based) rendered at `dpi` as an 8-bit grey image with `dpi` as its resolution,
  /// on white paper. Text drawn invisibly (an OCR text layer) does not show. Fails naming the file
  /// and the page for an index out of range, a `dpi` outside kMinDpi..kMaxDpi, a page of more
  /// than `max_pixels` pixels at that resolution (checked before rendering), or a page that
  /// cannot be rendered. Memory: about 3 bytes a pixel of the page while rendering.
  [[nodiscard]] Result<PixPtr> RenderGrey(int index, double dpi, std::int64_t max_pixels) const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mailroom::pdf
