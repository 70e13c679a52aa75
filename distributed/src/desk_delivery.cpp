#include "mailroom/distributed/desk_delivery.h"

#include "mailroom/common/atomic_file.h"
#include "mailroom/common/event_log.h"
#include "mailroom/proto/messages.h"
#include "mailroom/store/content_store.h"
#include "mailroom/transport/reconnecting_connection.h"
#include "publish_routed.h"

namespace mailroom::distributed {

Result<mailroom::v1::RoutedDocument> DeskRoutedDocument(const std::string& jobcenter_id,
                                                        const std::filesystem::path& json_file,
                                                        const std::filesystem::path& pdf_file) {
  auto json = ReadWholeFile(json_file);
  if (!json) return tl::unexpected(json.error());
  auto pdf = ReadWholeFile(pdf_file);
  if (!pdf) return tl::unexpected(pdf.error());
  if (pdf->empty()) return Fail(pdf_file.string() + ": the document's PDF is empty");

  mailroom::v1::RoutedDocument routed;
  routed.set_schema_version(proto::kSchemaVersion);
  auto* doc = routed.mutable_document();
  if (auto parsed = proto::FromJson(*json, *doc); !parsed) {
    return Fail(json_file.string() + ": not a document JSON: " + parsed.error().message);
  }
  if (doc->document_id().empty()) return Fail(json_file.string() + ": the document JSON has no document_id");
  if (doc->jobcenter_id().kind_case() != google::protobuf::Value::kStringValue ||
      doc->jobcenter_id().string_value() != jobcenter_id) {
    return Fail(json_file.string() + ": document " + doc->document_id() + " is not for jobcenter " + jobcenter_id);
  }
  // The jobcenter writes the message's document with the same printer: a field the wire form does
  // not know would be dropped on the way, and the two copies would differ without anyone noticing.
  auto printed = proto::ToJson(*doc);
  if (!printed) return tl::unexpected(printed.error());
  if (*printed != *json) {
    return Fail(json_file.string() + ": document " + doc->document_id() +
                ": the JSON is not as mailroom writes it (a field the message lacks?); it would arrive changed");
  }
  routed.set_destination("postkorb/" + jobcenter_id);
  routed.set_pdf(std::move(*pdf));
  return routed;
}

std::string DeskMessageId(const mailroom::v1::RoutedDocument& routed) {
  auto json = proto::ToJson(routed.document());
  // A JSON never holds a NUL byte: JSON, NUL, PDF names the pair unambiguously.
  const std::string content = json.value_or("") + '\0' + routed.pdf();
  return routed.document().document_id() + "@" + store::ContentRef(content);
}

Result<void> QueuePostkorbSink::Deliver(const std::string& jobcenter_id, const std::filesystem::path& json_file,
                                        const std::filesystem::path& pdf_file) {
  auto routed = DeskRoutedDocument(jobcenter_id, json_file, pdf_file);
  if (!routed) return tl::unexpected(routed.error());
  const auto& doc = routed->document();
  // One connection per delivery, closed when it is done (see the header): no setup, the topology
  // is `mailroom topology`'s, and a queue that is missing makes the publish fail as unroutable.
  transport::ReconnectingConnection connection(options_.connect, options_.retry, {});
  auto queue = PublishRoutedDocument(connection, options_.topology, *routed, DeskMessageId(*routed));
  if (!queue) {
    eventlog::Log(eventlog::Level::kWarning, "desk.publish_failed",
                  {.box_id = doc.box_id(), .document_id = doc.document_id(), .more = {{"jobcenter_id", jobcenter_id}}},
                  queue.error().message);
    return Fail(queue.error().message + " (not delivered to " + jobcenter_id + " yet: the document waits in " +
                json_file.parent_path().string() + ", and taking the action again sends it)");
  }
  eventlog::Log(eventlog::Level::kInfo, "desk.published",
                {.box_id = doc.box_id(), .document_id = doc.document_id(), .more = {{"to", *queue}}}, "");
  return {};
}

}  // namespace mailroom::distributed
