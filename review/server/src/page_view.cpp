#include "page_view.h"

#include <fmt/format.h>

#include "mailroom/pdf/pdf_document.h"

namespace mailroom::review {
namespace {

// Opened per request: a PdfDocument is not thread-safe, and the desk serves requests on several
// threads; opening one of our PDFs (a few pages of G4 images) costs little next to rendering.
Result<pdf::PdfDocument> OpenPdf(const ReviewDocument& document) {
  auto opened = pdf::PdfDocument::Open(document.pdf_file);
  if (!opened) return tl::unexpected(opened.error().Prefixed("document " + document.document_id));
  if (opened->pages() != static_cast<int>(document.pages.size())) {
    return Fail(fmt::format("document {}: {} has {} pages, its JSON names {}", document.document_id,
                            document.pdf_file.string(), opened->pages(), document.pages.size()));
  }
  return opened;
}

}  // namespace

Result<std::vector<PageView>> ReadPageViews(const ReviewDocument& document) {
  auto pdf = OpenPdf(document);
  if (!pdf) return tl::unexpected(pdf.error());
  std::vector<PageView> pages;
  for (std::size_t i = 0; i < document.pages.size(); ++i) {
    auto text = pdf->PageText(static_cast<int>(i));
    if (!text) return tl::unexpected(text.error().Prefixed("document " + document.document_id));
    pages.push_back({document.pages[i], static_cast<int>(i) + 1, std::move(*text)});
  }
  return pages;
}

Result<std::string> RenderPage(const ReviewDocument& document, int index, double dpi) {
  if (index < 1 || index > static_cast<int>(document.pages.size())) {
    return Fail(
        fmt::format("document {} has no page {} (it has {})", document.document_id, index, document.pages.size()));
  }
  auto pdf = OpenPdf(document);
  if (!pdf) return tl::unexpected(pdf.error());
  auto png = pdf->RenderPng(index - 1, dpi);
  if (!png) return tl::unexpected(png.error().Prefixed("document " + document.document_id));
  return png;
}

}  // namespace mailroom::review
