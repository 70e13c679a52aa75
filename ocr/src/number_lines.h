// Second reading of the numbers on a page: page layout analysis sometimes cuts a line badly (a
// frame or a rule beside it, dot-matrix print that falls apart into dots) and garbles the case
// number in it, which the same stretch of the line read on its own gets right. Only numbers are
// worth the extra time: they are what routes a page.
#pragma once

#include <cstddef>
#include <vector>

#include "tesseract_engine.h"

namespace mailroom::ocr {

/// A number word read below this confidence is doubtful: its stretch of the line is read again.
inline constexpr float kDoubtfulNumberConfidence = 80.0f;
/// At most this many stretches of a page are read again (each costs a fraction of the page's time).
inline constexpr std::size_t kMaxRereads = 6;
/// A word of at least this many digits is a number: a BG number's office (5) or serial (7), a
/// customer number (9), also in the pieces OCR may leave of them; a postcode; a date (a birth
/// date is evidence too, and a second reading that garbles a date is refused).
inline constexpr int kMinNumberDigits = 5;
/// The words before a number that are read again with it: its label ("BG-Nummer:", "Kunden-Nr.").
inline constexpr std::size_t kLabelWords = 2;

/// Words [first, first + count) of RecognizedText::words: a doubtful number and the words up to
/// kLabelWords before it on its line.
struct NumberStretch {
  std::size_t first = 0, count = 0;
  float lowest_confidence = 0;  ///< of its number words
};

/// The stretches of number words (with the number words right after them) read
/// below kDoubtfulNumberConfidence, the least sure first, at most kMaxRereads. Each lies within
/// one line.
[[nodiscard]] std::vector<NumberStretch> DoubtfulNumbers(const RecognizedText& text);

/// Where a stretch is read again: from its first word's left to its last word's right, between the
/// median top and the median bottom of its words, with room around it. Not Tesseract's line box: a
/// frame or a rule that it took for part of the line would be read along, and a single-line read
/// of that gives nothing.
[[nodiscard]] PixelBox RereadBox(const RecognizedText& text, const NumberStretch& stretch);

/// Puts the words of `reread` in place of `stretch` when they read its numbers more surely (a
/// higher mean confidence of the number words, and no fewer digits in them: two garbled pieces of
/// one number may come back as one; and no date fewer), in the words and in the text's line, and
/// updates the mean confidence. True if it replaced them; false also when the text's line does
/// not read as its words. Stretches after this one in the same page must be replaced first (they
/// shift).
bool ReplaceIfSurer(RecognizedText& text, const NumberStretch& stretch, const RecognizedText& reread);

}  // namespace mailroom::ocr
