// Deterministic random choices for the generator. std::mt19937 is specified bit for bit by the
// standard, but std::uniform_*_distribution is not, so the mapping to ranges is done here with plain
// integer arithmetic: the same seed gives the same box with any standard library.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace mailroom::samplegen {

class Rng {
 public:
  explicit Rng(std::uint32_t seed) : gen_(seed) {}

  /// Raw 32 random bits (also used to derive independent per-page seeds).
  std::uint32_t Next() { return static_cast<std::uint32_t>(gen_()); }

  /// Uniform integer in [lo, hi] (inclusive). The modulo bias is irrelevant for sample data.
  int Between(int lo, int hi) {
    if (hi <= lo) return lo;
    auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    return static_cast<int>(lo + static_cast<std::int64_t>(Next() % span));
  }

  /// Uniform real in [lo, hi), with 2^-32 resolution.
  double Real(double lo, double hi) { return lo + (hi - lo) * (Next() / 4294967296.0); }

  /// True with probability `p` (p <= 0: never, p >= 1: always).
  bool Chance(double p) { return Real(0.0, 1.0) < p; }

  /// One element of a non-empty list.
  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return Pick(std::span<const T>(items));
  }

  /// Index chosen with the given relative weights (all >= 0, at least one > 0).
  std::size_t Weighted(std::span<const int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int roll = Between(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (roll < weights[i]) return i;
      roll -= weights[i];
    }
    return weights.size() - 1;
  }

  /// Fisher-Yates shuffle with this generator.
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[static_cast<std::size_t>(Between(0, static_cast<int>(i) - 1))]);
    }
  }

 private:
  std::mt19937 gen_;
};

}  // namespace mailroom::samplegen
