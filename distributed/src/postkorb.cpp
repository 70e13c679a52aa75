#include "mailroom/distributed/postkorb.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "consume_loop.h"
#include "dead_letter.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/common/event_log.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/output.h"
#include "mailroom/transport/reconnecting_connection.h"

namespace mailroom::distributed {
namespace {

std::string ReadIfExists(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

Result<Delivered> WritePostkorbDocument(const mailroom::v1::RoutedDocument& routed, const PostkorbOptions& options) {
  const auto& doc = routed.document();
  const std::string id = doc.document_id();
  // A document for another jobcenter must never be written here, whatever queue it came through.
  if (routed.destination() != "postkorb/" + options.jobcenter_id ||
      doc.jobcenter_id().string_value() != options.jobcenter_id) {
    return Fail("document " + id + " is for " + routed.destination() + ", not postkorb/" + options.jobcenter_id);
  }
  if (id.empty() || routing::SafeFileName(id) != id || doc.team().empty() ||
      routing::SafeFileName(doc.team()) != doc.team()) {
    return Fail("document '" + id + "': id or team is not a safe file name");
  }
  if (routed.pdf().empty()) return Fail("document " + id + ": no PDF in the message");

  const auto folder = options.out_dir / "postkorb" / options.jobcenter_id / doc.team();
  if (auto made = CreatePrivateDirectories(folder); !made) return tl::unexpected(made.error());
  auto json = proto::ToJson(doc);
  if (!json) return tl::unexpected(json.error());
  const auto json_path = folder / (id + ".json");
  // The JSON is written last, so once it is there the document is delivered, and it is never
  // written again. The same JSON is a repeat: a redelivery after a lost ack, a router that crashed
  // before its ack, a clerk's action taken again. Its PDF may differ only in the time it was made
  // (a router assembles it again), and the first one stays. Another JSON under the same id is not a
  // repeat: it is refused, to be looked at, rather than replacing what the jobcenter may have read.
  if (const std::string existing = ReadIfExists(json_path); !existing.empty()) {
    if (existing == *json) return Delivered::kAlreadyThere;
    return Fail("document " + id + " is in " + folder.string() +
                " already, with other content: not overwritten (the message is kept to be looked at)");
  }
  // The PDF first, the JSON last: whoever waits for the JSON finds the PDF complete.
  if (auto written = WriteFileAtomically(folder / doc.pdf(), routed.pdf()); !written) {
    return tl::unexpected(written.error());
  }
  if (auto written = WriteFileAtomically(json_path, *json); !written) return tl::unexpected(written.error());
  return Delivered::kWritten;
}

Result<int> RunPostkorb(const transport::ConnectOptions& broker, const PostkorbOptions& options,
                        const transport::StopFlag& stop, transport::RetryPolicy retry) {
  const std::string queue = options.topology.Postkorb(options.jobcenter_id);
  transport::ReconnectingConnection connection(
      broker, std::move(retry), [&](transport::Connection& c) { return c.Consume(queue, 8); }, &stop);
  int written = 0;
  auto consumed = ConsumeUntil(
      connection, stop, [&] { return options.max_documents != 0 && written >= options.max_documents; },
      [&](const transport::Delivery& d) {
        const auto start = std::chrono::steady_clock::now();
        mailroom::v1::RoutedDocument routed;
        Result<Delivered> done = routed.ParseFromString(d.message.body)
                                     ? WritePostkorbDocument(routed, options)
                                     : Fail("message " + d.message.message_id + " is not a routed document");
        // When dead-lettering or the ack fails, the connection is gone and the broker delivers the
        // message again: nothing to do here but go on (the next Receive reconnects).
        if (!done) {
          static_cast<void>(DeadLetter("postkorb", connection, d, options.topology, queue, done.error().message));
          return;
        }
        // Acked only now: the files are on disk. A lost ack means a redelivery, recognised above.
        const bool acked = connection.Ack(d.delivery_tag).has_value();
        if (acked && *done == Delivered::kWritten) {
          ++written;
          eventlog::Log(eventlog::Level::kInfo, "postkorb.written",
                        {.box_id = routed.document().box_id(),
                         .document_id = routed.document().document_id(),
                         .more = {{"jobcenter_id", options.jobcenter_id}, {"team", routed.document().team()}}},
                        "");
          metrics::CountPages("postkorb", "out", routed.document().pages_size());
          metrics::ObserveStage("postkorb", metrics::SecondsSince(start));
        }
      });
  if (!consumed) return tl::unexpected(consumed.error());
  return written;
}

}  // namespace mailroom::distributed
