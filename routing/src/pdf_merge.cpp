// The one file that talks to qpdf: joining single-page PDFs into one document, and, for the review
// desk, taking pages out of one (split, account) or putting a new scan in a page's place.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>

#include "mailroom/common/atomic_file.h"
#include "mailroom/routing/output.h"
#include "pdfa.h"

namespace mailroom::routing {
namespace {

// Pages are copied lazily by the writer: every source must stay open until Written().
std::unique_ptr<QPDF> OpenPdf(const std::filesystem::path& file) {
  auto pdf = std::make_unique<QPDF>();
  pdf->setSuppressWarnings(true);
  pdf->processFile(file.c_str());
  return pdf;
}

// A new document of `pages` (taken from open sources), PDF/A-2b marked with `title` and `created_at`
// when given, written in memory: the same pages and facts give the same bytes.
std::string Written(const std::vector<QPDFPageObjectHelper>& pages, const std::string& title,
                    const std::string& created_at) {
  QPDF result;
  result.emptyPDF();
  QPDFPageDocumentHelper result_pages(result);
  for (const auto& page : pages) result_pages.addPage(page, false);
  if (const auto& profile = SrgbProfile(); profile && !title.empty()) {
    MarkAsPdfA2b(result, title, *profile, created_at);
  }
  QPDFWriter writer(result);
  writer.setOutputMemory();
  // qpdf's default /ID hashes the current time into the trailer; this one hashes the content.
  writer.setDeterministicID(true);
  // PDF/A (ISO 19005-2 6.1.7.1): an end-of-line before every endstream; qpdf leaves it out by default.
  writer.setNewlineBeforeEndstream(true);
  writer.setObjectStreamMode(qpdf_o_generate);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

Result<std::string> JoinPdfs(const std::vector<std::filesystem::path>& inputs, const std::string& what,
                             const std::string& title, const std::string& created_at) {
  if (inputs.empty()) return Fail(what + ": no pages to write");
  try {
    std::vector<std::unique_ptr<QPDF>> sources;
    std::vector<QPDFPageObjectHelper> pages;
    for (const auto& input : inputs) {
      sources.push_back(OpenPdf(input));
      for (auto& page : QPDFPageDocumentHelper(*sources.back()).getAllPages()) pages.push_back(page);
    }
    return Written(pages, title, created_at);
  } catch (const std::exception& e) {
    return Fail(what + ": cannot join page PDFs: " + e.what());
  }
}

Result<std::string> ReplacePdfPage(const std::filesystem::path& input, int page,
                                   const std::filesystem::path& replacement, const std::string& title,
                                   const std::string& created_at) {
  try {
    auto source = OpenPdf(input);
    auto new_page = OpenPdf(replacement);
    auto pages = QPDFPageDocumentHelper(*source).getAllPages();
    const auto added = QPDFPageDocumentHelper(*new_page).getAllPages();
    if (page < 0 || static_cast<std::size_t>(page) >= pages.size()) {
      return Fail(input.string() + ": has no page " + std::to_string(page + 1));
    }
    if (added.size() != 1) return Fail(replacement.string() + ": a replacement is one page");
    pages[static_cast<std::size_t>(page)] = added.front();
    return Written(pages, title, created_at);
  } catch (const std::exception& e) {
    return Fail(input.string() + ": cannot replace page " + std::to_string(page + 1) + ": " + e.what());
  }
}

Result<std::string> SelectPdfPages(const std::filesystem::path& input, const std::vector<int>& pages,
                                   const std::string& title, const std::string& created_at) {
  if (pages.empty()) return Fail(input.string() + ": no pages to keep");
  try {
    auto source = OpenPdf(input);
    const auto all = QPDFPageDocumentHelper(*source).getAllPages();
    std::vector<QPDFPageObjectHelper> kept;
    for (int page : pages) {
      if (page < 0 || static_cast<std::size_t>(page) >= all.size()) {
        return Fail(input.string() + ": has no page " + std::to_string(page + 1) + " (it has " +
                    std::to_string(all.size()) + ")");
      }
      kept.push_back(all[static_cast<std::size_t>(page)]);
    }
    return Written(kept, title, created_at);
  } catch (const std::exception& e) {
    return Fail(input.string() + ": cannot select pages: " + e.what());
  }
}

Result<void> MergePdfs(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& output,
                       const std::string& title, const std::string& created_at) {
  auto joined = JoinPdfs(inputs, output.string(), title, created_at);
  if (!joined) return tl::unexpected(joined.error());
  return WriteFileAtomically(output, *joined);
}

}  // namespace mailroom::routing
