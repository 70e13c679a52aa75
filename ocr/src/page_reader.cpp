// The page pipeline: barcodes -> separator? -> ink -> blank? -> upright -> level -> text + PDF.
// Separator sheets and blank pages are never OCR'd, and each image is decoded once (by ingest).
#include <algorithm>
#include <filesystem>

#include "blank_detector.h"
#include "mailroom/ocr/ocr.h"
#include "number_lines.h"
#include "page_cleanup.h"
#include "tesseract_engine.h"

namespace mailroom::ocr {
namespace {

// A page with less ink than this (in square millimetres) is too sparse for Tesseract's OSD to
// be asked about its orientation: it would only guess.
constexpr double kMinInkForOsdMm2 = 150.0;
// Mean word confidence of a good reading. Upside-down text read as it stands scores far lower.
constexpr float kGoodReadingConfidence = 70.0f;
constexpr float kSidewaysPenalty = 30.0f;
// A word read at least this confidently (Tesseract's 0..100) counts its ink as read.
constexpr float kReadWordConfidence = 60.0f;

// The word printed on mailroom's separator sheets. A page that says it but whose barcode was not
// read (a fold, a stain, a smudged symbol) must not pass as content: it would join two envelopes
// and carry the second one's pages into the first one's case.
bool LooksLikeSeparatorSheet(const std::string& text) {
  return text.find("TRENNBLATT") != std::string::npos;
}

// The page as the later steps see it: its ink. Tesseract reads the clean 1-bit page and the PDF
// stores the same image (G4), so the text layer lies exactly on it. Reading the evened grey page
// instead was measured slower (the grey page must be rotated too) and no more accurate on the
// generated boxes (bench/ocr-throughput).
struct WorkPage {
  PixPtr ink;  // 1-bit
  int dpi = 300;
  /// The ink the blank check looks at, where it differs from `ink`: a bilevel page scanned at low
  /// resolution is smoothed for reading, and smoothing would grow the specks of a blank back into
  /// marks (2 of 37 blank pages at 150 dpi passed as content).
  PixPtr unsmoothed_ink;
  [[nodiscard]] Pix* BlankCheckInk() const { return unsmoothed_ink ? unsmoothed_ink.get() : ink.get(); }
};

// `grey` is the page as 8-bit grey (GreyOf), made once per page for barcodes and ink alike. A page
// scanned at under kMinOcrDpi is read interpolated to kOcrDpi (also a bilevel one: its grey has
// smooth edges once interpolated), and its PDF then holds the page at that resolution.
Result<WorkPage> Prepare(Pix* image, Pix* grey) {
  WorkPage page;
  page.dpi = pixGetXRes(image) > 0 ? pixGetXRes(image) : 300;
  if (pixGetDepth(image) == 1 && page.dpi >= kMinOcrDpi) {
    page.ink.reset(pixClone(image));
    return page;
  }
  if (grey == nullptr) return Fail("cannot convert image to grey");
  if (pixGetDepth(image) == 1) {
    // Its grey is black and white; interpolated and smoothed, its edges are grey again.
    PixPtr scaled = ScaledToOcrDpi(grey, page.dpi);
    if (scaled) {
      page.ink = InkOfInterpolatedBilevel(scaled.get());
      page.unsmoothed_ink = PlainInkOfInterpolatedBilevel(scaled.get());
    }
    if (!page.ink || !page.unsmoothed_ink) return Fail("cannot scale the page to " + std::to_string(kOcrDpi) + " dpi");
    page.dpi = kOcrDpi;
    return page;
  }
  PixPtr scaled;
  if (page.dpi < kMinOcrDpi) {
    scaled = ScaledToOcrDpi(grey, page.dpi);
    if (!scaled) return Fail("cannot scale the page to " + std::to_string(kOcrDpi) + " dpi");
    grey = scaled.get();
    page.dpi = kOcrDpi;
  }
  PixPtr evened = EvenedGrey(grey);
  page.ink = InkOf(evened.get());
  if (!page.ink) return Fail("cannot separate ink from paper");
  return page;
}

// True if most words stand upright (taller than wide): Tesseract can read a sideways page, but
// then the page itself still lies on its side.
bool MostlyUpright(const std::vector<Word>& words) {
  int counted = 0, upright = 0;
  for (const Word& word : words) {
    if (word.text.size() < 3) continue;
    ++counted;
    if (word.height > word.width) ++upright;
  }
  return counted > 0 && upright * 2 > counted;
}

// How much ink the page has and how much of it no confidently read word covers (boxes of words
// may overlap a little; the share is clamped). Only ink in pieces the size of print counts: a lid
// shadow along the edge or a cup's ring is no text that could have been missed.
void MeasureUnreadInk(Pix* page_ink, int dpi, RecognizedText& text) {
  const double px_per_mm = dpi / 25.4;
  PixPtr print = PrintSizedPieces(page_ink, px_per_mm);
  if (!print) return;
  Pix* ink = print.get();
  l_int32 total = 0;
  if (pixCountPixels(ink, &total, nullptr) != 0 || total == 0) return;
  double read = 0;
  for (const Word& word : text.words) {
    if (word.confidence < kReadWordConfidence || word.width <= 0 || word.height <= 0) continue;
    BOX* box = boxCreate(word.left, word.top, word.width, word.height);
    PIX* part = pixClipRectangle(ink, box, nullptr);
    l_int32 count = 0;
    if (part != nullptr && pixCountPixels(part, &count, nullptr) == 0) read += count;
    pixDestroy(&part);
    boxDestroy(&box);
  }
  text.ink_mm2 = static_cast<float>(total / (px_per_mm * px_per_mm));
  text.unread_ink_share = static_cast<float>(std::clamp(1.0 - read / total, 0.0, 1.0));
}

// How good a reading is, for choosing between two ways up: its mean word confidence, less a
// penalty when the words stand upright (the page was read lying on its side).
float ReadingScore(const RecognizedText& text) {
  return text.mean_confidence - (MostlyUpright(text.words) ? kSidewaysPenalty : 0.0f);
}

class TesseractPageReader final : public PageReader {
 public:
  TesseractPageReader(OcrOptions options, std::unique_ptr<TesseractEngine> engine)
      : options_(std::move(options)), engine_(std::move(engine)), osd_(options_.tessdata_dir) {}

  PageReading Read(const std::string& name, int index, const Pix& image) override {
    PageReading page;
    page.name = name;
    page.index = index;
    PixPtr grey = GreyOf(const_cast<Pix*>(&image));
    page.barcodes = ReadBarcodes(grey ? *grey : image);
    if (IsSeparator(page.barcodes)) {
      page.kind = PageKind::kSeparator;
      return page;
    }
    auto work = Prepare(const_cast<Pix*>(&image), grey.get());
    if (work && page.barcodes.empty() && IsBlankInk(work->BlankCheckInk(), work->dpi)) {
      page.kind = PageKind::kBlank;
      return page;
    }
    auto read = work ? ReadText(*work, page) : Result<void>(tl::unexpected(work.error()));
    if (!read) {
      page.kind = PageKind::kUnreadable;
      page.error = name + ": " + read.error().message;
    } else if (LooksLikeSeparatorSheet(page.text)) {
      // Unreadable ends the envelope before it and keeps the next one apart (see GroupEnvelopes).
      page.kind = PageKind::kUnreadable;
      page.error = name + ": looks like a separator sheet, but its barcode could not be read";
    }
    return page;
  }

 private:
  // Which way up the page stands. `sure` false: both cheap checks were unsure (a page of capitals
  // has no ascenders and descenders to tell by); `rotation` is then only Tesseract's best guess.
  OrientationEngine::Upright Orientation(const WorkPage& work) {
    const OrientationGuess guess = GuessOrientation(work.ink.get());
    if (guess.sure) return {guess.rotation, true};
    l_int32 ink_pixels = 0;
    pixCountPixels(work.ink.get(), &ink_pixels, nullptr);
    const double px_per_mm = work.dpi / 25.4;
    if (ink_pixels < kMinInkForOsdMm2 * px_per_mm * px_per_mm) return {0, false};
    return osd_.UprightRotation(work.ink.get()).value_or(OrientationEngine::Upright{0, false});
  }

  // The page turned, levelled and despeckled, then recognised. Word boxes are in the coordinates
  // of this upright, level page: the page of the PDF.
  Result<RecognizedText> RecognizeTurned(const WorkPage& work, int rotation) {
    PixPtr ink = TurnClockwise(work.ink.get(), rotation);
    ink = Deskew(ink.get(), FindSkewDegrees(ink.get(), work.dpi));
    ink = Despeckle(ink.get(), work.dpi);
    pixSetResolution(ink.get(), work.dpi, work.dpi);
    auto text = engine_->Recognize(ink.get(), options_.page_timeout_ms);
    if (text) MeasureUnreadInk(ink.get(), work.dpi, *text);
    last_ink_ = std::move(ink);
    return text;
  }

  // When orientation was unsure and the upright reading is poor, the page is also read the way
  // Tesseract's guess (or, without one, upside down) would have it, and the better reading wins.
  // Costs a second recognition, but only on such pages.
  Result<RecognizedText> RecognizeUpright(const WorkPage& work, PageReading& page) {
    const OrientationEngine::Upright orientation = Orientation(work);
    page.rotation_degrees = orientation.rotation;
    auto first = RecognizeTurned(work, orientation.sure ? orientation.rotation : 0);
    const bool doubtful = first && (first->mean_confidence < kGoodReadingConfidence || MostlyUpright(first->words));
    if (orientation.sure || !doubtful) {
      if (!orientation.sure) page.rotation_degrees = 0;
      return first;
    }
    const int alternative = orientation.rotation != 0 ? orientation.rotation : 180;
    auto second = RecognizeTurned(work, alternative);
    if (second && ReadingScore(*second) > ReadingScore(*first)) {
      page.rotation_degrees = alternative;
      return second;
    }
    page.rotation_degrees = 0;
    // The PDF is rendered from the last recognition: read the first way once more.
    return RecognizeTurned(work, 0);
  }

  Result<void> ReadText(WorkPage& work, PageReading& page) {
    auto text = RecognizeUpright(work, page);
    if (!text) return tl::unexpected(text.error());
    if (!options_.pdf_dir.empty()) {
      const auto pdf = options_.pdf_dir / (std::to_string(page.index) + ".pdf");
      // The archive copy is the clean 1-bit page: G4 keeps a letter page at tens of KB. Its text
      // layer is the page's first reading: the second readings below discard it in Tesseract.
      if (auto written = engine_->WritePdf(pdf); !written) return written;
      page.pdf_path = pdf.string();
    }
    RereadDoubtfulNumbers(work.dpi, *text);
    page.text = std::move(text->text);
    page.words = std::move(text->words);
    page.mean_confidence = text->mean_confidence;
    page.ink_mm2 = text->ink_mm2;
    page.unread_ink_share = text->unread_ink_share;
    return {};
  }

  // The numbers read doubtfully, each stretch read again on its own; the surer reading stays. A
  // stretch that fails to read again keeps its first reading.
  void RereadDoubtfulNumbers(int dpi, RecognizedText& text) {
    std::vector<NumberStretch> stretches = DoubtfulNumbers(text);
    // From the end of the page back: a replaced stretch shifts the words after it.
    std::sort(stretches.begin(), stretches.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    bool replaced = false;
    for (const NumberStretch& stretch : stretches) {
      auto again = engine_->ReadLineAt(RereadBox(text, stretch), options_.page_timeout_ms);
      if (again && ReplaceIfSurer(text, stretch, *again)) replaced = true;
    }
    if (replaced && last_ink_) MeasureUnreadInk(last_ink_.get(), dpi, text);
  }

  OcrOptions options_;
  std::unique_ptr<TesseractEngine> engine_;
  OrientationEngine osd_;
  PixPtr last_ink_;  // the page as last recognised: the second readings look at it
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
