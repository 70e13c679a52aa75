// The review desk's side of the distributed mode (`mailroom worker review-intake`): consumes the
// review queue and puts each document into OUT_DIR/review/ exactly as `mailroom process` writes it
// (<document_id>.pdf, the originals of unreadable pages <document_id>.<n>.orig<ext>, then
// <document_id>.json: the same names and bytes), where the desk
// (`mailroom review`) works through it.
//
// Nothing is lost, nothing doubled, nothing comes back that a clerk settled:
// - a document is first written complete into a private folder of its own
//   (OUT_DIR/.mailroom-review-intake/<id>.staged/), every file fsync'ed; then a marker
//   OUT_DIR/.mailroom-review-intake/<id> records that the document was taken in (with its JSON's
//   hash); only then are its files renamed into review/ (the JSON last), review/ synced and the
//   private folder removed, and only then is the message acked. A worker killed anywhere in between leaves no half
//   document in view, and the redelivered message finishes the move.
// - a message for a document taken in before (the marker) is acked without writing anything,
//   whatever the desk did with the document since: assigned, split, joined, accounted for.
// - a document that is in review/, in OUT_DIR/postkorb/<jobcenter>/<team>/ or OUT_DIR/accounted/
//   already, or resolved in the ledger, is not written either (a folder that was filled another
//   way, or markers lost with a restored backup).
// - a message that is no review document, or another JSON under an id taken in before, goes to the
//   dead-letter queue with the reason; one that cannot be written now (a full disk) is put back,
//   and after the queue's delivery limit the broker dead-letters it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom/transport/reconnect.h"

namespace mailroom::distributed {

struct ReviewIntakeOptions {
  transport::ConnectOptions connect;
  transport::RetryPolicy retry;
  Topology topology;
  std::filesystem::path out_dir;  ///< the desk's output folder: review/, postkorb/, accounted/
  /// The box ledger (must exist; empty: none): a document resolved there is not taken in again.
  std::filesystem::path ledger_file;
  /// Stop after this many documents written (0: until stopped): for tests and one-shot fetches.
  int max_documents = 0;
};

/// What became of one review document.
enum class Intake {
  kWritten,       ///< now in review/
  kAlreadyThere,  ///< taken in before (in review/ now, or settled by the desk since)
  kSettled,       ///< found in the Postkorb, in accounted/ or resolved in the ledger: not taken in
  kRefused,       ///< not a review document, or another JSON under an id taken in before
};

struct IntakeOutcome {
  Intake intake = Intake::kWritten;
  std::string reason;  ///< kRefused: why (ids and causes only); kSettled: where it was found
};

/// Whether the ledger has resolved the document (box id, document id). Asked only about a document
/// that was not taken in before. Empty: no ledger.
using ResolvedInLedger = std::function<Result<bool>(const std::string& box_id, const std::string& document_id)>;

/// Takes one routed review document into `out_dir` (see the file comment). The error is the
/// system's (a file that cannot be written, a ledger that cannot be read): the message stays.
[[nodiscard]] Result<IntakeOutcome> TakeIntoReview(const mailroom::v1::RoutedDocument& routed,
                                                   const std::filesystem::path& out_dir,
                                                   const ResolvedInLedger& resolved_in_ledger = {});

/// Consumes the review queue into `options.out_dir` until `stop` (or max_documents), reconnecting
/// after broker restarts. Fails at the start when the ledger file does not exist or the output
/// folder cannot be made. Returns the number of documents written.
[[nodiscard]] Result<int> RunReviewIntake(const ReviewIntakeOptions& options, const transport::StopFlag& stop);

}  // namespace mailroom::distributed
