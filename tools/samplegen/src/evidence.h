// The kinds of evidence an envelope can carry for its case, as the classifier benchmark counts
// them: seven that should route and eight reasons for review. truth.json names them.
#pragma once

#include <string_view>
#include <vector>

#include "rng.h"

namespace mailroom::samplegen {

enum class Evidence {
  kBarcode,              ///< a form's case barcode (payload formats vary); no printed number
  kPrintedBg,            ///< a printed BG number in the header, Betreff, body or footer
  kCustomerNumber,       ///< only a printed customer number
  kNameAddress,          ///< no number: the sender's name and address (written as people do)
  kTypo,                 ///< a BG number with one wrong digit, in no registry, plus the full sender block
  kDecoys,               ///< a printed BG number among IBANs, phone numbers, file references, a jobcenter letter
  kUnknownOfficeNumber,  ///< an old BG number of no registered office, plus the full sender block and birth date
  // Review: a person must decide.
  kNoCaseNumber,      ///< an unregistered sender, no number
  kUnknownBgNumber,   ///< a well-formed BG number in no registry, unregistered sender
  kConflictingCases,  ///< BG numbers of two registered cases
  kTypoConflict,      ///< a one-digit typo that is another registered case's number
  kAmbiguousSender,   ///< no number; surname and city shared by two registered cases
  // Two households' documents in one envelope: one with its printed BG number, the other (before or
  // after it) identified only by a case barcode, a printed BG number, or its sender's name and address.
  kTwoCasesBarcode,
  kTwoCasesPrint,
  kTwoCasesName,
};

/// truth.json's word, e.g. "printed_bg", "no_case_number".
[[nodiscard]] std::string_view EvidenceName(Evidence evidence);

/// True for the review kinds.
[[nodiscard]] bool ExpectsReview(Evidence evidence);

/// True for the kinds that put two households' documents into one envelope.
[[nodiscard]] bool HoldsTwoCases(Evidence evidence);

/// The evidence of each of `envelopes` envelopes in box order: every kind in proportion to fixed
/// weights (review kinds about 15 % together; each kind at least once from 15 envelopes on),
/// shuffled with `rng`.
[[nodiscard]] std::vector<Evidence> EvidenceMix(int envelopes, Rng& rng);

}  // namespace mailroom::samplegen
