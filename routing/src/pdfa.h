// PDF/A-2b identification for the documents we write, done in the same qpdf pass that joins
// the page PDFs (no second pass through another program). The page PDFs from Tesseract already
// meet the content rules (embedded glyph-less font with ToUnicode, CCITT G4 images, no
// transparency); what they lack is added here: XMP metadata that names the PDF/A part and
// conformance, an Info dictionary that matches it, and an output intent (sRGB) that makes the
// device-dependent grey images well defined.
#pragma once

#include <optional>
#include <string>

#include <qpdf/QPDF.hh>

namespace mailroom::routing {

/// The sRGB ICC profile (Debian's icc-profiles-free), read once; nullopt if it is not installed,
/// in which case documents are written as plain PDF.
[[nodiscard]] const std::optional<std::string>& SrgbProfile();

/// Adds the PDF/A-2b identification to `pdf`: title (no personal data: the document id), the
/// producer and `created_at` (ISO 8601 UTC, a fact of the document such as its box's arrival,
/// never the clock) as creation and modification date in both XMP and Info; no dates at all when
/// `created_at` is empty or not such a time (PDF/A allows that; the clock would make every
/// rebuild differ).
void MarkAsPdfA2b(QPDF& pdf, const std::string& title, const std::string& icc_profile, const std::string& created_at);

}  // namespace mailroom::routing
