#include "payload_scanner.h"

#include <optional>

namespace mailroom::classifier {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Length of the run of digits that ends just before `pos`.
std::size_t DigitsBefore(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (n < pos && IsDigit(s[pos - n - 1])) ++n;
  return n;
}

// Length of the run of digits that starts at `pos`.
std::size_t DigitsFrom(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && IsDigit(s[pos + n])) ++n;
  return n;
}

// The number whose marker (the "BG" or the customer-number letter, `marker_size` long) starts at
// `pos`, with `before` digits in front of it and `after` digits behind it, if the digits fit.
std::optional<NumberMatch> NumberAround(std::string_view s, std::size_t pos, std::size_t marker_size,
                                        std::size_t before, std::size_t after, CaseEvidence::Kind kind) {
  const std::size_t digits_before = DigitsBefore(s, pos);
  if (digits_before < before || DigitsFrom(s, pos + marker_size) != after) return std::nullopt;
  NumberMatch m;
  m.kind = kind;
  m.begin = pos - before;
  m.end = pos + marker_size + after;
  m.number = std::string(s.substr(m.begin, m.end - m.begin));
  m.guessed = digits_before > before;
  return m;
}

}  // namespace

std::vector<NumberMatch> ScanPayload(std::string_view payload) {
  std::vector<NumberMatch> matches;
  for (std::size_t pos = 1; pos < payload.size(); ++pos) {
    std::optional<NumberMatch> m;
    if (payload.substr(pos, 2) == "BG") {
      m = NumberAround(payload, pos, 2, 5, 7, CaseEvidence::Kind::kBgNumber);
    } else if (payload[pos] >= 'A' && payload[pos] <= 'Z') {
      m = NumberAround(payload, pos, 1, 3, 6, CaseEvidence::Kind::kCustomerNumber);
    }
    if (m && (matches.empty() || m->begin >= matches.back().end)) matches.push_back(std::move(*m));
  }
  return matches;
}

}  // namespace mailroom::classifier
