// RunRouteWorker: document plans in, routed documents (PDF and originals inline) out (see stage_workers.h).
#include <chrono>

#include "consume_loop.h"
#include "dead_letter.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/common/event_log.h"
#include "mailroom/distributed/stage_workers.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/message_names.h"
#include "mailroom/routing/document_message.h"
#include "mailroom/routing/output.h"
#include "mailroom/store/content_store.h"
#include "mailroom/transport/reconnecting_connection.h"
#include "publish_routed.h"
#include "worker_ledger.h"

namespace mailroom::distributed {
namespace {

namespace fs = std::filesystem;

// The input file a page name stands for: "0007.tif#2", the 2nd page of a multi-page TIFF, is of
// "0007.tif" (ingest's naming), whose extension the original keeps.
fs::path InputFileOf(const std::string& page_name) {
  const auto hash = page_name.rfind('#');
  if (hash == std::string::npos || hash + 1 == page_name.size()) return page_name;
  for (std::size_t i = hash + 1; i < page_name.size(); ++i) {
    if (page_name[i] < '0' || page_name[i] > '9') return page_name;
  }
  return page_name.substr(0, hash);
}

// The originals of the plan's unreadable pages, from the store, named as `mailroom process` names
// the ones it copies from the box (numbered in page order, the first 1).
Result<std::vector<routing::AssembledDocument::Original>> OriginalsOf(const mailroom::v1::DocumentPlan& plan,
                                                                      const store::ContentStore& store) {
  std::vector<routing::AssembledDocument::Original> originals;
  for (int i = 0; i < plan.original_refs_size() && i < plan.document().pages_size(); ++i) {
    if (plan.original_refs(i).empty()) continue;
    auto bytes = store.Get(plan.original_refs(i));
    if (!bytes) return tl::unexpected(bytes.error().Prefixed("original of page " + plan.document().pages(i)));
    originals.push_back({routing::OriginalFileName(plan.document().document_id(), originals.size() + 1,
                                                   InputFileOf(plan.document().pages(i))),
                         std::move(*bytes)});
  }
  return originals;
}

// Assembles the document with routing's own step, the one `mailroom process` uses, and returns
// it as a routed document with its PDF and the originals of its unreadable pages.
Result<mailroom::v1::RoutedDocument> Assemble(const mailroom::v1::DocumentPlan& plan, const store::ContentStore& store,
                                              const fs::path& scratch_root) {
  const auto& doc = plan.document();
  routing::DocumentInput input;
  input.box_id = doc.box_id();
  input.document_id = doc.document_id();
  input.box_arrived_at = doc.box_arrived_at();
  input.classification = routing::ClassificationOf(doc);
  for (int i = 0; i < doc.pages_size(); ++i) {
    input.page_names.push_back(doc.pages(i));
    const std::string ref = i < plan.page_pdf_refs_size() ? plan.page_pdf_refs(i) : "";
    if (ref.empty()) {
      input.page_pdfs.emplace_back();  // an unreadable page: the writer puts a notice page there
      continue;
    }
    auto path = store.PathOf(ref);
    if (!path) return tl::unexpected(path.error());
    input.page_pdfs.push_back(*path);
  }
  auto assembled = routing::AssembleDocument(input, scratch_root / "notices");
  if (!assembled) return tl::unexpected(assembled.error());
  auto originals = OriginalsOf(plan, store);
  if (!originals) return tl::unexpected(originals.error());
  assembled->originals = std::move(*originals);

  mailroom::v1::RoutedDocument routed;
  routed.set_schema_version(plan.schema_version());
  *routed.mutable_document() = routing::MakeDocument(input, assembled->pdf_name());
  routed.set_destination(input.classification.routed ? "postkorb/" + *input.classification.jobcenter_id : "review");
  routed.set_pdf(std::move(assembled->pdf));
  for (auto& original : assembled->originals) {
    auto* added = routed.add_originals();
    added->set_file_name(original.file_name);
    added->set_content(std::move(original.bytes));
  }
  return routed;
}

// A page without a reading PDF could not be read: its paper is still needed.
std::vector<bool> ReadablePages(const mailroom::v1::DocumentPlan& plan) {
  std::vector<bool> readable;
  for (int i = 0; i < plan.document().pages_size(); ++i) {
    readable.push_back(i < plan.page_pdf_refs_size() && !plan.page_pdf_refs(i).empty());
  }
  return readable;
}

}  // namespace

Result<int> RunRouteWorker(const StageWorkerOptions& options, const transport::StopFlag& stop) {
  auto store = store::ContentStore::Open(options.store_dir);
  if (!store) return tl::unexpected(store.error());
  if (auto made = CreatePrivateDirectories(options.state_dir); !made) return tl::unexpected(made.error());
  const Topology& topology = options.topology;
  transport::ReconnectingConnection connection(
      options.connect, options.retry, [&](transport::Connection& c) { return c.Consume(topology.Documents(), 4); },
      &stop);
  WorkerLedger ledger(options.ledger_file, options.log);
  int routed_documents = 0;
  auto consumed = ConsumeUntil(
      connection, stop, [&] { return options.max_items != 0 && routed_documents >= options.max_items; },
      [&](const transport::Delivery& d) {
        const auto start = std::chrono::steady_clock::now();
        mailroom::v1::DocumentPlan plan;
        Result<mailroom::v1::RoutedDocument> routed =
            !plan.ParseFromString(d.message.body)
                ? Fail("message " + d.message.message_id + " is not a document plan")
                : proto::CheckNames(plan).and_then([&] { return Assemble(plan, *store, options.state_dir); });
        if (!routed) {
          // A plan that cannot be assembled (a page PDF missing from the store) is poison: it goes
          // to the dead-letter queue with the reason; the other documents go on.
          static_cast<void>(DeadLetter("route", connection, d, topology, topology.Documents(), routed.error().message));
          return;
        }
        const auto& c = routed->document();
        // Acked only after the routed document was confirmed; a crash in between publishes it
        // again under the same id, which the Postkorb side recognises.
        const auto queue = PublishRoutedDocument(connection, topology, *routed, c.document_id());
        if (!queue) return;
        ledger.Delivered(c, ReadablePages(plan));
        if (connection.Ack(d.delivery_tag)) ++routed_documents;
        eventlog::Log(eventlog::Level::kInfo, "route.delivered",
                      {.box_id = c.box_id(), .document_id = c.document_id(), .more = {{"to", *queue}}}, "");
        metrics::CountDocument(routed->destination() != "review");
        metrics::CountPages("route", "out", c.pages_size());
        metrics::ObserveStage("route", metrics::SecondsSince(start));
      });
  if (!consumed) return tl::unexpected(consumed.error());
  return routed_documents;
}

}  // namespace mailroom::distributed
