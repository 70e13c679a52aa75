#include "number_scanner.h"

#include "payload_scanner.h"

#include <optional>

namespace mailroom::classifier {
namespace {

// At most this many repaired characters per digit group: a group made mostly of letters is a word.
constexpr int kMaxRepairsBgOffice = 2;   // of 5
constexpr int kMaxRepairsBgSerial = 3;   // of 7
constexpr int kMaxRepairsCustomer3 = 1;  // of 3
constexpr int kMaxRepairsCustomer6 = 2;  // of 6

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// UTF-8 continuation and lead bytes count as letters: "für35301BG..." is not a word boundary.
bool IsWordChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80 || c == '|';
}

class Scanner {
 public:
  Scanner(std::string_view text, ScanMode mode) : text_(text), tolerant_(mode == ScanMode::kOcrText) {}

  [[nodiscard]] bool StartsWord(std::size_t pos) const {
    if (pos == 0) return true;
    return tolerant_ ? !IsWordChar(text_[pos - 1]) : !IsDigit(text_[pos - 1]);
  }
  [[nodiscard]] bool EndsWord(std::size_t pos) const { return pos >= text_.size() || !IsWordChar(text_[pos]); }

  [[nodiscard]] std::optional<NumberMatch> BgAt(std::size_t pos) const {
    NumberMatch m{CaseEvidence::Kind::kBgNumber, {}, pos, pos, 0};
    std::size_t p = pos;
    if (!Digits(p, 5, kMaxRepairsBgOffice, m)) return std::nullopt;
    p = SkipSeparator(p);
    const std::size_t marker = p;
    if (BgMarker(p, m)) {
      if (auto exact = BgSerial(SkipSeparator(p), m)) return exact;
      if (auto short_form = ShortBgSerial(SkipSeparator(p), m)) return short_form;
    }
    if (!tolerant_) return std::nullopt;
    // Tesseract sometimes reads the G of "BG" twice, as "B6G" or "BG" and a stray digit
    // ("13601BG63017095", "13201BG35666181"). Dropping it is a guess only the registry can confirm.
    const std::string_view next3 = text_.substr(marker, 3);
    const bool stray_digit = next3.size() == 3 && next3.substr(0, 2) == "BG" && IsDigit(next3[2]);
    if (next3 == "B6G" || stray_digit) {
      NumberMatch guess = m;
      guess.number.resize(5);
      guess.number += "BG";
      guess.guessed = true;
      ++guess.substitutions;
      // Already a guess: the seven digits after it must be read as they stand.
      if (auto found = BgSerial(SkipSeparator(marker + 3), guess, 0)) return found;
    }
    return std::nullopt;
  }

  // The seven digits that end a BG number, at p.
  [[nodiscard]] std::optional<NumberMatch> BgSerial(std::size_t p, NumberMatch m,
                                                    int max_repairs = kMaxRepairsBgSerial) const {
    if (!Digits(p, 7, max_repairs, m) || !EndsWord(p)) return std::nullopt;
    m.end = p;
    return m;
  }

  // People drop the leading zeros of the serial ("35301BG12345" for "35301BG0012345"). The short
  // form must start with a non-zero digit (whoever drops zeros drops them all); it could also be a
  // digit lost by OCR, so it is a guess that only the registry can confirm.
  [[nodiscard]] std::optional<NumberMatch> ShortBgSerial(std::size_t p, NumberMatch m) const {
    if (!tolerant_) return std::nullopt;
    std::size_t end = p;
    while (end < text_.size() && IsDigit(text_[end])) ++end;
    const std::size_t length = end - p;
    if (length == 0 || length >= 7 || text_[p] == '0' || !EndsWord(end)) return std::nullopt;
    m.number += std::string(7 - length, '0');
    m.number += text_.substr(p, length);
    m.guessed = true;
    ++m.substitutions;
    m.end = end;
    return m;
  }

  [[nodiscard]] std::optional<NumberMatch> CustomerAt(std::size_t pos) const {
    NumberMatch m{CaseEvidence::Kind::kCustomerNumber, {}, pos, pos, 0};
    std::size_t p = pos;
    if (!Digits(p, 3, kMaxRepairsCustomer3, m)) return std::nullopt;
    const std::size_t after_group = p;
    p = SkipSeparator(p);
    if (p >= text_.size()) return std::nullopt;
    if (text_[p] >= 'A' && text_[p] <= 'Z') {
      m.number.push_back(text_[p]);
      return Serial(SkipSeparator(p + 1), m, true);
    }
    // OCR read the letter as a look-alike digit (Z->2, S->5, B->8, O/D->0, I/L/T->1, G->6), or
    // lost it. Which letter it was is unknown: the registry decides (see kUnknownLetter). Only in
    // the tight forms "1230456789", "1230 456789" and "123456789", and as a lone look-alike
    // between two of the same separator ("821-1-489128" for "821-L-489128"): digit groups of IBANs
    // and phone numbers would fit looser ones.
    if (!tolerant_ || !IsDigit(text_[p])) return std::nullopt;
    if (p != after_group) return LetterReadAsDigitBetweenSeparators(after_group, p, m);
    m.number.push_back(kUnknownLetter);
    ++m.substitutions;
    m.guessed = true;
    if (auto read_as_digit = Serial(SkipSeparator(p + 1), m, false)) return read_as_digit;
    return Serial(p, m, false);  // "161V091670" read as "161091670"
  }

  // "821-1-489128": the letter at `letter`, a look-alike digit, stands alone between the same
  // separator as after the first group (`after_group`), and six digits follow.
  [[nodiscard]] std::optional<NumberMatch> LetterReadAsDigitBetweenSeparators(std::size_t after_group,
                                                                              std::size_t letter, NumberMatch m) const {
    static constexpr std::string_view kLetterLookAlikes = "012568";
    const char separator = text_[SkipBlanks(after_group)];
    const std::size_t second = SkipBlanks(letter + 1);
    if ((separator != '-' && separator != '/' && separator != '.') ||
        kLetterLookAlikes.find(text_[letter]) == std::string_view::npos || second >= text_.size() ||
        text_[second] != separator) {
      return std::nullopt;
    }
    m.number.push_back(kUnknownLetter);
    ++m.substitutions;
    m.guessed = true;
    return Serial(SkipSeparator(letter + 1), m, false);
  }

  // The six digits that end a customer number, at p.
  [[nodiscard]] std::optional<NumberMatch> Serial(std::size_t p, NumberMatch m, bool allow_blank) const {
    if (!Digits(p, 6, kMaxRepairsCustomer6, m, allow_blank) || !EndsWord(p)) return std::nullopt;
    m.end = p;
    return m;
  }

  [[nodiscard]] std::optional<char> DigitOf(char c, bool& repaired) const {
    repaired = false;
    if (IsDigit(c)) return c;
    if (!tolerant_) return std::nullopt;
    repaired = true;
    switch (c) {
      case 'O':
      case 'o':
        return '0';
      case 'I':
      case 'l':
      case '|':
        return '1';
      case 'S':
        return '5';
      case 'B':
        return '8';
      default:
        return std::nullopt;
    }
  }

 private:
  // Reads exactly `count` digit-like characters at p into m.number. In OCR text one stray blank
  // inside the group is skipped ("2410 1BG8393484"): Tesseract splits codes it cannot read as a
  // word. It counts as a repair.
  bool Digits(std::size_t& p, int count, int max_repairs, NumberMatch& m, bool allow_blank = true) const {
    int repairs = 0;
    bool blank_skipped = false;
    for (int i = 0; i < count; ++i, ++p) {
      if (tolerant_ && allow_blank && i > 0 && !blank_skipped && p + 1 < text_.size() && text_[p] == ' ' &&
          IsDigit(text_[p + 1])) {
        blank_skipped = true;
        ++repairs;
        ++p;
      }
      bool repaired = false;
      const auto digit = p < text_.size() ? DigitOf(text_[p], repaired) : std::nullopt;
      if (!digit) return false;
      repairs += repaired ? 1 : 0;
      m.number.push_back(*digit);
    }
    if (repairs > max_repairs) return false;
    m.substitutions += repairs;
    return true;
  }

  // "BG" (any case); in OCR text also "8G", "B6", "BC", "BE" (a faint G's hook lost or closed:
  // "24101BE 8836462"), and "86" (both letters read as digits, as dot-matrix print and a glued
  // line read them: "35301866770259").
  bool BgMarker(std::size_t& p, NumberMatch& m) const {
    if (p + 2 > text_.size()) return false;
    const std::string_view marker = text_.substr(p, 2);
    const bool exact = marker == "BG" || (tolerant_ && (marker == "bg" || marker == "Bg"));
    const bool confused = tolerant_ && (marker == "8G" || marker == "B6" || marker == "BC" || marker == "BE");
    const bool both_confused = tolerant_ && marker == "86";
    if (!exact && !confused && !both_confused) return false;
    m.number += "BG";
    m.substitutions += both_confused ? 2 : confused ? 1 : 0;
    p += 2;
    return true;
  }

  // Between the groups: horizontal blanks around at most one '-', '/', '.' or en dash; in OCR text
  // also ':', as faint print's '.' is read ("24101:8G B836462"), and a second '.' or ':' right
  // after the first, a speck beside it ("54861 ..8G. 8736718").
  std::size_t SkipSeparator(std::size_t p) const {
    p = SkipBlanks(p);
    if (p < text_.size() && (text_[p] == '-' || text_[p] == '/' || text_[p] == '.' || (tolerant_ && text_[p] == ':'))) {
      ++p;
      if (tolerant_ && p < text_.size() && (text_[p] == '.' || text_[p] == ':')) ++p;
      p = SkipBlanks(p);
    } else if (text_.substr(p, 3) == "\xE2\x80\x93") {
      p = SkipBlanks(p + 3);
    }
    return p;
  }
  std::size_t SkipBlanks(std::size_t p) const {
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    return p;
  }

  std::string_view text_;
  bool tolerant_;
};

}  // namespace

std::vector<NumberMatch> ScanNumbers(std::string_view text, ScanMode mode) {
  if (mode == ScanMode::kBarcode) return ScanPayload(text);
  const Scanner scanner(text, mode);
  std::vector<NumberMatch> matches;
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool repaired = false;
    if (scanner.DigitOf(text[pos], repaired) && scanner.StartsWord(pos)) {
      auto match = scanner.BgAt(pos);
      if (!match) match = scanner.CustomerAt(pos);
      if (match) {
        pos = match->end;
        matches.push_back(std::move(*match));
        continue;
      }
    }
    ++pos;
  }
  return matches;
}

}  // namespace mailroom::classifier
