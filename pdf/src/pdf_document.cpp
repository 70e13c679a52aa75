#include "mailroom/pdf/pdf_document.h"

#include <fmt/format.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <system_error>

#include "page_images.h"
#include "page_png.h"
#include "quiet_poppler.h"

namespace mailroom::pdf {

struct PdfDocument::Impl {
  std::string file;  // as given, for every error message
  std::unique_ptr<poppler::document> document;

  // Page `index`, owned; fails naming the file for an index out of range or an unloadable page.
  Result<std::unique_ptr<poppler::page>> Page(int index) const {
    if (index < 0 || index >= document->pages()) {
      return Fail(fmt::format("{}: no page at index {} (the PDF has {} pages)", file, index, document->pages()));
    }
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) return Fail(fmt::format("{}: page {} cannot be loaded", file, index + 1));
    return page;
  }

  // Page `index` rendered at `dpi` in `format`; refused before rendering when it would have more
  // than `max_pixels` pixels.
  Result<poppler::image> Render(int index, double dpi, double max_pixels, poppler::image::format_enum format) const {
    auto page = Page(index);
    if (!page) return tl::unexpected(page.error());
    const auto where = fmt::format("{}: page {}", file, index + 1);
    if (!(dpi >= kMinDpi && dpi <= kMaxDpi)) {
      return Fail(fmt::format("{}: resolution {} dpi is outside {}..{}", where, dpi, kMinDpi, kMaxDpi));
    }
    // The renderer draws the crop box; rotation does not change the pixel count.
    const poppler::rectf box = (*page)->page_rect(poppler::crop_box);
    const double pixels = (box.width() * dpi / 72.0) * (box.height() * dpi / 72.0);
    if (!(pixels <= max_pixels)) {
      return Fail(
          fmt::format("{}: {:.0f} x {:.0f} pt at {} dpi would be {:.0f} megapixels, more than {:.0f}; not rendered",
                      where, box.width(), box.height(), dpi, pixels / 1e6, max_pixels / 1e6));
    }
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(format);
    renderer.set_paper_color(0xffffffff);
    poppler::image image = renderer.render_page(page->get(), dpi, dpi);
    if (!image.is_valid() || image.format() != format) return Fail(where + ": cannot be rendered");
    return image;
  }
};

namespace {

// The PDF spec puts "%PDF-" at the start (readers allow up to 1 KB of junk before it) and "%%EOF"
// at the end. Poppler repairs a file that lacks its end by scanning for objects, so a PDF cut off
// in transfer would open with pages quietly missing: we refuse it instead.
constexpr std::size_t kMarkerWindow = 1024;

Result<void> CheckMarkers(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status)) return Fail(file.string() + ": no such file");
  if (std::filesystem::is_directory(status)) return Fail(file.string() + ": is a folder, not a PDF");
  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail(file.string() + ": cannot be read: " + std::strerror(errno));
  std::string head(kMarkerWindow, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find("%PDF-") == std::string::npos) return Fail(file.string() + ": not a PDF (no %PDF- header)");
  in.clear();
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(in.tellg());
  const std::size_t tail_size = std::min(size, kMarkerWindow);
  std::string tail(tail_size, '\0');
  in.seekg(static_cast<std::streamoff>(size - tail_size));
  in.read(tail.data(), static_cast<std::streamsize>(tail_size));
  if (!in) return Fail(file.string() + ": cannot be read to its end");
  if (tail.find("%%EOF") == std::string::npos) return Fail(file.string() + ": truncated PDF (no %%EOF at its end)");
  return {};
}

}  // namespace

Result<PdfDocument> PdfDocument::Open(const std::filesystem::path& file) {
  QuietPoppler();
  if (auto markers = CheckMarkers(file); !markers) return tl::unexpected(markers.error());
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(file.string()));
  if (!document) return Fail(file.string() + ": damaged PDF (poppler cannot read its structure)");
  // Poppler hands out a locked document (rather than none) when the password is missing.
  if (document->is_locked()) return Fail(file.string() + ": encrypted PDF (it needs a password)");
  if (document->pages() < 1) return Fail(file.string() + ": PDF without pages");
  return PdfDocument(std::make_unique<Impl>(Impl{file.string(), std::move(document)}));
}

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

int PdfDocument::pages() const {
  return impl_->document->pages();
}

Result<std::string> PdfDocument::PageText(int index) const {
  auto page = impl_->Page(index);
  if (!page) return tl::unexpected(page.error());
  // Reading order, as pdftotext gives it; the physical layout would pad Tesseract's word
  // positions with runs of spaces.
  const poppler::byte_array utf8 =
      (*page)->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

Result<std::string> PdfDocument::RenderPng(int index, double dpi) const {
  auto image = impl_->Render(index, dpi, kMaxPixels, poppler::image::format_argb32);
  if (!image) return tl::unexpected(image.error());
  auto png = EncodePng(*image, dpi);
  if (!png) return tl::unexpected(png.error().Prefixed(fmt::format("{}: page {}", impl_->file, index + 1)));
  return png;
}

Result<PageSize> PdfDocument::Size(int index) const {
  auto page = impl_->Page(index);
  if (!page) return tl::unexpected(page.error());
  const poppler::rectf box = (*page)->page_rect(poppler::crop_box);
  return PageSize{box.width(), box.height()};
}

Result<PageImageSize> PdfDocument::LargestImage(int index) const {
  return LargestImageOf(impl_->file, index);
}

Result<PixPtr> PdfDocument::RenderGrey(int index, double dpi, std::int64_t max_pixels) const {
  auto image = impl_->Render(index, dpi, static_cast<double>(max_pixels), poppler::image::format_gray8);
  if (!image) return tl::unexpected(image.error());
  auto pix = GreyPix(*image, dpi);
  if (!pix) return tl::unexpected(pix.error().Prefixed(fmt::format("{}: page {}", impl_->file, index + 1)));
  return pix;
}

}  // namespace mailroom::pdf
