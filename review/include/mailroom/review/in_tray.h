// The review in-tray: the documents mailroom was not sure of, as a clerk works through them.
// Read from an output folder's review/ (what `mailroom process` writes); the desk's web page and
// the `mailroom review` commands show the same list in the same order.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "mailroom/common/result.h"
#include "mailroom/common/utc_time.h"

namespace mailroom::review {

/// What points to one candidate case: bg_number, jobcenter_id (if the registry has one), score
/// (0..1), numbers (where one of the case was read: "barcode", "printed_bg", "customer_number") and
/// person_match (the person's fields that matched, by name).
using CandidateEvidence = classifier::CandidateEvidence;

/// One document waiting for a person: the contract's fields of its JSON.
struct ReviewDocument {
  std::string document_id;
  std::string box_id;
  std::string box_arrived_at;  ///< when its box arrived (ISO 8601 UTC): the age counts from here
  std::string doc_type;        ///< the classifier's best guess
  std::string reason;          ///< why a person must decide
  bool priority = false;       ///< an objection (Widerspruch): deadlines run, so it comes first
  std::optional<std::string> contested_decision_date;
  double confidence = 0;
  std::vector<std::string> pages;       ///< input file names, in order
  std::vector<std::string> candidates;  ///< BG numbers the evidence points to, best first
  std::vector<std::string> evidence;
  std::vector<std::string> person_match;
  /// Why each candidate is offered, in the order of `candidates`; empty for a document written
  /// before the evidence was recorded, or one without candidates.
  std::vector<CandidateEvidence> candidate_evidence;
  std::filesystem::path json_file;  ///< the document's JSON
  std::filesystem::path pdf_file;   ///< its PDF (pages and notice pages), beside the JSON
};

/// The open review documents of an output folder, and the files that could not be read as one.
struct InTray {
  std::vector<ReviewDocument> documents;  ///< in working order (see ListInTray)
  std::vector<std::string> problems;      ///< "<file>: <reason>" for a JSON that is not a document
};

/// Reads OUT_DIR/review/*.json. Working order: objections first, then the oldest box first, then
/// by document id. A broken JSON is not skipped silently: it is named in `problems`, the others
/// are listed. Fails only when OUT_DIR has no review/ folder that can be read ("<dir>: <reason>").
[[nodiscard]] Result<InTray> ListInTray(const std::filesystem::path& out_dir);

/// The review document with this id; fails naming the id and OUT_DIR when it is not in review.
[[nodiscard]] Result<ReviewDocument> FindReviewDocument(const std::filesystem::path& out_dir,
                                                        const std::string& document_id);

/// How long the document has waited since its box arrived: "45 min", "5 h", "3 d 4 h".
/// An unparsable or future arrival time gives "?".
[[nodiscard]] std::string WaitingTime(const std::string& box_arrived_at, UtcTime now);

}  // namespace mailroom::review
