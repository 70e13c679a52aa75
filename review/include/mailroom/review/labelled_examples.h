// Learning from the desk: every document a clerk resolved is a labelled example of its document
// type (the type the clerk confirmed, the text of its pages from the PDF's OCR text layer), for
// tools/train-doctype.sh. The examples carry page text, which is social data: they are written
// 0600 into a folder the caller names and never logged.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/common/utc_time.h"

namespace mailroom::review {

/// One document resolved at the review desk, as a training example of its document type.
struct LabelledExample {
  std::string document_id;
  std::string box_id;
  std::string doc_type;             ///< the type the clerk confirmed (the guess kept, or corrected with --doc-type)
  std::string resolved_at;          ///< when the clerk decided (ISO 8601 UTC)
  std::string classifier_doc_type;  ///< the classifier's guess where the clerk corrected it, else empty
  /// The text layer of each page that was read, in order. Left out: the notice page that stands in
  /// for a page that could not be read (its text is mailroom's, not the sender's) and pages
  /// without text.
  std::vector<std::string> pages;
};

/// The documents of an output folder resolved at the desk, and the files that could not be read.
struct DeskResolutions {
  std::vector<LabelledExample> examples;  ///< by document id
  std::vector<std::string> problems;      ///< "<file>: <reason>", sorted: a broken JSON or PDF
  int without_text = 0;                   ///< resolved documents without a page of text: no example
};

/// Reads every OUT_DIR/postkorb/**/*.json that carries "resolved_by" and, with `since`, was
/// resolved at or after it; documents routed without a person are not examples. The page text
/// comes from the document's PDF (the JSON's "pdf"). A JSON that is not a document, a resolved
/// one without a valid "resolved_at", a PDF that is missing or cannot be read: named in
/// `problems`, never skipped quietly (the others are still read). An OUT_DIR without postkorb/
/// has no examples. Fails only when OUT_DIR is missing or postkorb/ cannot be read.
[[nodiscard]] Result<DeskResolutions> ReadDeskResolutions(const std::filesystem::path& out_dir,
                                                          std::optional<UtcTime> since = std::nullopt);

/// The one file of an example, as train-doctype --desk-examples reads it: a JSON object with
/// "schema_version" (1), "document_id", "box_id", "doc_type", "resolved_at" and "pages" (an array
/// of page texts). Bytes that are not UTF-8 become U+FFFD.
[[nodiscard]] std::string LabelledExampleJson(const LabelledExample& example);

/// The example file's name in EXAMPLES_DIR: "<document id made safe>.json".
[[nodiscard]] std::string LabelledExampleFileName(const LabelledExample& example);

/// What ExportLabelledExamples did.
struct ExportSummary {
  std::map<std::string, int> per_doc_type;  ///< examples written, per doc_type
  int without_text = 0;                     ///< resolved documents without text (not written)
  /// "<file>: <reason>" of every file (or the OUT_DIR) that could not be read; when not empty,
  /// nothing was written.
  std::vector<std::string> problems;

  [[nodiscard]] int written() const;
};

/// ReadDeskResolutions, then one file per example, EXAMPLES_DIR/<document_id>.json (0600; the
/// folder is made 0700 if missing). Exporting again, from this or another output folder, adds to
/// the folder; an example already there is written again with the same content (a document is
/// resolved once). All or nothing: when any file could not be read, nothing is written and
/// `problems` names each one (a missing OUT_DIR too), so a training set is never short of
/// documents without anyone knowing. Fails only when an example cannot be written (naming the
/// file): the input was fine, the run was not.
[[nodiscard]] Result<ExportSummary> ExportLabelledExamples(const std::filesystem::path& out_dir,
                                                           const std::filesystem::path& examples_dir,
                                                           std::optional<UtcTime> since = std::nullopt);

}  // namespace mailroom::review
