// Why these features: words and bigrams carry titles ("kontoauszug", "bescheid_vom"); character
// n-grams inside words survive OCR errors and German compounds ("...abrechnung" in Lohn-, Gehalts-
// and Nebenkostenabrechnung), which whole words do not.
#include "mailroom/classifier/doc_type_model_features.h"

#include <algorithm>
#include <cmath>

#include "text_fold.h"

namespace mailroom::classifier {
namespace {

constexpr std::size_t kMinGram = 3;
constexpr std::size_t kMaxGram = 5;
// Longer "words" are OCR debris or glued lines; their n-grams would only add noise.
constexpr std::size_t kMaxWordLength = 40;

bool IsLetter(char c) {
  return c >= 'a' && c <= 'z';
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// A token of folded text as the model sees it: digit runs collapse to "0" (amounts and dates say
// nothing about the type, their presence does); in a word of letters a stray 0 or 1 is an O or l.
std::string NormaliseToken(std::string_view raw) {
  int letters = 0, digits = 0;
  for (char c : raw) (IsLetter(c) ? letters : digits) += 1;
  std::string out;
  for (char c : raw) {
    if (letters > digits && (c == '0' || c == '1')) {
      out.push_back(c == '0' ? 'o' : 'l');
    } else if (IsDigit(c)) {
      if (out.empty() || out.back() != '0') out.push_back('0');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Words of the folded text: runs of ASCII letters and digits. Everything else separates, including
// non-ASCII bytes (Fold() has already turned umlauts into letters), so features stay ASCII.
std::vector<std::string> Tokens(std::string_view text) {
  const std::string folded = Fold(text);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    if (i < folded.size() && (IsLetter(folded[i]) || IsDigit(folded[i]))) continue;
    if (i > start && i - start <= kMaxWordLength)
      tokens.push_back(NormaliseToken(std::string_view(folded).substr(start, i - start)));
    start = i + 1;
  }
  return tokens;
}

template <typename Visit>
void ForEachFeature(std::string_view text, Visit&& visit) {
  const std::vector<std::string> tokens = Tokens(text);
  std::string feature;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& word = tokens[i];
    visit("w:" + word);
    if (i + 1 < tokens.size()) visit("b:" + word + "_" + tokens[i + 1]);
    if (!IsLetter(word[0])) continue;
    const std::string padded = "<" + word + ">";
    for (std::size_t n = kMinGram; n <= kMaxGram; ++n) {
      for (std::size_t at = 0; at + n <= padded.size(); ++at) {
        feature.assign("c:");
        feature.append(padded, at, n);
        visit(feature);
      }
    }
  }
}

}  // namespace

double FeatureScale(std::size_t features) {
  return features == 0 ? 0.0 : 1.0 / std::sqrt(static_cast<double>(features) + kLengthDamping);
}

std::uint64_t FeatureHash(std::string_view feature) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (char c : feature) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::vector<std::string> FeatureStrings(std::string_view text) {
  std::vector<std::string> out;
  ForEachFeature(text, [&out](const std::string& f) { out.push_back(f); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::uint64_t> FeatureHashes(std::string_view text) {
  std::vector<std::uint64_t> out;
  ForEachFeature(text, [&out](const std::string& f) { out.push_back(FeatureHash(f)); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace mailroom::classifier
