// The jobcenter side of the distributed mode: `mailroom postkorb` consumes the jobcenter's own
// queue and writes each routed document as the embedded run does (OUT/postkorb/<jobcenter_id>/
// <team>/<document_id>.pdf + .json, 0600, PDF first). A document is acked only once both files
// are on disk (written atomically and fsync'ed), so a crash loses nothing: the broker delivers it
// again, and a document already written is recognised by its id and not written twice: the same
// JSON again is acked, another JSON under an id already delivered is refused (dead-lettered with
// the reason), never written over the first.
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
enum class Delivered { kWritten, kAlreadyThere };

/// Writes one routed document; kAlreadyThere when its JSON is there already, byte for byte (the
/// PDF is then not written again). Refuses (writing nothing) a document that is not for this
/// jobcenter, has no PDF, whose id or team is not a safe file name, or whose id is delivered
/// already with another JSON.
[[nodiscard]] Result<Delivered> WritePostkorbDocument(const mailroom::v1::RoutedDocument& routed,
                                                      const PostkorbOptions& options);

/// Consumes OUT's jobcenter queue until `stop` is set (or max_documents are written),
/// reconnecting after broker restarts. A message that cannot be written (not for this jobcenter,
/// unparsable) goes to the queue's dead-letter queue with the reason in `x-mailroom-error`.
/// Returns the number of documents written.
[[nodiscard]] Result<int> RunPostkorb(const transport::ConnectOptions& broker, const PostkorbOptions& options,
                                      const transport::StopFlag& stop, transport::RetryPolicy retry = {});

}  // namespace mailroom::distributed
