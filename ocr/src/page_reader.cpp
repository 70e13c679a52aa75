// The page pipeline: barcodes -> separator? -> ink -> blank? -> upright -> level -> text + PDF.
// Separator sheets and blank pages are never OCR'd, and each image is decoded once (by ingest).
#include <filesystem>

#include "blank_detector.h"
#include "mailroom/ocr/ocr.h"
#include "page_cleanup.h"
#include "tesseract_engine.h"

namespace mailroom::ocr {
namespace {

// A page with less ink than this (in square millimetres) is too sparse for Tesseract's OSD to
// be asked about its orientation: it would only guess.
constexpr double kMinInkForOsdMm2 = 150.0;

// The page as the later steps see it: its ink. Tesseract reads the clean 1-bit page and the PDF
// stores the same image (G4), so the text layer lies exactly on it. Reading the evened grey page
// instead was measured slower (the grey page must be rotated too) and no more accurate on the
// generated boxes (bench/ocr-throughput).
struct WorkPage {
  PixPtr ink;  // 1-bit
  int dpi = 300;
};

Result<WorkPage> Prepare(Pix* image) {
  WorkPage page;
  page.dpi = pixGetXRes(image) > 0 ? pixGetXRes(image) : 300;
  if (pixGetDepth(image) == 1) {
    page.ink.reset(pixClone(image));
    return page;
  }
  PixPtr grey(pixConvertTo8(image, 0));
  if (!grey) return Fail("cannot convert image to grey");
  PixPtr evened = EvenedGrey(grey.get());
  page.ink = InkOf(evened.get());
  if (!page.ink) return Fail("cannot separate ink from paper");
  return page;
}

class TesseractPageReader final : public PageReader {
 public:
  TesseractPageReader(OcrOptions options, std::unique_ptr<TesseractEngine> engine)
      : options_(std::move(options)), engine_(std::move(engine)), osd_(options_.tessdata_dir) {}

  PageReading Read(const std::string& name, int index, const Pix& image) override {
    PageReading page;
    page.name = name;
    page.index = index;
    page.barcodes = ReadBarcodes(image);
    if (IsSeparator(page.barcodes)) {
      page.kind = PageKind::kSeparator;
      return page;
    }
    auto work = Prepare(const_cast<Pix*>(&image));
    if (work && page.barcodes.empty() && IsBlankInk(work->ink.get(), work->dpi)) {
      page.kind = PageKind::kBlank;
      return page;
    }
    auto read = work ? ReadText(*work, page) : Result<void>(tl::unexpected(work.error()));
    if (!read) {
      page.kind = PageKind::kUnreadable;
      page.error = name + ": " + read.error().message;
    }
    return page;
  }

 private:
  int UprightRotation(const WorkPage& work) {
    const OrientationGuess guess = GuessOrientation(work.ink.get());
    if (guess.sure) return guess.rotation;
    l_int32 ink_pixels = 0;
    pixCountPixels(work.ink.get(), &ink_pixels, nullptr);
    const double px_per_mm = work.dpi / 25.4;
    if (ink_pixels < kMinInkForOsdMm2 * px_per_mm * px_per_mm) return 0;
    return osd_.UprightRotation(work.ink.get()).value_or(0);
  }

  Result<void> ReadText(WorkPage& work, PageReading& page) {
    page.rotation_degrees = UprightRotation(work);
    work.ink = TurnClockwise(work.ink.get(), page.rotation_degrees);
    work.ink = Deskew(work.ink.get(), FindSkewDegrees(work.ink.get()));
    work.ink = Despeckle(work.ink.get(), work.dpi);
    // Word boxes are in the coordinates of this upright, level page: the page of the PDF.
    pixSetResolution(work.ink.get(), work.dpi, work.dpi);
    auto text = engine_->Recognize(work.ink.get(), options_.page_timeout_ms);
    if (!text) return tl::unexpected(text.error());
    page.text = std::move(text->text);
    page.words = std::move(text->words);
    page.mean_confidence = text->mean_confidence;
    if (options_.pdf_dir.empty()) return {};
    const auto pdf = options_.pdf_dir / (std::to_string(page.index) + ".pdf");
    // The archive copy is the clean 1-bit page: G4 keeps a letter page at tens of KB.
    if (auto written = engine_->WritePdf(pdf); !written) return written;
    page.pdf_path = pdf.string();
    return {};
  }

  OcrOptions options_;
  std::unique_ptr<TesseractEngine> engine_;
  OrientationEngine osd_;
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
