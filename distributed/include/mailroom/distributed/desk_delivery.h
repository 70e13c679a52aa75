// The review desk's deliveries in distributed mode: a document a clerk assigned is in the desk's
// OUT_DIR/postkorb/<jobcenter>/<team>/ (the desk wrote it there); this sink then publishes it to
// the jobcenter's Postkorb queue through the route worker's own publish path (publish_routed.h),
// with the broker's confirm, as a routed document with its PDF inline, exactly as the jobcenter's
// `mailroom postkorb` receives every other document.
//
// Nothing is lost, nothing doubled: Deliver succeeds only once the broker confirmed the message;
// when the broker is away it fails with the reason (the document stays in the desk's Postkorb
// folder), and taking the action again publishes it again. A second copy on the queue (a confirm
// lost with the connection) carries the same message id and the same bytes, which the Postkorb
// consumer recognises and acks without writing it twice.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/review/desk.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom/transport/reconnect.h"

namespace mailroom::distributed {

/// How long a clerk waits, at most, for a broker that is away before the action fails: a few
/// attempts with backoff, then an error the clerk can act on (take the action again later).
[[nodiscard]] inline transport::RetryPolicy DeskRetryPolicy() {
  transport::RetryPolicy policy;
  policy.initial = std::chrono::milliseconds{200};
  policy.max = std::chrono::milliseconds{2000};
  policy.give_up_after = std::chrono::milliseconds{10000};
  return policy;
}

struct DeskDeliveryOptions {
  transport::ConnectOptions connect;  ///< the scan center's broker (the router's user, not a jobcenter's)
  Topology topology;                  ///< the prefix of the queues
  transport::RetryPolicy retry = DeskRetryPolicy();
};

/// The routed document for a delivered Postkorb copy: `json_file` parsed (it must print back to
/// the same bytes, so the jobcenter gets exactly the desk's JSON), `pdf_file` inline, destination
/// "postkorb/<jobcenter_id>". Fails naming the file: unreadable, not a document JSON, another
/// jobcenter in the JSON than `jobcenter_id`, an empty PDF.
[[nodiscard]] Result<mailroom::v1::RoutedDocument> DeskRoutedDocument(const std::string& jobcenter_id,
                                                                      const std::filesystem::path& json_file,
                                                                      const std::filesystem::path& pdf_file);

/// The message id of a desk delivery: "<document_id>@sha256:<hex>" over the JSON and the PDF. The
/// same document with the same content always has the same id, so a repeat can be recognised;
/// a document changed since (another case, another type) has another.
[[nodiscard]] std::string DeskMessageId(const mailroom::v1::RoutedDocument& routed);

/// review::PostkorbSink onto the broker. Each Deliver opens its own connection (a clerk's actions
/// are minutes apart: a connection kept open between them would have missed its heartbeats) and
/// closes it again, so the sink is thread-safe and holds nothing between calls.
class QueuePostkorbSink : public review::PostkorbSink {
 public:
  explicit QueuePostkorbSink(DeskDeliveryOptions options) : options_(std::move(options)) {}

  /// Publishes the document (see DeskRoutedDocument) to the Postkorb queue of `jobcenter_id` and
  /// waits for the confirm. Idempotent: again with the same files, it publishes the same message
  /// under the same id. The error names the document, the queue and the reason, and says that the
  /// document waits in the desk's Postkorb folder.
  [[nodiscard]] Result<void> Deliver(const std::string& jobcenter_id, const std::filesystem::path& json_file,
                                     const std::filesystem::path& pdf_file) override;

 private:
  DeskDeliveryOptions options_;
};

}  // namespace mailroom::distributed
