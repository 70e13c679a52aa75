// Layouts of the non-document sheets: the envelope separator sheet, simple test pages and the
// text on the other side of a sheet.
#pragma once

#include <string>

#include "layout.h"
#include "mailroom/samplegen/samplegen.h"

namespace mailroom::samplegen {

/// Payload of every separator sheet's barcode (see CONTRACT.md).
inline constexpr const char* kSeparatorPayload = "MAILROOM-SEP";

/// A separator sheet: a large "MAILROOM-SEP" barcode in `format` and the word "TRENNBLATT".
[[nodiscard]] PageLayout SeparatorLayout(const std::string& format);

/// A PageSpec as a layout: 12 pt DejaVu Sans lines, barcode top right.
[[nodiscard]] PageLayout TestPageLayout(const PageSpec& spec);

/// Some printed text for the other side of a sheet, where only its show-through matters: a few
/// paragraphs of letter text in an order chosen by `seed`.
[[nodiscard]] PageLayout BackTextLayout(unsigned seed);

}  // namespace mailroom::samplegen
