#include "tesseract_engine.h"

#include <tesseract/ocrclass.h>
#include <tesseract/renderer.h>
#include <tesseract/resultiterator.h>

#include <memory>

namespace mailroom::ocr {
namespace {

// Tesseract's OSD confidence: about 15 is "reasonably confident"; sparse pages score around 10.
constexpr float kMinOsdConfidence = 15.0f;

// A "word" of nothing but blanks stands for a block without text (a rule, a picture): it is no
// word, and GetUTF8Text leaves it out.
bool IsBlank(const char* text) {
  for (; *text != '\0'; ++text) {
    if (*text != ' ' && *text != '\t' && *text != '\n') return false;
  }
  return true;
}

// The words of the last recognition and the lines they stand in, in reading order.
void CollectWordsAndLines(tesseract::TessBaseAPI& api, RecognizedText& out) {
  // The iterator is invalid after the next SetImage/Recognize/Clear: use it here and drop it.
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it || it->Empty(tesseract::RIL_WORD)) return;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
    const bool starts_line = it->IsAtBeginningOf(tesseract::RIL_TEXTLINE);
    if (!text || IsBlank(text.get())) continue;
    if (starts_line || out.lines.empty()) out.lines.push_back(TextLine{out.words.size(), 0});
    Word word;
    word.text = text.get();
    word.confidence = it->Confidence(tesseract::RIL_WORD);
    int right = 0, bottom = 0;
    it->BoundingBox(tesseract::RIL_WORD, &word.left, &word.top, &right, &bottom);
    word.width = right - word.left;
    word.height = bottom - word.top;
    out.words.push_back(std::move(word));
    ++out.lines.back().word_count;
  } while (it->Next(tesseract::RIL_WORD));
}

// Text, words, lines and the mean word confidence of the last recognition.
RecognizedText Collect(tesseract::TessBaseAPI& api) {
  RecognizedText result;
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  if (text) result.text = text.get();
  CollectWordsAndLines(api, result);
  result.mean_confidence = MeanWordConfidence(result.words);
  return result;
}

}  // namespace

float MeanWordConfidence(const std::vector<Word>& words) {
  if (words.empty()) return 0;
  double sum = 0;
  for (const Word& word : words) sum += word.confidence;
  return static_cast<float>(sum / words.size());
}

Result<std::unique_ptr<TesseractEngine>> TesseractEngine::Create(const std::filesystem::path& tessdata_dir,
                                                                 const std::string& language) {
  std::unique_ptr<TesseractEngine> engine(new TesseractEngine());
  engine->tessdata_dir_ = tessdata_dir.string();
  if (engine->api_.Init(engine->tessdata_dir_.c_str(), language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Fail("cannot load Tesseract model '" + language + "' from " + engine->tessdata_dir_ + " (is tesseract-ocr-" +
                language + " installed?)");
  }
  // The API's default is PSM_SINGLE_BLOCK, not the command line's PSM_AUTO: letters have
  // several blocks (sender, recipient, body), so ask for page layout analysis.
  engine->api_.SetPageSegMode(tesseract::PSM_AUTO);
  // Retrying every line as inverted (white on black) text costs time and finds nothing on mail.
  engine->api_.SetVariable("tessedit_do_invert", "0");
  return engine;
}

TesseractEngine::~TesseractEngine() {
  api_.End();
}

Result<RecognizedText> TesseractEngine::Recognize(Pix* page, int timeout_ms) {
  api_.Clear();
  api_.SetImage(page);
  api_.SetSourceResolution(pixGetXRes(page));  // only valid after SetImage
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(timeout_ms);
  if (api_.Recognize(&monitor) != 0) {
    return Fail("text recognition failed or took longer than " + std::to_string(timeout_ms / 1000) + " s");
  }
  return Collect(api_);
}

Result<RecognizedText> TesseractEngine::ReadLineAt(const PixelBox& box, int timeout_ms) {
  api_.SetRectangle(box.left, box.top, box.right - box.left, box.bottom - box.top);
  api_.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(timeout_ms);
  const bool failed = api_.Recognize(&monitor) != 0;
  RecognizedText result;
  if (!failed) result = Collect(api_);
  api_.SetPageSegMode(tesseract::PSM_AUTO);
  if (failed)
    return Fail("text recognition of a line failed or took longer than " + std::to_string(timeout_ms / 1000) + " s");
  return result;
}

Result<void> TesseractEngine::WritePdf(const std::filesystem::path& pdf_path) {
  // TessPDFRenderer appends ".pdf" to the base name it is given.
  std::filesystem::path base = pdf_path;
  base.replace_extension();
  tesseract::TessPDFRenderer renderer(base.c_str(), tessdata_dir_.c_str(), false);
  if (!renderer.BeginDocument("mailroom") || !renderer.AddImage(&api_) || !renderer.EndDocument() ||
      !renderer.happy()) {
    return Fail(pdf_path.string() + ": cannot write searchable PDF");
  }
  return {};
}

OrientationEngine::~OrientationEngine() {
  if (api_) api_->End();
}

std::optional<OrientationEngine::Upright> OrientationEngine::UprightRotation(Pix* page) {
  if (failed_) return std::nullopt;
  if (!api_) {
    api_ = std::make_unique<tesseract::TessBaseAPI>();
    if (api_->Init(tessdata_dir_.c_str(), "osd", tesseract::OEM_DEFAULT) != 0) {
      failed_ = true;
      return std::nullopt;
    }
    // OSD prints "Empty page!!" / "Too few characters" to stderr for pages it cannot judge; the
    // caller handles that answer, and the operator's terminal is no place for it.
    api_->SetVariable("debug_file", "/dev/null");
  }
  api_->SetImage(page);
  api_->SetSourceResolution(pixGetXRes(page));
  int degrees = 0;
  float orientation_confidence = 0;
  const char* script = nullptr;
  float script_confidence = 0;
  // Returns false on pages without enough text.
  const bool found = api_->DetectOrientationScript(&degrees, &orientation_confidence, &script, &script_confidence);
  api_->Clear();
  if (!found) return std::nullopt;
  // `degrees` is the clockwise rotation Tesseract sees; undoing it takes the rest of the turn.
  return Upright{(360 - degrees) % 360, orientation_confidence >= kMinOsdConfidence};
}

}  // namespace mailroom::ocr
