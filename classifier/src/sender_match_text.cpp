// The text side of sender matching: tokens, dates, and the comparable forms of registered
// surnames and streets. Both the registry and the letter go through the same folding, so a name
// compares equal however it was typed or read.
#include <algorithm>
#include <array>
#include <optional>

#include "sender_match.h"
#include "text_fold.h"

namespace mailroom::classifier::sender {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c);
}

// Bytes of the letter or digit at `at`, 0 if none there. Letters outside ASCII are the two-byte
// Latin ones (ä, é, ş, ł: lead byte C3..C5) and the capital sharp s; typographic dashes and quotes
// ("Schmidt–Weber", „Koch“) separate words.
std::size_t TokenCharLength(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0U; };
  const unsigned lead = byte(at);
  if (lead < 0x80) return IsAsciiAlnum(s[at]) ? 1 : 0;
  if (lead >= 0xC3 && lead <= 0xC5 && (byte(at + 1) & 0xC0U) == 0x80) return 2;
  if (s.substr(at, 3) == "\xE1\xBA\x9E") return 3;
  return 0;
}

// The end of the word starting at `at`.
std::size_t TokenEnd(std::string_view s, std::size_t at) {
  for (std::size_t n = TokenCharLength(s, at); n > 0; n = TokenCharLength(s, at)) at += n;
  return at;
}

// "12", "12a": a house number, a postcode or part of a date.
bool IsNumberToken(std::string_view fold) {
  std::size_t digits = 0;
  while (digits < fold.size() && IsDigit(fold[digits])) ++digits;
  return digits > 0 &&
         (digits == fold.size() || (digits + 1 == fold.size() && fold.back() >= 'a' && fold.back() <= 'z'));
}

// A digit as OCR may print it inside a number ("1O.O3.l981"); -1 for anything else.
int DigitValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c == 'O' || c == 'o') return 0;
  if (c == 'l' || c == 'I') return 1;
  return -1;
}

// Reads up to `max` digits at `at`; returns the value and the count, or nullopt for fewer than `min`.
std::optional<std::pair<int, int>> DigitGroup(std::string_view line, std::size_t at, int min, int max) {
  int value = 0, count = 0;
  while (count < max && at + count < line.size() && DigitValue(line[at + count]) >= 0) {
    value = value * 10 + DigitValue(line[at + count]);
    ++count;
  }
  if (count < min) return std::nullopt;
  return std::make_pair(value, count);
}

// After a day or month: "." and at most one space; also "," or ":", as OCR reads a faint full stop
// ("28.07:2003").
std::optional<std::size_t> DateSeparator(std::string_view line, std::size_t at) {
  if (at >= line.size() || (line[at] != '.' && line[at] != ',' && line[at] != ':')) return std::nullopt;
  ++at;
  if (at < line.size() && line[at] == ' ') ++at;
  return at;
}

// A date starting at `at` (a token start): d.m.yyyy or d.m.yy, day and month one or two digits.
std::optional<DateMention> ParseDate(std::string_view line, std::size_t at) {
  const auto day = DigitGroup(line, at, 1, 2);
  if (!day) return std::nullopt;
  const auto after_day = DateSeparator(line, at + day->second);
  if (!after_day) return std::nullopt;
  const auto month = DigitGroup(line, *after_day, 1, 2);
  if (!month) return std::nullopt;
  const auto after_month = DateSeparator(line, *after_day + month->second);
  if (!after_month) return std::nullopt;
  const auto year = DigitGroup(line, *after_month, 2, 4);
  if (!year || year->second == 3) return std::nullopt;
  const std::size_t end = *after_month + year->second;
  if (TokenCharLength(line, end) > 0) return std::nullopt;
  // Day and month are not checked: "26.18.1986" is what OCR makes of 26.10.1966 with a slip, and
  // no registered birth date equals it exactly.
  DateMention date;
  date.day = day->first;
  date.month = month->first;
  date.year = year->first;
  date.two_digit_year = year->second == 2;
  return date;
}

// The months by their folded names and the abbreviations letters and forms use (German first,
// English too: e-mailed mail); 0 for a word that names no month.
int MonthOfName(std::string_view folded) {
  static const std::array<std::pair<std::string_view, int>, 34> kMonths = {{
      {"januar", 1}, {"jan", 1},       {"january", 1}, {"februar", 2},   {"feb", 2},       {"february", 2},
      {"marz", 3},   {"mrz", 3},       {"mar", 3},     {"march", 3},     {"april", 4},     {"apr", 4},
      {"mai", 5},    {"may", 5},       {"juni", 6},    {"jun", 6},       {"june", 6},      {"juli", 7},
      {"jul", 7},    {"july", 7},      {"august", 8},  {"aug", 8},       {"september", 9}, {"sep", 9},
      {"sept", 9},   {"oktober", 10},  {"okt", 10},    {"october", 10},  {"oct", 10},      {"november", 11},
      {"nov", 11},   {"dezember", 12}, {"dez", 12},    {"december", 12},
  }};
  for (const auto& [name, month] : kMonths) {
    if (folded == name) return month;
  }
  return 0;
}

// "14. März 1981", "14 Maerz 1981", "14. Mrz. 1981": day, an optional full stop, one space, the
// month's name (an abbreviation with an optional full stop), one space and a four-digit year.
std::optional<DateMention> ParseMonthNameDate(std::string_view line, std::size_t at) {
  const auto day = DigitGroup(line, at, 1, 2);
  if (!day) return std::nullopt;
  std::size_t next = at + day->second;
  if (next < line.size() && line[next] == '.') ++next;
  if (next >= line.size() || line[next] != ' ') return std::nullopt;
  ++next;
  const std::size_t name_end = TokenEnd(line, next);
  if (name_end == next) return std::nullopt;
  const int month = MonthOfName(Fold(line.substr(next, name_end - next)));
  if (month == 0) return std::nullopt;
  next = name_end;
  if (next < line.size() && line[next] == '.') ++next;
  if (next >= line.size() || line[next] != ' ') return std::nullopt;
  const auto year = DigitGroup(line, next + 1, 4, 4);
  if (!year || TokenCharLength(line, next + 1 + year->second) > 0) return std::nullopt;
  if (day->first < 1 || day->first > 31) return std::nullopt;
  DateMention date;
  date.day = day->first;
  date.month = month;
  date.year = year->first;
  return date;
}

// Name particles are not indexed: "von" or "de" would name half the registry.
constexpr std::array<std::string_view, 16> kParticles = {"von", "van", "vom", "zu", "zum", "der", "den", "de",
                                                         "da",  "di",  "del", "la", "le",  "el",  "ten", "ter"};

std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> words;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = TokenEnd(text, at);
    if (end == at) {
      ++at;
      continue;
    }
    words.push_back(Fold(text.substr(at, end - at)));
    at = end;
  }
  return words;
}

}  // namespace

EnvelopeText ReadEnvelopeText(const std::vector<const PageReading*>& pages) {
  EnvelopeText out;
  for (const PageReading* page : pages) {
    std::string_view text = page->text;
    while (!text.empty()) {
      const std::size_t newline = std::min(text.find('\n'), text.size());
      const std::string_view line = text.substr(0, newline);
      text.remove_prefix(std::min(newline + 1, text.size()));
      const int line_no = static_cast<int>(out.line_sizes.size());
      int count = 0;
      for (std::size_t at = 0; at < line.size();) {
        const std::size_t end = TokenEnd(line, at);
        if (end == at) {
          ++at;
          continue;
        }
        auto date = ParseDate(line, at);
        if (!date) date = ParseMonthNameDate(line, at);
        if (date) {
          date->token = static_cast<int>(out.tokens.size());
          out.dates.push_back(*date);
        }
        Token token;
        token.fold = Fold(line.substr(at, end - at));
        token.key = NameKey(token.fold);
        token.line = line_no;
        token.number = IsNumberToken(token.fold);
        token.initial = token.fold.size() == 1 && token.fold[0] >= 'a' && token.fold[0] <= 'z' && end < line.size() &&
                        line[end] == '.';
        out.tokens.push_back(std::move(token));
        ++count;
        at = end;
      }
      out.line_sizes.push_back(count);
    }
  }
  return out;
}

std::string StreetKey(std::string_view folded_joined) {
  std::string key(folded_joined);
  // "Straße" folds to "strasse"; OCR and typists also write "Strasse", "Str." and "Strase".
  for (const std::string_view long_form : {"strasse", "strase"}) {
    for (std::size_t at = key.find(long_form); at != std::string::npos; at = key.find(long_form, at + 3)) {
      key.replace(at, long_form.size(), "str");
    }
  }
  // OCR reads a faint "ß" as one or two other characters ("Bergstraie", "Bergstrafe",
  // "Bergstra13e"): at the end of a street name, "stra", one or two characters and "e" is "Straße".
  if (const std::size_t stra = key.rfind("stra"); stra != std::string::npos && key.back() == 'e') {
    const std::size_t between = key.size() - 1 - (stra + 4);  // characters between "stra" and "e"
    if (between == 1 || between == 2) key.replace(stra, std::string::npos, "str");
  }
  return NameKey(key);
}

StreetParts SplitStreet(std::string_view street) {
  const std::vector<std::string> words = FoldedWords(street);
  std::size_t house_at = words.size();
  for (std::size_t i = words.size(); i-- > 0;) {
    if (IsDigit(words[i].front())) {
      house_at = i;
      break;
    }
  }
  StreetParts parts;
  std::string name;
  for (std::size_t i = 0; i < words.size(); ++i) (i < house_at ? name : parts.house) += words[i];
  parts.key = StreetKey(name);
  return parts;
}

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  for (std::string& word : FoldedWords(name)) {
    const bool particle = std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end();
    if (!particle && word.size() >= 2) words.push_back(std::move(word));
  }
  return words;
}

std::vector<std::string> SurnameKeys(std::string_view surname) {
  std::vector<std::string> parts;
  for (const std::string& word : NameWords(surname)) parts.push_back(NameKey(word));
  if (parts.size() > 1) {
    std::string joined;
    for (const auto& part : parts) joined += part;
    parts.push_back(std::move(joined));
  }
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  return parts;
}

}  // namespace mailroom::classifier::sender
