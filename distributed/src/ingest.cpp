#include "mailroom/distributed/ingest.h"

#include <chrono>

#include "mailroom/common/utc_time.h"
#include "mailroom/ingest/box.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/messages.h"

namespace mailroom::distributed {
namespace {

transport::Message Protobuf(const google::protobuf::Message& body, std::string id, std::string box_id) {
  transport::Message message;
  body.SerializeToString(&message.body);
  message.message_id = std::move(id);
  message.content_type = "application/x-protobuf; proto=" + body.GetTypeName();
  message.headers = {{"box_id", std::move(box_id)}};
  return message;
}

}  // namespace

std::string PageMessageId(const std::string& box_id, const std::string& page_name) {
  return box_id + "/" + page_name;
}

Result<IngestSummary> IngestBox(const std::filesystem::path& box_dir, const store::ContentStore& store,
                                transport::Connection& connection, const Topology& topology,
                                const std::string& arrived_at, const ingest::PageLimits& limits) {
  const auto start = std::chrono::steady_clock::now();
  auto box = ingest::OpenBox(box_dir, limits);
  if (!box) return tl::unexpected(box.error());
  const ingest::BoxInfo* info = &box->info;
  const std::vector<ingest::PageSource>* pages = &box->pages;
  metrics::CountPages("ingest", "in", static_cast<int>(pages->size()));

  // Store first: a page message must never point at bytes that are not there yet.
  std::vector<mailroom::v1::Page> messages;
  for (std::size_t i = 0; i < pages->size(); ++i) {
    const ingest::PageSource& source = (*pages)[i];
    // Recorded as the box's, so the store's gc keeps it until the box no longer needs it.
    auto ref = store.PutFile(source.path, info->box_id);
    if (!ref) return tl::unexpected(ref.error());
    mailroom::v1::Page page;
    page.set_schema_version(proto::kSchemaVersion);
    page.set_box_id(info->box_id);
    page.set_name(source.name);
    page.set_index(static_cast<std::uint32_t>(i));
    page.set_content_ref(*ref);
    page.set_tiff_page(static_cast<std::uint32_t>(source.tiff_page));
    page.set_listing_error(source.listing_error);
    messages.push_back(std::move(page));
  }

  mailroom::v1::BoxManifest manifest;
  manifest.set_schema_version(proto::kSchemaVersion);
  manifest.mutable_box()->set_box_id(info->box_id);
  manifest.mutable_box()->set_seal(info->seal);
  manifest.mutable_box()->set_origin(info->origin);
  for (const auto& page : messages) manifest.add_pages(page.name());
  manifest.set_received_at(FormatUtcTime(UtcNow()));
  manifest.mutable_box()->set_arrived_at(ingest::ArrivalTime(*info, arrived_at, manifest.received_at()));
  // The manifest first: whoever counts the pages of the box knows how many to wait for.
  if (auto sent =
          connection.Publish(topology.Exchange(), topology.Boxes(), Protobuf(manifest, info->box_id, info->box_id));
      !sent) {
    return tl::unexpected(sent.error());
  }
  for (const auto& page : messages) {
    if (auto sent = connection.Publish(topology.Exchange(), topology.Pages(),
                                       Protobuf(page, PageMessageId(info->box_id, page.name()), info->box_id));
        !sent) {
      return tl::unexpected(sent.error());
    }
  }
  metrics::CountPages("ingest", "out", static_cast<int>(messages.size()));
  metrics::ObserveStage("ingest", metrics::SecondsSince(start));
  return IngestSummary{info->box_id, static_cast<int>(messages.size())};
}

}  // namespace mailroom::distributed
