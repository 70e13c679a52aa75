#include "mailroom/distributed/postkorb.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "consume_loop.h"
#include "dead_letter.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/common/event_log.h"
#include "mailroom/common/utc_time.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/message_names.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/output.h"
#include "mailroom/transport/reconnecting_connection.h"
#include "postkorb_receipts.h"

namespace mailroom::distributed {
namespace {

std::string ReadIfExists(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Refusal(const std::string& id, const std::string& where) {
  return "document " + id + " is " + where +
         " already, with other content: not written (the message is kept to be looked at)";
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

  auto json = proto::ToJson(doc);
  if (!json) return tl::unexpected(json.error());
  const std::string content = DocumentContentRef(*json, routed.pdf());
  // A repeat is known by its receipt, whether or not the jobcenter's import has taken the files
  // away: a redelivery after a lost ack, a router that crashed before its ack, a clerk's action
  // taken again, all carry the same bytes (a rebuilt document too: its dates are the box's). Other
  // content under a delivered id is not a repeat: it is refused, to be looked at, and never
  // written where the jobcenter would import it a second time.
  const PostkorbReceipts receipts(options.out_dir, options.jobcenter_id);
  auto receipt = receipts.Find(id);
  if (!receipt) return tl::unexpected(receipt.error());
  if (*receipt) {
    if ((*receipt)->content == content) return Delivered::kRepeat;
    return Fail(Refusal(id, "delivered (" + (*receipt)->delivered_at + ", " + (*receipt)->content + ")"));
  }

  const auto folder = options.out_dir / "postkorb" / options.jobcenter_id / doc.team();
  if (auto made = CreatePrivateDirectories(folder); !made) return tl::unexpected(made.error());
  const auto json_path = folder / (id + ".json");
  const PostkorbReceipt made_now{id, content, FormatUtcTime(UtcNow())};
  // No receipt, but the files: a consumer stopped between the files and the receipt, or one from
  // before receipts. The same bytes are that delivery: its receipt is written now.
  if (const std::string existing = ReadIfExists(json_path); !existing.empty()) {
    if (existing != *json || ReadIfExists(folder / doc.pdf()) != routed.pdf()) {
      return Fail(Refusal(id, "in " + folder.string()));
    }
    if (auto recorded = receipts.Record(made_now); !recorded) return tl::unexpected(recorded.error());
    return Delivered::kRepeat;
  }
  // The PDF first, the JSON last: whoever waits for the JSON finds the PDF complete. Both names
  // are made durable before the receipt: a receipt never stands for files a crash lost.
  if (auto written = WriteFileAtomically(folder / doc.pdf(), routed.pdf()); !written) {
    return tl::unexpected(written.error());
  }
  if (auto written = WriteFileAtomically(json_path, *json); !written) return tl::unexpected(written.error());
  if (auto synced = SyncFolder(folder); !synced) return tl::unexpected(synced.error());
  if (auto recorded = receipts.Record(made_now); !recorded) return tl::unexpected(recorded.error());
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
        Result<Delivered> done =
            !routed.ParseFromString(d.message.body)
                ? Fail("message " + d.message.message_id + " is not a routed document")
                : proto::CheckNames(routed).and_then([&] { return WritePostkorbDocument(routed, options); });
        // When dead-lettering or the ack fails, the connection is gone and the broker delivers the
        // message again: nothing to do here but go on (the next Receive reconnects).
        if (!done) {
          static_cast<void>(DeadLetter("postkorb", connection, d, options.topology, queue, done.error().message));
          return;
        }
        // Acked only now: the files and the receipt are on disk. A lost ack means a redelivery,
        // recognised by the receipt.
        const bool acked = connection.Ack(d.delivery_tag).has_value();
        if (acked && *done == Delivered::kRepeat) {
          eventlog::Log(eventlog::Level::kInfo, "postkorb.repeat",
                        {.box_id = routed.document().box_id(),
                         .document_id = routed.document().document_id(),
                         .more = {{"jobcenter_id", options.jobcenter_id}, {"message_id", d.message.message_id}}},
                        "delivered before with the same content: acknowledged, not written again");
        }
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
