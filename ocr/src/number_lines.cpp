#include "number_lines.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <string>
#include <string_view>

namespace mailroom::ocr {
namespace {

int DigitsOf(const Word& word) {
  return static_cast<int>(
      std::count_if(word.text.begin(), word.text.end(), [](unsigned char c) { return std::isdigit(c); }));
}

// "21.06.1972", "(16.06.2025,": a date, also as Tesseract glues punctuation to it.
bool IsDate(const Word& word) {
  static const std::regex date(R"(^\W*\d{1,2}[.,]\d{1,2}[.,]\d{2,4}\W*$)");
  return std::regex_match(word.text, date);
}

bool IsNumberWord(const Word& word) {
  return DigitsOf(word) >= kMinNumberDigits;
}

int DatesIn(const std::vector<Word>& words, std::size_t first, std::size_t count) {
  return static_cast<int>(std::count_if(words.begin() + static_cast<std::ptrdiff_t>(first),
                                        words.begin() + static_cast<std::ptrdiff_t>(first + count), IsDate));
}

struct NumberWords {
  int count = 0;
  int digits = 0;
  float mean_confidence = 0;
};

NumberWords NumberWordsOf(const std::vector<Word>& words, std::size_t first, std::size_t count) {
  NumberWords out;
  double sum = 0;
  for (std::size_t i = first; i < first + count; ++i) {
    if (!IsNumberWord(words[i])) continue;
    ++out.count;
    out.digits += DigitsOf(words[i]);
    sum += words[i].confidence;
  }
  if (out.count > 0) out.mean_confidence = static_cast<float>(sum / out.count);
  return out;
}

int Median(std::vector<int> values) {
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
  return values[values.size() / 2];
}

// The doubtful stretches of one line: a number word, the number words that follow it with at
// most one other word between (a case number read as "21501", "BG", "0909005"), and its label.
void StretchesOfLine(const std::vector<Word>& words, const TextLine& line, std::vector<NumberStretch>& out) {
  const std::size_t end = line.first_word + line.word_count;
  for (std::size_t i = line.first_word; i < end; ++i) {
    if (!IsNumberWord(words[i])) continue;
    std::size_t last = i;
    float lowest = words[i].confidence;
    for (std::size_t j = i + 1; j < end && j <= last + 2; ++j) {
      if (!IsNumberWord(words[j])) continue;
      last = j;
      lowest = std::min(lowest, words[j].confidence);
    }
    if (lowest < kDoubtfulNumberConfidence) {
      const std::size_t first = std::max(line.first_word, i >= kLabelWords ? i - kLabelWords : 0);
      out.push_back(NumberStretch{first, last + 1 - first, lowest});
    }
    i = last;
  }
}

// Puts `replacement` in place of words [first, first + count).
void Splice(std::vector<Word>& words, std::size_t first, std::size_t count, const std::vector<Word>& replacement) {
  const auto begin = words.begin() + static_cast<std::ptrdiff_t>(first);
  words.insert(words.erase(begin, begin + static_cast<std::ptrdiff_t>(count)), replacement.begin(), replacement.end());
}

std::string JoinedWords(const std::vector<Word>& words) {
  std::string joined;
  for (const Word& word : words) joined += (joined.empty() ? "" : " ") + word.text;
  return joined;
}

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Puts `new_line` in place of the `index`-th line of `text` that is not blank, if that line reads
// `old_line` (Tesseract writes a line's words joined by blanks).
bool ReplaceTextLine(std::string& text, std::size_t index, const std::string& old_line, const std::string& new_line) {
  std::size_t begin = 0, seen = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + begin, end - begin);
    if (!IsBlankLine(line) && seen++ == index) {
      if (line != old_line) return false;
      text.replace(begin, end - begin, new_line);
      return true;
    }
    begin = end + 1;
  }
  return false;
}

}  // namespace

std::vector<NumberStretch> DoubtfulNumbers(const RecognizedText& text) {
  std::vector<NumberStretch> doubtful;
  for (const TextLine& line : text.lines) StretchesOfLine(text.words, line, doubtful);
  std::stable_sort(doubtful.begin(), doubtful.end(),
                   [](const auto& a, const auto& b) { return a.lowest_confidence < b.lowest_confidence; });
  if (doubtful.size() > kMaxRereads) doubtful.resize(kMaxRereads);
  return doubtful;
}

PixelBox RereadBox(const RecognizedText& text, const NumberStretch& stretch) {
  std::vector<int> tops, bottoms;
  PixelBox box{text.words.at(stretch.first).left, 0, 0, 0};
  for (std::size_t i = stretch.first; i < stretch.first + stretch.count; ++i) {
    const Word& word = text.words.at(i);
    tops.push_back(word.top);
    bottoms.push_back(word.top + word.height);
    box.left = std::min(box.left, word.left);
    box.right = std::max(box.right, word.left + word.width);
  }
  box.top = Median(tops);
  box.bottom = Median(bottoms);
  // A third of the line's height around it: a single-line read wants the whole of each letter,
  // and the median box cuts the ascenders and descenders of some words.
  const int pad = std::max(4, (box.bottom - box.top) / 3);
  box.left = std::max(0, box.left - pad);
  box.top = std::max(0, box.top - pad);
  box.right += pad;
  box.bottom += pad;
  return box;
}

bool ReplaceIfSurer(RecognizedText& text, const NumberStretch& stretch, const RecognizedText& reread) {
  const NumberWords before = NumberWordsOf(text.words, stretch.first, stretch.count);
  const NumberWords after = NumberWordsOf(reread.words, 0, reread.words.size());
  if (after.count == 0 || after.digits < before.digits || after.mean_confidence <= before.mean_confidence) return false;
  if (DatesIn(reread.words, 0, reread.words.size()) < DatesIn(text.words, stretch.first, stretch.count)) return false;
  const auto line = std::find_if(text.lines.begin(), text.lines.end(), [&](const TextLine& l) {
    return stretch.first >= l.first_word && stretch.first + stretch.count <= l.first_word + l.word_count;
  });
  if (line == text.lines.end()) return false;
  std::vector<Word> words(text.words.begin() + static_cast<std::ptrdiff_t>(line->first_word),
                          text.words.begin() + static_cast<std::ptrdiff_t>(line->first_word + line->word_count));
  const std::string old_line = JoinedWords(words);
  Splice(words, stretch.first - line->first_word, stretch.count, reread.words);
  if (!ReplaceTextLine(text.text, static_cast<std::size_t>(line - text.lines.begin()), old_line, JoinedWords(words))) {
    return false;  // the text is not laid out as its words: leave both as they are
  }
  Splice(text.words, stretch.first, stretch.count, reread.words);
  line->word_count = line->word_count - stretch.count + reread.words.size();
  for (auto later = line + 1; later != text.lines.end(); ++later) {
    later->first_word = later->first_word - stretch.count + reread.words.size();
  }
  text.mean_confidence = MeanWordConfidence(text.words);
  return true;
}

}  // namespace mailroom::ocr
