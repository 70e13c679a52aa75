// Where on a document's first page a customer writes a case or customer number: in the header, in
// the Betreff, in a sentence of the body, in a footer line at the bottom, or in a form's field.
#pragma once

#include <string>

#include "layout.h"
#include "rng.h"

namespace mailroom::samplegen {

enum class Place { kHeader, kSubject, kBody, kFooter, kFormField };

/// The number to place: a BG number or a customer number, already written as the customer does.
struct Reference {
  std::string written;    ///< e.g. "35301.BG.12345"
  bool customer = false;  ///< a customer number (no form field; other labels)
};

/// A place that `page` offers: Betreff and body only on letters (they have a salutation), the form
/// field only on forms that have an empty "Nummer der Bedarfsgemeinschaft:" (and only for BG numbers).
[[nodiscard]] Place RandomPlace(const PageLayout& page, const Reference& reference, Rng& rng);

/// Prints `reference` at `place` on `page` with a label or sentence drawn from `rng`. A place the
/// page does not offer falls back to the header.
void PlaceReference(PageLayout& page, Place place, const Reference& reference, Rng& rng);

/// Letters: inserts a paragraph after the first paragraph of the body (after the salutation); other
/// pages: appends it. Used for body sentences that quote numbers and for decoys.
void AddBodySentence(PageLayout& page, const std::string& sentence);

/// True for the first page of a letter (it has the salutation).
[[nodiscard]] bool IsLetterPage(const PageLayout& page);

}  // namespace mailroom::samplegen
