#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <filesystem>

namespace mailroom::testing {

/// Number of pages of a PDF, read with qpdf (throws if it is not a valid PDF).
inline size_t PdfPageCount(const std::filesystem::path& pdf) {
  QPDF doc;
  doc.processFile(pdf.c_str());
  return QPDFPageDocumentHelper(doc).getAllPages().size();
}

}  // namespace mailroom::testing
