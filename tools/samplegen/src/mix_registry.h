// What the classification mix adds to a registry so that its hard cases mean something: double
// surnames, middle names, BG numbers with leading zeros, pairs of cases whose BG numbers differ in
// one digit, and pairs that share a surname in one city. Drawn from the mix's own random stream.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "registry.h"

namespace mailroom::samplegen {

struct MixRegistry {
  /// (case, other case): the other's BG number is the case's with one digit changed.
  std::vector<std::pair<std::size_t, std::size_t>> typo_twins;
  /// (case, other case): both heads share surname and city, but not given name or street.
  std::vector<std::pair<std::size_t, std::size_t>> name_twins;
};

/// Changes `registry` in place (numbers stay unique) and returns the pairs: `typo_pairs` and
/// `name_pairs` of them (fewer only if the registry is too small), no case in two pairs.
[[nodiscard]] MixRegistry DecorateRegistry(Registry& registry, int typo_pairs, int name_pairs, Rng& rng);

}  // namespace mailroom::samplegen
