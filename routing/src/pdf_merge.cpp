// The one file that talks to qpdf: joining single-page PDFs into one document, and taking pages
// out of one (the review desk splits documents).
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

Result<std::string> JoinPdfs(const std::vector<std::filesystem::path>& inputs, const std::string& what,
                             const std::string& title) {
  if (inputs.empty()) return Fail(what + ": no pages to write");
  try {
    QPDF merged;
    merged.emptyPDF();
    QPDFPageDocumentHelper merged_pages(merged);
    // Pages are copied lazily by the writer: every source must stay open until write().
    std::vector<std::unique_ptr<QPDF>> sources;
    for (const auto& input : inputs) {
      auto source = std::make_unique<QPDF>();
      source->setSuppressWarnings(true);
      source->processFile(input.c_str());
      for (auto& page : QPDFPageDocumentHelper(*source).getAllPages()) merged_pages.addPage(page, false);
      sources.push_back(std::move(source));
    }
    if (const auto& profile = SrgbProfile(); profile && !title.empty()) MarkAsPdfA2b(merged, title, *profile);
    QPDFWriter writer(merged);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    return Fail(what + ": cannot join page PDFs: " + e.what());
  }
}

Result<std::string> ReplacePdfPage(const std::filesystem::path& input, int page,
                                   const std::filesystem::path& replacement, const std::string& title) {
  try {
    QPDF source;
    source.setSuppressWarnings(true);
    source.processFile(input.c_str());
    QPDF new_page;
    new_page.setSuppressWarnings(true);
    new_page.processFile(replacement.c_str());
    const auto all = QPDFPageDocumentHelper(source).getAllPages();
    const auto added = QPDFPageDocumentHelper(new_page).getAllPages();
    if (page < 0 || static_cast<std::size_t>(page) >= all.size()) {
      return Fail(input.string() + ": has no page " + std::to_string(page + 1));
    }
    if (added.size() != 1) return Fail(replacement.string() + ": a replacement is one page");
    QPDF result;
    result.emptyPDF();
    QPDFPageDocumentHelper pages(result);
    for (std::size_t i = 0; i < all.size(); ++i) {
      pages.addPage(i == static_cast<std::size_t>(page) ? added.front() : all[i], false);
    }
    if (const auto& profile = SrgbProfile(); profile && !title.empty()) MarkAsPdfA2b(result, title, *profile);
    QPDFWriter writer(result);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    return Fail(input.string() + ": cannot replace page " + std::to_string(page + 1) + ": " + e.what());
  }
}

Result<std::string> SelectPdfPages(const std::filesystem::path& input, const std::vector<int>& pages,
                                   const std::string& title) {
  if (pages.empty()) return Fail(input.string() + ": no pages to keep");
  try {
    QPDF source;
    source.setSuppressWarnings(true);
    source.processFile(input.c_str());
    const auto all = QPDFPageDocumentHelper(source).getAllPages();
    QPDF selected;
    selected.emptyPDF();
    QPDFPageDocumentHelper selected_pages(selected);
    for (int page : pages) {
      if (page < 0 || static_cast<std::size_t>(page) >= all.size()) {
        return Fail(input.string() + ": has no page " + std::to_string(page + 1) + " (it has " +
                    std::to_string(all.size()) + ")");
      }
      selected_pages.addPage(all[static_cast<std::size_t>(page)], false);
    }
    if (const auto& profile = SrgbProfile(); profile && !title.empty()) MarkAsPdfA2b(selected, title, *profile);
    QPDFWriter writer(selected);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    return Fail(input.string() + ": cannot select pages: " + e.what());
  }
}

Result<void> MergePdfs(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& output,
                       const std::string& title) {
  auto joined = JoinPdfs(inputs, output.string(), title);
  if (!joined) return tl::unexpected(joined.error());
  return WriteFileAtomically(output, *joined);
}

}  // namespace mailroom::routing
