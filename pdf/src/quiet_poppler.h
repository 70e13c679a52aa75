// Poppler reports parse errors by printing them to stderr. Those messages can quote a page's
// content stream (its text), and stderr is not our log, so they are swallowed.
#pragma once

namespace mailroom::pdf {

/// Installs a poppler error function that discards every message. Idempotent and thread-safe;
/// called before the first poppler call of each PdfDocument::Open.
void QuietPoppler();

}  // namespace mailroom::pdf
