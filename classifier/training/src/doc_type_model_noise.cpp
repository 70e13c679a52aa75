// Synthetic OCR noise for training: the model must have seen "Kontoauszuq", "Lohnabrechnuug" and
// "Mietbeschei- nigung" to recognise them. Errors follow what Tesseract does to scanned letters.
// A private splitmix64 generator, because std:: distributions differ between standard libraries
// and the model file must be byte-identical everywhere.
#include "mailroom/classifier_training/doc_type_training.h"

#include <array>
#include <string>

namespace mailroom::classifier {
namespace {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }

 private:
  std::uint64_t state_;
};

struct Confusion {
  std::string_view from, to;
};

// Look-alikes under OCR, longest first so "rn" wins over "r".
constexpr std::array<Confusion, 30> kConfusions = {{
    {"\xC3\xA4", "a"}, {"\xC3\xB6", "o"}, {"\xC3\xBC", "u"}, {"\xC3\xBC", "ii"}, {"\xC3\x9F", "B"}, {"\xC3\x9F", "ss"},
    {"rn", "m"},       {"m", "rn"},       {"m", "in"},       {"l", "1"},         {"l", "I"},        {"I", "l"},
    {"I", "1"},        {"1", "l"},        {"i", "l"},        {"O", "0"},         {"o", "0"},        {"0", "O"},
    {"e", "c"},        {"c", "e"},        {"h", "b"},        {"n", "u"},         {"u", "n"},        {"g", "q"},
    {"a", "o"},        {"t", "f"},        {"S", "5"},        {"B", "8"},         {"ri", "n"},       {"d", "cl"},
}};

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// One error at `at`, appended to `out`; returns how many input bytes it consumed.
std::size_t Corrupt(std::string_view text, std::size_t at, Rng& rng, std::string& out) {
  const std::string_view rest = text.substr(at);
  switch (rng.Below(4)) {
    case 0: {  // a look-alike
      for (std::size_t tries = 0; tries < 4; ++tries) {
        const Confusion& c = kConfusions[rng.Below(kConfusions.size())];
        if (rest.substr(0, c.from.size()) == c.from) {
          out += c.to;
          return c.from.size();
        }
      }
      break;
    }
    case 1:  // a dropped character
      if (IsAsciiLetter(rest[0])) return 1;
      break;
    case 2:  // merged words, or a word broken in two (OCR sees a gap in the letters)
      if (rest[0] == ' ') return 1;
      if (at > 0 && IsAsciiLetter(text[at - 1]) && IsAsciiLetter(rest[0])) {
        static constexpr std::array<std::string_view, 4> kBreaks = {"-\n", "- ", " ", "\n"};
        out += kBreaks[rng.Below(kBreaks.size())];
      }
      break;
    default:  // a doubled character or a speck read as punctuation
      if (IsAsciiLetter(rest[0])) out += rng.Below(2) == 0 ? rest.substr(0, 1) : std::string_view(".");
      break;
  }
  out.push_back(rest[0]);
  return 1;
}

}  // namespace

std::string AddOcrNoise(std::string_view text, double rate, std::uint64_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t at = 0; at < text.size();) {
    const bool lead = (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    if (lead && rng.Unit() < rate) {
      at += Corrupt(text, at, rng, out);
    } else {
      out.push_back(text[at++]);
    }
  }
  return out;
}

}  // namespace mailroom::classifier
