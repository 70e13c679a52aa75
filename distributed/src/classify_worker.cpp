// RunClassifyWorker: boxes and readings in, document plans out (see stage_workers.h).
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "box_journal.h"
#include "consume_loop.h"
#include "dead_letter.h"
#include "mailroom/common/event_log.h"
#include "mailroom/distributed/stage_workers.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/message_names.h"
#include "mailroom/proto/messages.h"
#include "mailroom/proto/page_reading_codec.h"
#include "mailroom/routing/document_message.h"
#include "mailroom/routing/output.h"
#include "mailroom/store/content_store.h"
#include "mailroom/transport/reconnecting_connection.h"
#include "worker_ledger.h"

namespace mailroom::distributed {
namespace {

struct ClassifyContext {
  const StageWorkerOptions& options;
  const store::ContentStore& store;
  BoxJournal& journal;
  const classifier::Classifier& classifier;
  transport::ReconnectingConnection& connection;
  WorkerLedger& ledger;
};

// The readings of a complete box, with each page PDF where this machine can read it.
Result<std::vector<PageReading>> LoadReadings(const BoxJournal::CompleteBox& box, const store::ContentStore& store,
                                              std::vector<std::string>& pdf_refs,
                                              std::vector<std::string>& original_refs) {
  std::vector<PageReading> readings;
  for (const std::string& bytes : box.readings) {
    auto wire = proto::ParsePageReading(bytes);
    if (!wire) return tl::unexpected(wire.error());
    if (!wire->pdf_ref.empty()) {
      auto path = store.PathOf(wire->pdf_ref);
      if (!path) return tl::unexpected(path.error());
      wire->reading.pdf_path = path->string();
    }
    pdf_refs.push_back(wire->pdf_ref);
    original_refs.push_back(wire->original_ref);
    readings.push_back(std::move(wire->reading));
  }
  return readings;
}

// Classifies a complete box and publishes its documents; false while pages are missing.
Result<bool> FinishBox(const std::string& box_id, ClassifyContext& ctx) {
  if (ctx.journal.IsDone(box_id)) return true;
  auto complete = ctx.journal.Complete(box_id);
  if (!complete) return tl::unexpected(complete.error());
  if (!complete->has_value()) return false;
  // With several classify workers, the one that claims the box finishes it; the others leave it.
  auto claimed = ctx.journal.Claim(box_id);
  if (!claimed) return tl::unexpected(claimed.error());
  if (!*claimed) return false;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> pdf_refs, original_refs;
  auto readings = LoadReadings(**complete, ctx.store, pdf_refs, original_refs);
  if (!readings) return tl::unexpected(readings.error());

  // The same plan as `mailroom process`; one that does not account for every page is not published.
  auto box_plan = classifier::PlanBox(box_id, *readings, ctx.classifier);
  if (!box_plan) return Fail(box_plan.error().message + "; the box is not marked done");
  for (const classifier::PlannedDocument& planned : box_plan->documents) {
    const routing::DocumentInput input = routing::InputOf(planned, box_id, (*complete)->manifest.box().arrived_at());
    mailroom::v1::DocumentPlan plan;
    plan.set_schema_version(proto::kSchemaVersion);
    for (const PageReading* page : planned.document.pages) {
      plan.add_page_pdf_refs(pdf_refs[static_cast<std::size_t>(page->index)]);
      plan.add_original_refs(original_refs[static_cast<std::size_t>(page->index)]);
    }
    *plan.mutable_document() = routing::MakeDocument(input, routing::SafeFileName(input.document_id) + ".pdf");
    transport::Message message;
    plan.SerializeToString(&message.body);
    message.message_id = input.document_id;
    message.headers = {{"box_id", box_id}};
    auto sent = ctx.connection.Publish(ctx.options.topology.Exchange(), ctx.options.topology.Documents(), message);
    if (!sent) return tl::unexpected(sent.error());
  }
  const mailroom::v1::BoxReport report = routing::ReportOf(*box_plan);
  if (auto written = ctx.journal.SaveReport(report); !written) return tl::unexpected(written.error());
  ctx.ledger.Accounted(box_id, box_plan->AccountedPages());
  // Done only after every plan was confirmed: a crash before this republishes the same ids.
  if (auto done = ctx.journal.MarkDone(box_id); !done) return tl::unexpected(done.error());
  metrics::CountPages("classify", "in", report.pages_in());
  metrics::CountPages("classify", "out", report.pages_in() - report.blank_pages_size() - report.separator_pages_size());
  metrics::ObserveStage("classify", metrics::SecondsSince(start));
  return true;
}

// Journals one delivery; returns the box it belongs to ("" when it was dead-lettered).
Result<std::string> Journal(const transport::Delivery& d, ClassifyContext& ctx) {
  const Topology& topology = ctx.options.topology;
  if (d.routing_key == topology.Boxes()) {
    mailroom::v1::BoxManifest manifest;
    if (!manifest.ParseFromString(d.message.body) || manifest.box().box_id().empty()) {
      auto dead =
          DeadLetter("classify", ctx.connection, d, topology, topology.Boxes(), "message is not a box manifest");
      if (!dead) return tl::unexpected(dead.error());
      return std::string();
    }
    if (auto bad = proto::CheckNames(manifest); !bad) {
      auto dead = DeadLetter("classify", ctx.connection, d, topology, topology.Boxes(), bad.error().message);
      if (!dead) return tl::unexpected(dead.error());
      return std::string();
    }
    const std::string& box_id = manifest.box().box_id();
    if (!ctx.journal.IsDone(box_id)) {
      if (auto saved = ctx.journal.SaveManifest(manifest); !saved) return tl::unexpected(saved.error());
    }
    return box_id;
  }
  auto wire = proto::ParsePageReading(d.message.body);
  if (!wire) {
    auto dead = DeadLetter("classify", ctx.connection, d, topology, topology.Readings(), wire.error().message);
    if (!dead) return tl::unexpected(dead.error());
    return std::string();
  }
  if (!ctx.journal.IsDone(wire->box_id)) {
    auto saved = ctx.journal.SaveReading(wire->box_id, static_cast<std::uint32_t>(wire->reading.index), d.message.body);
    if (!saved) return tl::unexpected(saved.error());
  }
  return wire->box_id;
}

// An event of the event log, or a line for options.log where a caller gave one.
void Log(const StageWorkerOptions& options, eventlog::Level level, std::string_view event,
         const eventlog::Fields& fields, const std::string& message) {
  if (options.log) {
    options.log(eventlog::Describe(event, fields, message));
  } else {
    eventlog::Log(level, event, fields, message);
  }
}

// This worker's name among the classify workers of a center: host and process.
std::string WorkerName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "unknown-host");
  return std::string(host) + ":" + std::to_string(::getpid());
}

// With a ledger, the journal every classify worker on it shares; without, this worker's folder.
Result<std::unique_ptr<BoxJournal>> OpenJournal(const StageWorkerOptions& options, const store::ContentStore& store) {
  if (options.ledger_file.empty()) return OpenFolderJournal(options.state_dir);
  return OpenSharedJournal({.ledger = options.ledger_file,
                            .report_root = options.state_dir,
                            .worker = WorkerName(),
                            .claim = options.classify_claim},
                           store);
}

}  // namespace

Result<int> RunClassifyWorker(const StageWorkerOptions& options, const classifier::Classifier& classifier,
                              const transport::StopFlag& stop) {
  auto store = store::ContentStore::Open(options.store_dir);
  if (!store) return tl::unexpected(store.error());
  auto journal = OpenJournal(options, *store);
  if (!journal) return tl::unexpected(journal.error());
  transport::ReconnectingConnection connection(
      options.connect, options.retry,
      [&](transport::Connection& c) -> Result<void> {
        if (auto boxes = c.Consume(options.topology.Boxes(), 16); !boxes) return boxes;
        return c.Consume(options.topology.Readings(), 64);
      },
      &stop);
  WorkerLedger ledger(options.ledger_file, options.log);
  ClassifyContext ctx{options, *store, **journal, classifier, connection, ledger};
  int boxes = 0;
  const auto finish = [&](const std::string& box_id) {
    const bool already_done = (*journal)->IsDone(box_id);
    auto finished = FinishBox(box_id, ctx);
    if (!finished) {
      Log(options, eventlog::Level::kError, "classify.box_failed", {.box_id = box_id},
          finished.error().message + " (tried again when idle)");
    } else if (*finished && !already_done) {
      ++boxes;
    }
  };
  auto consumed = ConsumeUntil(
      connection, stop, [&] { return options.max_items != 0 && boxes >= options.max_items; },
      [&](const transport::Delivery& d) {
        auto box_id = Journal(d, ctx);
        if (!box_id) {
          // The journal could not be written (disk full?): unacked, the message comes again.
          Log(options, eventlog::Level::kError, "classify.journal_failed",
              {.more = {{"message_id", d.message.message_id}}}, box_id.error().message + " (the message comes again)");
          return;
        }
        if (box_id->empty()) return;  // dead-lettered
        if (connection.Ack(d.delivery_tag)) finish(*box_id);
      },
      // Idle: finish boxes whose last publish failed or that were complete when we restarted.
      [&] {
        for (const auto& pending : (*journal)->Pending()) finish(pending);
      });
  if (!consumed) return tl::unexpected(consumed.error());
  return boxes;
}

}  // namespace mailroom::distributed
