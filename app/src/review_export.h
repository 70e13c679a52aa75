// `mailroom review export`: the documents resolved at the review desk as labelled examples for
// tools/train-doctype.sh (DESK_EXAMPLES=DIR). Private to app/.
#pragma once

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "mailroom/app/process_box.h"
#include "mailroom/review/labelled_examples.h"

namespace mailroom::app {

struct ReviewExportOptions {
  std::filesystem::path out_dir;       ///< OUT_DIR of mailroom process
  std::filesystem::path examples_dir;  ///< where the examples go (made 0700 if missing)
  std::string since;                   ///< "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ": resolved at or after; empty: all
};

/// What the command prints: how many examples were written, per doc_type, and where.
[[nodiscard]] std::string ExportSummaryText(const review::ExportSummary& summary,
                                            const std::filesystem::path& examples_dir);

/// Exports every resolved document of OUT_DIR (review::ExportLabelledExamples) and returns the
/// summary text. Bad input (kBadInput, exit 2): an unparsable --since, a missing OUT_DIR, or any
/// JSON or PDF that cannot be read; each such file is named on stderr first, and nothing is
/// written. An example that cannot be written is kRunFailed (exit 1). Never logs page text.
[[nodiscard]] tl::expected<std::string, ProcessError> ExportReviewExamples(const ReviewExportOptions& options);

}  // namespace mailroom::app
