#include "evidence.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace mailroom::samplegen {
namespace {

struct Share {
  Evidence evidence;
  int weight;
};

// Review kinds weigh 5 each (the two-household ones 4): 37 of 246, about 15 % of the box.
constexpr std::array kShares = {
    Share{Evidence::kPrintedBg, 36},
    Share{Evidence::kDecoys, 34},
    Share{Evidence::kBarcode, 30},
    Share{Evidence::kNameAddress, 30},
    Share{Evidence::kCustomerNumber, 24},
    Share{Evidence::kTypo, 20},
    Share{Evidence::kUnknownOfficeNumber, 12},
    Share{Evidence::kNoCaseNumber, 5},
    Share{Evidence::kUnknownBgNumber, 5},
    Share{Evidence::kConflictingCases, 5},
    Share{Evidence::kTypoConflict, 5},
    Share{Evidence::kAmbiguousSender, 5},
    Share{Evidence::kTwoCasesBarcode, 4},
    Share{Evidence::kTwoCasesPrint, 4},
    Share{Evidence::kTwoCasesName, 4},
};

}  // namespace

std::string_view EvidenceName(Evidence evidence) {
  switch (evidence) {
    case Evidence::kBarcode:
      return "barcode";
    case Evidence::kPrintedBg:
      return "printed_bg";
    case Evidence::kCustomerNumber:
      return "customer_number";
    case Evidence::kNameAddress:
      return "name_address";
    case Evidence::kTypo:
      return "typo";
    case Evidence::kDecoys:
      return "decoys";
    case Evidence::kUnknownOfficeNumber:
      return "unknown_office_number";
    case Evidence::kNoCaseNumber:
      return "no_case_number";
    case Evidence::kUnknownBgNumber:
      return "unknown_bg_number";
    case Evidence::kConflictingCases:
      return "conflicting_cases";
    case Evidence::kTypoConflict:
      return "typo_conflict";
    case Evidence::kAmbiguousSender:
      return "ambiguous_sender";
    case Evidence::kTwoCasesBarcode:
      return "two_cases_barcode";
    case Evidence::kTwoCasesPrint:
      return "two_cases_print";
    case Evidence::kTwoCasesName:
      return "two_cases_name";
  }
  return "printed_bg";
}

bool ExpectsReview(Evidence evidence) {
  return evidence >= Evidence::kNoCaseNumber;
}

bool HoldsTwoCases(Evidence evidence) {
  return evidence >= Evidence::kTwoCasesBarcode;
}

std::vector<Evidence> EvidenceMix(int envelopes, Rng& rng) {
  // Largest remainder: counts in proportion to the weights. From 15 envelopes on every kind gets at
  // least one, so a small mix box still exercises each of them.
  int total = 0;
  for (const Share& share : kShares) total += share.weight;
  std::vector<int> counts(kShares.size(), 0);
  std::vector<long> remainders(kShares.size(), 0);
  int assigned = 0;
  for (std::size_t k = 0; k < kShares.size(); ++k) {
    long scaled = static_cast<long>(envelopes) * kShares[k].weight;
    counts[k] = static_cast<int>(scaled / total);
    remainders[k] = scaled % total;
    if (envelopes >= static_cast<int>(kShares.size()) && counts[k] == 0) {
      counts[k] = 1;
      remainders[k] = -1;
    }
    assigned += counts[k];
  }
  std::vector<std::size_t> order(kShares.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  // Too many after the guaranteed ones: take back from the largest routable counts.
  for (std::size_t i = 0; assigned > envelopes; i = (i + 1) % kShares.size()) {
    if (counts[i] > 1) {
      --counts[i];
      --assigned;
    }
  }
  for (std::size_t i = 0; assigned < envelopes; i = (i + 1) % order.size(), ++assigned) ++counts[order[i]];
  std::vector<Evidence> mix;
  for (std::size_t k = 0; k < kShares.size(); ++k) mix.insert(mix.end(), counts[k], kShares[k].evidence);
  rng.Shuffle(mix);
  return mix;
}

}  // namespace mailroom::samplegen
