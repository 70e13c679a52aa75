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

struct RecognizedText {
  std::string text;
  std::vector<Word> words;
  float mean_confidence = 0;
  float ink_mm2 = 0;           ///< see PageReading
  float unread_ink_share = 0;  ///< see PageReading
};

/// One TessBaseAPI, initialised once. Not thread-safe: one per worker thread.
class TesseractEngine {
 public:
  [[nodiscard]] static Result<std::unique_ptr<TesseractEngine>> Create(const std::filesystem::path& tessdata_dir,
                                                                       const std::string& language);
  ~TesseractEngine();

  /// Recognises the page (which must carry its resolution). Gives up after timeout_ms.
  [[nodiscard]] Result<RecognizedText> Recognize(Pix* page, int timeout_ms);

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
