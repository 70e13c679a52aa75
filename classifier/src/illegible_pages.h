// Pages whose print could not be read: faint dot-matrix print, a stain over the text, a damaged
// copy. OCR returns little from them, so whatever they say about their case is unknown: such a
// page may be another household's (a neighbour's bank statement put in with one's own letter) and
// must not inherit the case the envelope's other pages point to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mailroom/classifier/registry.h"
#include "mailroom/flow/page_reading.h"

namespace mailroom::classifier {

/// A page with at least this much ink in pieces the size of print (square millimetres) has text:
/// a few lines. Notes by hand on a back side stay below it.
inline constexpr float kMinIllegibleInkMm2 = 400;
/// ... and is illegible when this share of that ink or more lies outside confidently read words.
/// Well read pages, stains and shadows included, stay under 0.3.
inline constexpr float kMinIllegibleShare = 0.45F;

/// True for a content page that has print but of which OCR read too little (PageReading's
/// ink_mm2 and unread_ink_share).
[[nodiscard]] bool IsIllegible(const PageReading& page);

/// The first page of `pages` that is illegible and whose own case numbers or barcodes (as far as
/// they could be read) do not name `bg_number` in the registry: a garbled number that names no
/// registered case is no evidence that the page belongs to the case.
[[nodiscard]] const PageReading* IllegibleWithoutOwnCase(const std::vector<const PageReading*>& pages,
                                                         const std::string& bg_number, const Registry& registry);

}  // namespace mailroom::classifier
