// How much the evidence for one case is worth: the confidence model of DecideCase.
// Each source (barcodes, OCR text, the sender matched in the registry) gives a score in 0..1; the
// scores are combined as independent witnesses (1 - product of the doubts) and capped below 1.
#pragma once

#include <vector>

#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

/// What supports the one case identified in an envelope.
struct CaseSupport {
  std::vector<CaseEvidence> hits;  ///< evidence whose number is (or maps to) the case
  int variant_hits = 0;            ///< unregistered BG numbers read as OCR variants of the case
  /// Unregistered numbers one character off the case's numbers, confirmed by the sender.
  std::vector<CaseEvidence> typo_hits;
  /// How surely the text names a person of the case (SenderCandidate::score); 0: not at all.
  double sender_score = 0;
};

/// A single exact barcode of the BG number.
inline constexpr double kBarcodeScore = 0.97;
/// A clean OCR read is worth its word confidence times this (OCR confidence is optimistic).
inline constexpr double kTextReliability = 0.95;
/// A text hit that the registry confirms is worth at least this, however low Tesseract's word
/// confidence: Tesseract rates codes like "35301BG0012345" low (down to 0) because they are no
/// words, and for a misroute a misread would have to land on another registered number, while a
/// registry fills well under 1 % of the number space. Alone it stays below the threshold; with
/// the case's surname on the page (kRegistryScore) it routes.
inline constexpr double kRegisteredTextFloor = 0.6;
/// A text reading repaired by a guess (an unknown customer-number letter, a dropped stray
/// character, leading zeros put back) is worth at most this: a guess that lands on a registered
/// number is likelier than a clean misread, so it routes only with a second witness.
inline constexpr double kGuessedTextCap = 0.7;
/// Customer numbers identify the case only through the registry's mapping: slightly less.
inline constexpr double kCustomerNumberFactor = 0.95;
/// The sender matched in the registry is an independent witness of its own score, up to this.
/// For a misroute, OCR would have to misread the number into another registered case whose
/// person also stands on the page: that is far rarer than a misread alone.
inline constexpr double kMaxSenderScore = 0.95;
/// A sender matched without any number is worth its score times this: a name and an address can
/// belong to someone who is not (yet) in the registry, or to a namesake, so a sender alone routes
/// only when the text names the person with two further fields (given name, street, birth date).
inline constexpr double kSenderOnlyFactor = 0.9;
/// A number with one wrong character still points at its case, but only half as surely as the
/// number itself would.
inline constexpr double kTypoFactor = 0.5;
/// Each unregistered near-miss BG number in the envelope costs this factor.
inline constexpr double kVariantPenalty = 0.95;
/// Nothing is certain.
inline constexpr double kMaxConfidence = 0.99;

/// Combines the support into a confidence in 0..kMaxConfidence; 0 without any evidence.
[[nodiscard]] double CaseConfidence(const CaseSupport& support);

}  // namespace mailroom::classifier
