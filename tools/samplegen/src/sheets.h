// Layouts of the non-document sheets: the envelope separator sheet, simple test pages and the
// text on the other side of a sheet.
#pragma once

#include <string>

#include "layout.h"
#include "mailroom/common/result.h"
#include "mailroom/samplegen/samplegen.h"

namespace mailroom::samplegen {

/// Payload of every separator sheet's barcode (see CONTRACT.md).
inline constexpr const char* kSeparatorPayload = "MAILROOM-SEP";

/// A separator sheet: a large "MAILROOM-SEP" barcode in `format` and the word "TRENNBLATT".
[[nodiscard]] PageLayout SeparatorLayout(const std::string& format);

/// A patch-code separator sheet (Kodak's patch `patch`: "1", "2", "3", "4", "6" or "T"): the code
/// at the top edge (its leading edge) and once more, turned, at the bottom edge, so the sheet reads
/// the same fed either way up; "TRENNBLATT" and the patch's name in between. Fails on another name.
[[nodiscard]] Result<PageLayout> PatchSheetLayout(const std::string& patch);

/// The separator sheet of envelope `envelope` (1-based) for `options.separator`: SeparatorLayout
/// in `barcode_format`, or a patch T or patch 2 sheet. kMixed chooses from the seed and the
/// envelope alone, so the choice takes no draw from the box's other random decisions.
[[nodiscard]] PageLayout SeparatorSheet(const SampleOptions& options, int envelope, const std::string& barcode_format);

/// A PageSpec as a layout: 12 pt DejaVu Sans lines, barcode top right.
[[nodiscard]] PageLayout TestPageLayout(const PageSpec& spec);

/// Some printed text for the other side of a sheet, where only its show-through matters: a few
/// paragraphs of letter text in an order chosen by `seed`.
[[nodiscard]] PageLayout BackTextLayout(unsigned seed);

}  // namespace mailroom::samplegen
