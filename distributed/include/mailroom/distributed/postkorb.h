// The jobcenter side of the distributed mode: `mailroom postkorb` consumes the jobcenter's own
// queue and writes each routed document as the embedded run does (OUT/postkorb/<jobcenter_id>/
// <team>/<document_id>.pdf + .json, 0600, PDF first). A document is acked only once both files
// and its receipt are on disk (written atomically and fsync'ed), so a crash loses nothing: the
// broker delivers it again. The receipt (OUT/.mailroom-postkorb/<jobcenter_id>/<document_id>.json:
// the content hash of JSON and PDF, and when) outlives the files, which the jobcenter's import
// takes away: the same document again (the same bytes: a rebuilt document's dates are its box's)
// is acked and not written twice, even after its files are gone; other content under an id
// already delivered is refused (dead-lettered with the reason), never written.
#pragma once

#include <filesystem>
#include <string>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom/transport/reconnect.h"

namespace mailroom::distributed {

struct PostkorbOptions {
  std::string jobcenter_id;
  std::filesystem::path out_dir;
  Topology topology;
  /// Stop after this many documents (0: run until stopped): for tests and one-shot fetches.
  int max_documents = 0;
};

/// What became of one delivered document.
enum class Delivered {
  kWritten,  ///< written, and its receipt recorded
  kRepeat,   ///< delivered before with the same JSON and PDF: nothing written
};

/// Writes one routed document and records its receipt; kRepeat when its receipt says it was
/// delivered with the same content (whether or not its files are still there), or, without a
/// receipt, when its files are there byte for byte (the receipt is then recorded). Refuses
/// (writing nothing) a document that is not for this jobcenter, has no PDF, whose id or team is
/// not a safe file name, or whose id is delivered already with other content (JSON or PDF).
[[nodiscard]] Result<Delivered> WritePostkorbDocument(const mailroom::v1::RoutedDocument& routed,
                                                      const PostkorbOptions& options);

/// Consumes OUT's jobcenter queue until `stop` is set (or max_documents are written),
/// reconnecting after broker restarts. A message that cannot be written (not for this jobcenter,
/// unparsable, other content under a delivered id) goes to the queue's dead-letter queue with the
/// reason in `x-mailroom-error`; a repeat is acked and logged ("postkorb.repeat").
/// Returns the number of documents written (repeats not counted).
[[nodiscard]] Result<int> RunPostkorb(const transport::ConnectOptions& broker, const PostkorbOptions& options,
                                      const transport::StopFlag& stop, transport::RetryPolicy retry = {});

}  // namespace mailroom::distributed
