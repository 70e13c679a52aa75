#include "text_fold.h"

#include <algorithm>
#include <utility>

namespace mailroom::classifier {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsWordChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80;
}

// Lowercase and umlauts; hyphenation across line breaks removed; whitespace collapsed.
std::string LowerAndJoin(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const std::string_view rest = text.substr(i);
    if (c == '-' && i > 0 && IsWordChar(text[i - 1])) {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < text.size() && text[j] == '\n') {  // "Verände-\nrung": one word
        i = j;
        while (i + 1 < text.size() && IsSpace(text[i + 1])) ++i;
        continue;
      }
    }
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (rest.size() >= 2 && static_cast<unsigned char>(c) == 0xC3) {
      switch (static_cast<unsigned char>(rest[1])) {
        case 0x84:
        case 0xA4:
          out.push_back('a');
          ++i;
          continue;  // Ä ä
        case 0x96:
        case 0xB6:
          out.push_back('o');
          ++i;
          continue;  // Ö ö
        case 0x9C:
        case 0xBC:
          out.push_back('u');
          ++i;
          continue;  // Ü ü
        case 0x9F:
          out += "ss";
          ++i;
          continue;  // ß
        default:
          break;
      }
    }
    if (rest.substr(0, 3) == "\xE1\xBA\x9E") {  // capital sharp s
      out += "ss";
      i += 2;
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Digraphs that stand for umlauts, and OCR's favourite "rn"/"m" confusion.
std::string FoldDigraphs(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if ((s[i] == 'a' || s[i] == 'o' || s[i] == 'u') && next == 'e') {
      out.push_back(s[i]);
      ++i;
    } else if (s[i] == 'r' && next == 'n') {
      out.push_back('m');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

std::string Fold(std::string_view text) {
  return FoldDigraphs(LowerAndJoin(text));
}

std::string FoldedEnvelopeText(const Envelope& envelope) {
  std::string text;
  for (const PageReading* page : envelope.pages) {
    if (!text.empty()) text.push_back(' ');
    text += Fold(page->text);
  }
  return text;
}

bool ContainsWord(std::string_view folded_text, std::string_view folded_word) {
  if (folded_word.empty()) return false;
  for (std::size_t at = folded_text.find(folded_word); at != std::string_view::npos;
       at = folded_text.find(folded_word, at + 1)) {
    const std::size_t end = at + folded_word.size();
    const bool starts = at == 0 || !IsWordChar(folded_text[at - 1]);
    const bool ends = end == folded_text.size() || !IsWordChar(folded_text[end]);
    if (starts && ends) return true;
  }
  return false;
}

int CountOccurrences(std::string_view folded_text, std::string_view folded_needle, int cap) {
  if (folded_needle.empty()) return 0;
  int count = 0;
  for (std::size_t at = folded_text.find(folded_needle); at != std::string_view::npos && count < cap;
       at = folded_text.find(folded_needle, at + folded_needle.size())) {
    ++count;
  }
  return count;
}

std::string NameKey(std::string_view folded) {
  std::string key;
  key.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == 'i' && i + 1 < folded.size() && folded[i + 1] == 'i') {  // "ii" is how OCR reads a faint ü
      key.push_back('u');
      ++i;
      continue;
    }
    switch (c) {
      case '1':
      case 'i':
      case '|':
      case '!':
        key.push_back('l');
        break;
      case 'c':
        key.push_back('e');
        break;
      case '0':
        key.push_back('o');
        break;
      case '5':
        key.push_back('s');
        break;
      case '8':
        key.push_back('b');
        break;
      case 'v':
        if (i + 1 < folded.size() && folded[i + 1] == 'v') {
          key.push_back('w');
          ++i;
        } else {
          key.push_back('v');
        }
        break;
      default:
        key.push_back(c);
    }
  }
  return key;
}

std::vector<std::string> KeysWithMPutBack(std::string_view read) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i + 1 < read.size(); ++i) {
    const std::string_view pair = read.substr(i, 2);
    if (pair != "ln" && pair != "nl") continue;
    std::string key(read.substr(0, i));
    key += 'm';
    key += read.substr(i + 2);
    keys.push_back(std::move(key));
  }
  return keys;
}

bool MReadAsTwoLetters(std::string_view read, std::string_view key) {
  if (read.size() != key.size() + 1) return false;
  const auto keys = KeysWithMPutBack(read);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or b has one letter more at the end
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one replaced
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);  // swap
  }
  return a.substr(i) == b.substr(i + 1);  // b has one letter more at i
}

}  // namespace mailroom::classifier
