// The one file pair that talks to Tesseract 5.3.
#pragma once

#include <tesseract/baseapi.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/flow/page_reading.h"
#include "mailroom/image/pix.h"

namespace mailroom::ocr {

/// A rectangle of the page, in pixels.
struct PixelBox {
  int left = 0, top = 0, right = 0, bottom = 0;
};

/// One line of text as Tesseract found it: its words, a range of RecognizedText::words.
struct TextLine {
  std::size_t first_word = 0, word_count = 0;
};

struct RecognizedText {
  std::string text;  ///< Tesseract's page text: a line a text line, a blank line between paragraphs
  std::vector<Word> words;
  std::vector<TextLine> lines;  ///< the text's lines that hold words, in order
  float mean_confidence = 0;
  float ink_mm2 = 0;           ///< see PageReading
  float unread_ink_share = 0;  ///< see PageReading
};

/// The mean of the words' confidences, 0 without words.
[[nodiscard]] float MeanWordConfidence(const std::vector<Word>& words);

/// One TessBaseAPI, initialised once. Not thread-safe: one per worker thread.
class TesseractEngine {
 public:
  [[nodiscard]] static Result<std::unique_ptr<TesseractEngine>> Create(const std::filesystem::path& tessdata_dir,
                                                                       const std::string& language);
  ~TesseractEngine();

  /// Recognises the page (which must carry its resolution). Gives up after timeout_ms.
  [[nodiscard]] Result<RecognizedText> Recognize(Pix* page, int timeout_ms);

  /// Reads `box` of the page last given to Recognize() once more, as a single line of text: where
  /// page layout analysis cut a line badly (a frame or a rule beside it, print that falls apart
  /// into dots), the line alone often reads right. Words come back in the page's coordinates.
  /// Discards the page's own results: write its PDF first.
  [[nodiscard]] Result<RecognizedText> ReadLineAt(const PixelBox& box, int timeout_ms);

  /// Writes the page just recognised as a one-page searchable PDF to `pdf_path`: the recognised
  /// image (a 1-bit page is stored as G4) plus the invisible text layer of the last Recognize(),
  /// whose result it reuses.
  [[nodiscard]] Result<void> WritePdf(const std::filesystem::path& pdf_path);

 private:
  TesseractEngine() = default;
  tesseract::TessBaseAPI api_;
  std::string tessdata_dir_;
};

/// Tesseract's orientation and script detection (osd.traineddata), for pages where the cheap
/// Leptonica check is unsure. Loaded only when first needed. Not thread-safe: one per worker.
class OrientationEngine {
 public:
  explicit OrientationEngine(std::filesystem::path tessdata_dir) : tessdata_dir_(std::move(tessdata_dir)) {}
  ~OrientationEngine();

  /// Tesseract's view of which way up a page stands.
  struct Upright {
    int rotation = 0;   ///< clockwise degrees (0/90/180/270) that put the page upright
    bool sure = false;  ///< Tesseract's confidence reached the level where it is usually right
  };
  /// nullopt when Tesseract cannot tell at all (too little text, or the model is missing).
  [[nodiscard]] std::optional<Upright> UprightRotation(Pix* page);

 private:
  std::filesystem::path tessdata_dir_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;  // created on first use
  bool failed_ = false;                          // the model could not be loaded: do not retry
};

}  // namespace mailroom::ocr
