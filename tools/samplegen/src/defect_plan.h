// Which scan defects a page of the box gets. Every page draws its defects from its own generator
// (seeded from a stream separate from the documents'), always with the same number of draws, so
// the shares in SampleOptions change only the pages they are about.
#pragma once

#include <cstdint>

#include "mailroom/samplegen/samplegen.h"
#include "scan_defects.h"

namespace mailroom::samplegen {

/// What a sheet is, as far as defects go: paper effects (tint, show-through, holes) hit content
/// and blank sheets, rotation only content, light and lid shadow every sheet.
enum class SheetRole { kSeparator, kContent, kBlank };

/// The defects of one page, decided from `seed` and the options' shares.
[[nodiscard]] SheetDefects PlanSheetDefects(const SampleOptions& options, SheetRole role, std::uint32_t seed);

}  // namespace mailroom::samplegen
