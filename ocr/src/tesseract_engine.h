// The one file pair that talks to Tesseract 5.3.
#pragma once

#include <tesseract/baseapi.h>

#include <filesystem>
#include <string>
#include <vector>

#include "mailroom/common/page_reading.h"
#include "mailroom/common/pix.h"
#include "mailroom/common/result.h"

namespace mailroom::ocr {

struct RecognizedText {
  std::string text;
  std::vector<Word> words;
  float mean_confidence = 0;
};

/// One TessBaseAPI, initialised once. Not thread-safe: one per worker thread.
class TesseractEngine {
 public:
  [[nodiscard]] static Result<std::unique_ptr<TesseractEngine>> Create(const std::filesystem::path& tessdata_dir,
                                                                       const std::string& language);
  ~TesseractEngine();

  /// Recognises the page (which must carry its resolution). Gives up after timeout_ms.
  [[nodiscard]] Result<RecognizedText> Recognize(Pix* page, int timeout_ms);

  /// Writes the page just recognised as a one-page searchable PDF (image plus invisible text
  /// layer) to `pdf_path`. Must follow a successful Recognize(): it reuses that result.
  [[nodiscard]] Result<void> WritePdf(const std::filesystem::path& pdf_path);

 private:
  TesseractEngine() = default;
  tesseract::TessBaseAPI api_;
  std::string tessdata_dir_;
};

}  // namespace mailroom::ocr
