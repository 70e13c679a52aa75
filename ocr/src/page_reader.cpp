// The page pipeline: barcodes -> separator? -> blank? -> text + searchable PDF.
// Separator sheets and blank pages are never OCR'd: they are the cheap majority of checks.
#include <filesystem>

#include "mailroom/ocr/ocr.h"
#include "tesseract_engine.h"

namespace mailroom::ocr {
namespace {

class TesseractPageReader final : public PageReader {
 public:
  TesseractPageReader(OcrOptions options, std::unique_ptr<TesseractEngine> engine)
      : options_(std::move(options)), engine_(std::move(engine)) {}

  PageReading Read(const std::string& name, int index, const Pix& image) override {
    PageReading page;
    page.name = name;
    page.index = index;
    page.barcodes = ReadBarcodes(image);
    if (IsSeparator(page.barcodes)) {
      page.kind = PageKind::kSeparator;
      return page;
    }
    if (page.barcodes.empty() && IsBlankPage(image)) {
      page.kind = PageKind::kBlank;
      return page;
    }
    if (auto read = ReadText(image, page); !read) {
      page.kind = PageKind::kUnreadable;
      page.error = name + ": " + read.error().message;
    }
    return page;
  }

 private:
  Result<void> ReadText(const Pix& image, PageReading& page) {
    // Bilevel scans go in as they are (the PDF then keeps them as compact G4); anything else as
    // 8-bit grey, which Tesseract binarises itself.
    PixPtr input(pixGetDepth(const_cast<Pix*>(&image)) == 1 ? pixClone(const_cast<Pix*>(&image))
                                                            : pixConvertTo8(const_cast<Pix*>(&image), 0));
    if (!input) return Fail("cannot convert image for text recognition");
    auto text = engine_->Recognize(input.get(), options_.page_timeout_ms);
    if (!text) return tl::unexpected(text.error());
    page.text = std::move(text->text);
    page.words = std::move(text->words);
    page.mean_confidence = text->mean_confidence;
    if (options_.pdf_dir.empty()) return {};
    const auto pdf = options_.pdf_dir / (std::to_string(page.index) + ".pdf");
    if (auto written = engine_->WritePdf(pdf); !written) return written;
    page.pdf_path = pdf.string();
    return {};
  }

  OcrOptions options_;
  std::unique_ptr<TesseractEngine> engine_;
};

}  // namespace

Result<std::unique_ptr<PageReader>> PageReader::Create(const OcrOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(options.tessdata_dir / "pdf.ttf", ec)) {
    return Fail((options.tessdata_dir / "pdf.ttf").string() +
                ": missing (needed for searchable PDFs; install tesseract-ocr)");
  }
  auto engine = TesseractEngine::Create(options.tessdata_dir, options.language);
  if (!engine) return tl::unexpected(engine.error());
  return std::unique_ptr<PageReader>(new TesseractPageReader(options, std::move(*engine)));
}

}  // namespace mailroom::ocr
