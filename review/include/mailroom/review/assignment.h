// A clerk's decision on a review document: which case it belongs to. Checked against the registry
// first (the person is shown before anything is written), then carried out so that the document
// lies in its Postkorb exactly as an automatically routed one, with who decided and when.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/review/in_tray.h"

namespace mailroom::review {

/// What the clerk typed or picked.
struct Assignment {
  std::string number;                   ///< a BG number or a customer number (spaces and case ignored)
  std::optional<std::string> doc_type;  ///< a corrected document type; else the classifier's guess stays
};

/// The case an assignment names, for the clerk to confirm.
struct ResolvedCase {
  std::string bg_number;
  std::string jobcenter_id;
  std::string doc_type;
  std::string team;
  std::vector<std::string> persons;  ///< "Given Surname, born YYYY-MM-DD" of each person of the BG
};

/// Looks the number up in the registry. Fails with a clear message when it is neither a registered
/// BG number nor a registered customer number, or the doc type is not one of the contract's.
[[nodiscard]] Result<ResolvedCase> ResolveCase(const classifier::Registry& registry,
                                               const classifier::ClassifierOptions& options,
                                               const ReviewDocument& document, const Assignment& assignment);

/// Moves the document from OUT_DIR/review/ into OUT_DIR/postkorb/<jobcenter>/<team>/: the PDF, then
/// the JSON (with the case, `resolved_by` and `resolved_at`), then the review files are removed.
/// Run again after a crash in between, it finishes the move; a document already in another
/// case's Postkorb is refused (never delivered twice). Returns the JSON's path relative to OUT_DIR.
[[nodiscard]] Result<std::filesystem::path> AssignDocument(const std::filesystem::path& out_dir,
                                                           const ReviewDocument& document, const ResolvedCase& resolved,
                                                           const std::string& resolved_by, UtcTime resolved_at);

/// Where a delivered copy of a document lies in OUT_DIR/postkorb/ (`json_name`: "<safe id>.json"),
/// if anywhere: a document is never delivered twice.
[[nodiscard]] std::optional<std::filesystem::path> InPostkorb(const std::filesystem::path& out_dir,
                                                              const std::string& json_name);

/// The ways a clerk accounts for a page by hand instead of delivering it (`review account --as`).
[[nodiscard]] const std::vector<std::string>& HandAccountKinds();

/// Takes a review document whose every page was accounted for by hand out of review/: its JSON,
/// PDF and original files move to OUT_DIR/accounted/ (kept, never deleted). Run again after a
/// crash in between, it finishes the move. Returns the JSON's path relative to OUT_DIR.
[[nodiscard]] Result<std::filesystem::path> MoveToAccounted(const std::filesystem::path& out_dir,
                                                            const ReviewDocument& document);

}  // namespace mailroom::review
