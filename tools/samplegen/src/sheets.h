// Layouts of the non-document sheets: the envelope separator sheet and simple test pages.
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

}  // namespace mailroom::samplegen
