// FindCaseNumbers: numbers from barcodes (exact) and from OCR text (tolerant), each with the
// confidence of the words it was read from.
#include <algorithm>
#include <cctype>

#include "mailroom/classifier/classifier.h"
#include "number_scanner.h"

namespace mailroom::classifier {
namespace {

// Each OCR confusion repaired to read a number costs a little confidence: the repair is a guess.
constexpr float kRepairFactor = 0.95F;

constexpr std::string_view kSeparatorPayload = "MAILROOM-SEP";

// Where a recognised word lies in the page text.
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  float confidence = 0;  // 0..100
};

// Tesseract builds the page text from its words in order, so each word is searched for after the
// previous one. Words that cannot be found (text edited or built otherwise) are left out.
std::vector<WordSpan> LocateWords(const PageReading& page) {
  std::vector<WordSpan> spans;
  std::size_t cursor = 0;
  for (const auto& word : page.words) {
    if (word.text.empty()) continue;
    const std::size_t at = page.text.find(word.text, cursor);
    if (at == std::string::npos) continue;
    spans.push_back({at, at + word.text.size(), word.confidence});
    cursor = at + word.text.size();
  }
  return spans;
}

// The weakest word the match was read from, if every character of the match lies in a located
// word; otherwise the page's mean confidence.
float MatchConfidence(const PageReading& page, const std::vector<WordSpan>& spans, const NumberMatch& m) {
  float weakest = 100;
  for (std::size_t i = m.begin; i < m.end; ++i) {
    if (std::isspace(static_cast<unsigned char>(page.text[i]))) continue;
    const auto covering =
        std::find_if(spans.begin(), spans.end(), [i](const WordSpan& s) { return s.begin <= i && i < s.end; });
    if (covering == spans.end()) {
      weakest = page.mean_confidence;
      break;
    }
    weakest = std::min(weakest, covering->confidence);
  }
  float confidence = std::clamp(weakest / 100.0F, 0.0F, 1.0F);
  for (int i = 0; i < m.substitutions; ++i) confidence *= kRepairFactor;
  return confidence;
}

}  // namespace

std::vector<CaseEvidence> FindCaseNumbers(const PageReading& page) {
  std::vector<CaseEvidence> evidence;
  for (const auto& code : page.barcodes) {
    if (code.text == kSeparatorPayload) continue;
    for (auto& m : ScanNumbers(code.text, ScanMode::kBarcode)) {
      evidence.push_back({CaseEvidence::Source::kBarcode, m.kind, std::move(m.number), page.name, 1.0F, m.guessed});
    }
  }
  const auto matches = ScanNumbers(page.text, ScanMode::kOcrText);
  if (matches.empty()) return evidence;
  const auto spans = LocateWords(page);
  for (const auto& m : matches) {
    evidence.push_back(
        {CaseEvidence::Source::kText, m.kind, m.number, page.name, MatchConfidence(page, spans, m), m.guessed});
  }
  return evidence;
}

}  // namespace mailroom::classifier
