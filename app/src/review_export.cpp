#include "review_export.h"

#include <fmt/format.h>

#include "ledger_text.h"
#include "mailroom/common/event_log.h"

namespace mailroom::app {

std::string ExportSummaryText(const review::ExportSummary& summary, const std::filesystem::path& examples_dir) {
  const int written = summary.written();
  std::string text = fmt::format("{} labelled {} written to {}\n", written, written == 1 ? "example" : "examples",
                                 examples_dir.string());
  for (const auto& [doc_type, count] : summary.per_doc_type) text += fmt::format("  {:<16} {:>5}\n", doc_type, count);
  if (summary.without_text > 0) {
    text += fmt::format("{} resolved {} without a page of text: no example\n", summary.without_text,
                        summary.without_text == 1 ? "document" : "documents");
  }
  // The examples carry the mail's text: the person who exported them is told what they are.
  if (written > 0)
    text += "the examples hold page text (social data): keep them in the scan center, delete after training\n";
  return text;
}

tl::expected<std::string, ProcessError> ExportReviewExamples(const ReviewExportOptions& options) {
  std::optional<UtcTime> since;
  if (!options.since.empty()) {
    auto parsed = ParseTimeArgument(options.since);
    if (!parsed) return tl::unexpected(ProcessError{FailureKind::kBadInput, "--since: " + parsed.error().message});
    since = *parsed;
  }
  auto summary = review::ExportLabelledExamples(options.out_dir, options.examples_dir, since);
  // The input was fine, the examples could not be written: a failed run.
  if (!summary) return tl::unexpected(ProcessError{FailureKind::kRunFailed, summary.error().message});
  if (!summary->problems.empty()) {
    for (const auto& problem : summary->problems) eventlog::CommandError(problem);
    return tl::unexpected(
        ProcessError{FailureKind::kBadInput, fmt::format("nothing exported from {}: {} unreadable (named above)",
                                                         options.out_dir.string(), summary->problems.size())});
  }
  return ExportSummaryText(*summary, options.examples_dir);
}

}  // namespace mailroom::app
