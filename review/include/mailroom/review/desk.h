// The review desk: every decision a clerk can take on a review document, carried out the same
// way whether it comes from the web page (`mailroom review serve`) or the command line
// (`mailroom review assign|split|join|account|rescan`). Each action is written to the ledger first,
// in one transaction with who and when and an audit row, and then carried out in the output folder
// (and, in distributed mode, published to the jobcenter's queue); an action interrupted in between
// is finished by taking it again.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/common/result.h"
#include "mailroom/common/utc_time.h"
#include "mailroom/review/assignment.h"
#include "mailroom/review/in_tray.h"

namespace mailroom::review {

/// Where a resolved document goes besides the output folder's Postkorb. In distributed mode the
/// router's publish path (with publisher confirms) to the jobcenter's queue; none in embedded mode.
/// Called after the document's JSON and PDF are in OUT_DIR/postkorb/...; must be idempotent per
/// document id (the desk calls it again when an earlier attempt was interrupted).
struct PostkorbSink {
  virtual ~PostkorbSink() = default;
  /// `json_file` and `pdf_file` are the delivered copies in OUT_DIR/postkorb/<jobcenter>/<team>/.
  [[nodiscard]] virtual Result<void> Deliver(const std::string& jobcenter_id, const std::filesystem::path& json_file,
                                             const std::filesystem::path& pdf_file) = 0;
};

struct DeskOptions {
  std::filesystem::path out_dir;             ///< the output folder whose review/ the desk works
  std::filesystem::path ledger_file;         ///< the box ledger; must exist (never created by the desk)
  std::filesystem::path registry_dir;        ///< jobcenters.csv and cases.csv
  classifier::ClassifierOptions classifier;  ///< the teams, as `process` was given them
  std::shared_ptr<PostkorbSink> sink;        ///< distributed mode; null: the output folder only
};

/// Who acts, and when: goes into the document's JSON (resolved_by), the ledger and its audit.
struct Clerk {
  std::string login;
  UtcTime at;
};

/// A refusal is the clerk's to fix (a wrong number, a page that is not in the document, an action
/// not allowed any more): the web page shows it, the command exits 2. A failure is the system's
/// (a file that cannot be written, a broken ledger): exit 1, HTTP 500.
struct DeskError {
  enum class Kind { kRefused, kFailed } kind;
  std::string message;
};

template <typename T>
using DeskResult = tl::expected<T, DeskError>;

/// What an action did, in words for the clerk (ids only, no person's data) and for scripts.
struct DeskOutcome {
  std::string summary;                   ///< e.g. "BOX-1-003 delivered to postkorb/jobcenter-kiel/leistung"
  std::vector<std::string> documents;    ///< the review documents the action left (split: both parts)
  std::optional<std::string> delivered;  ///< the JSON's path relative to OUT_DIR, when delivered
  bool box_delivered = false;            ///< the box turned delivered with this action
};

class Desk {
 public:
  /// Loads the registry and checks the ledger and the output folder exist.
  [[nodiscard]] static DeskResult<Desk> Open(DeskOptions options);

  [[nodiscard]] const DeskOptions& options() const { return options_; }
  [[nodiscard]] const classifier::Registry& registry() const { return registry_; }

  /// The open review documents in working order (see ListInTray).
  [[nodiscard]] DeskResult<InTray> List() const;
  [[nodiscard]] DeskResult<ReviewDocument> Find(const std::string& document_id) const;

  /// The origin jobcenter of the document's box, from the ledger: whose mail it is, so which
  /// clerks may see it. Refused when the ledger does not know the box.
  [[nodiscard]] DeskResult<std::string> OriginOf(const ReviewDocument& document) const;

  /// The case an assignment names, with its persons, for the clerk to confirm; writes nothing.
  [[nodiscard]] DeskResult<ResolvedCase> Preview(const std::string& document_id, const Assignment& assignment) const;

  /// Delivers the document into the case's Postkorb (and the sink), recorded as resolved by `clerk`.
  [[nodiscard]] DeskResult<DeskOutcome> Assign(const std::string& document_id, const Assignment& assignment,
                                               const Clerk& clerk);

  /// Forwards the document to a jobcenter without a case (its Postkorb, `bg_number` null, with
  /// `resolved_by`): for mail whose case no clerk can find at the desk, so that the jobcenter's
  /// staff research it. `jobcenter_id` empty: the origin jobcenter of its box. A jobcenter the
  /// registry does not know is refused.
  [[nodiscard]] DeskResult<DeskOutcome> Forward(const std::string& document_id, const std::string& jobcenter_id,
                                                const std::optional<std::string>& doc_type, const Clerk& clerk);

  /// Splits the document before page `first_page_of_second` (1-based, 2..pages): two review
  /// documents "<id>.1" and "<id>.2" (PDF split, reason "split at the review desk"), each to be
  /// assigned on its own; the original leaves review/.
  [[nodiscard]] DeskResult<DeskOutcome> Split(const std::string& document_id, int first_page_of_second,
                                              const Clerk& clerk);

  /// Joins the document to the review document of the same box that comes before it in scan order
  /// (its pages appended after the earlier one's). Refused when there is none in review.
  [[nodiscard]] DeskResult<DeskOutcome> Join(const std::string& document_id, const Clerk& clerk);

  /// Accounts for one page by hand (kind one of HandAccountKinds(), `reason` free words for the
  /// audit, no page text); a document with no page left to deliver moves to OUT_DIR/accounted/.
  [[nodiscard]] DeskResult<DeskOutcome> Account(const std::string& document_id, const std::string& page,
                                                const std::string& kind, const std::string& reason, const Clerk& clerk);

  /// Sends a page back to be scanned again: recorded in the ledger as a rescan request; the page
  /// stays in the document, and the document in review, until the new scan arrives.
  [[nodiscard]] DeskResult<DeskOutcome> Rescan(const std::string& document_id, const std::string& page,
                                               const std::string& reason, const Clerk& clerk);

  /// The new scan of a page sent to rescan arrived (`mailroom review rescanned`): `page_pdf` (one
  /// searchable page, read like any other) takes the old page's place in the document's PDF, the
  /// request is closed, and a page that could not be read before now counts as in review. The
  /// document stays in review for the clerk to decide with the better page.
  [[nodiscard]] DeskResult<DeskOutcome> ReceiveRescan(const std::string& document_id, const std::string& page,
                                                      const std::filesystem::path& page_pdf, const Clerk& clerk);

 private:
  Desk(DeskOptions options, classifier::Registry registry);
  DeskResult<DeskOutcome> Deliver(const ReviewDocument& document, const ResolvedCase& resolved, const Clerk& clerk);
  DeskResult<DeskOutcome> FinishDelivered(const std::string& document_id, const std::string& jobcenter_id,
                                          const std::string& bg_number, const DeskError& not_in_review,
                                          const Clerk& clerk);
  DeskOptions options_;
  classifier::Registry registry_;
};

}  // namespace mailroom::review
