// How much the evidence for one case is worth: the confidence model of ClassifyEnvelope.
// Each source (barcodes, OCR text, the registry's surname) gives a score in 0..1; the scores
// are combined as independent witnesses (1 - product of the doubts) and capped below 1.
#pragma once

#include <vector>

#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

/// What supports the one case identified in an envelope.
struct CaseSupport {
  std::vector<CaseEvidence> hits;  ///< evidence whose number is (or maps to) the case
  int variant_hits = 0;            ///< unregistered BG numbers read as OCR variants of the case
  bool surname_found = false;      ///< a surname of the case's persons is in the envelope text
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
/// Customer numbers identify the case only through the registry's mapping: slightly less.
inline constexpr double kCustomerNumberFactor = 0.95;
/// The registry's surname found in the text: an independent witness of this strength. For a
/// misroute, OCR would have to misread the number into another registered case whose surname
/// also stands on the page: that is far rarer than a misread alone.
inline constexpr double kRegistryScore = 0.7;
/// Each unregistered near-miss BG number in the envelope costs this factor.
inline constexpr double kVariantPenalty = 0.95;
/// Nothing is certain.
inline constexpr double kMaxConfidence = 0.99;

/// Combines the support into a confidence in 0..kMaxConfidence; 0 without any hits.
[[nodiscard]] double CaseConfidence(const CaseSupport& support);

}  // namespace mailroom::classifier
