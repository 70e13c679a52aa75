// `mailroom process`: every stage of the embedded pipeline, wired together for one box.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

#include "mailroom/classifier/classifier.h"
#include "mailroom/common/result.h"
#include "mailroom/ocr/ocr.h"

namespace mailroom::app {

struct ProcessOptions {
  std::filesystem::path box_dir, registry_dir, out_dir;
  int jobs = 0;  ///< worker threads; 0 = all cores
  ocr::OcrOptions ocr;
  ingest::PageLimits page_limits;            ///< what a page file may claim before it goes to review unread
  classifier::ClassifierOptions classifier;  ///< threshold, teams, document-type model file
  bool progress = true;                      ///< a progress line on stderr (counts only)
  /// The box ledger: when set, the box must be registered there, and its pages are recorded as
  /// delivered or accounted for (see box_custody.h). Empty: no ledger.
  std::filesystem::path ledger_file;
  std::string operator_id;  ///< who runs it, for the ledger's audit trail
};

/// What the run did, for the summary line.
struct ProcessSummary {
  std::string box_id;
  int pages_in = 0, pages_routed = 0, pages_review = 0, blank_pages = 0, separator_pages = 0;
  int documents_routed = 0, documents_review = 0;
  std::map<std::string, int> documents_per_jobcenter;
  std::chrono::duration<double> elapsed{};
  std::string ledger_state;         ///< the box's state in the ledger afterwards; empty without a ledger
  int ledger_pages_open = 0;        ///< pages the ledger still waits for: in review documents, readable or not
  int ledger_pages_unreadable = 0;  ///< of those, the pages that could not be read
};

/// The kind of failure, for the exit code: bad input stops before anything is written.
enum class FailureKind { kBadInput, kRunFailed };
struct ProcessError {
  FailureKind kind;
  std::string message;
};

/// Runs the box through reading, classification and routing, and writes OUT_DIR (see CONTRACT.md).
/// A bad registry or box.json stops the run before anything is written; a bad page goes to
/// review with its reason and the rest of the box goes through.
[[nodiscard]] tl::expected<ProcessSummary, ProcessError> ProcessBox(const ProcessOptions& options);

/// The summary printed at the end of a run: pages in, routed, review, blank, separators,
/// documents per jobcenter, elapsed time, pages/min.
[[nodiscard]] std::string FormatSummary(const ProcessSummary& summary, const std::filesystem::path& out_dir);

/// mailroom's version, the Tesseract, Leptonica and zxing-cpp versions it runs with, and
/// OMP_THREAD_LIMIT as this process sees it (1 unless the operator set another value).
[[nodiscard]] std::string VersionText();

}  // namespace mailroom::app
