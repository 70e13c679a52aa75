#include "mailroom/app/process_box.h"

#include <fmt/format.h>

#include <optional>
#include <thread>

#include "box_custody.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/common/utc_time.h"
#include "mailroom/ingest/box.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/routing/output.h"
#include "progress_line.h"
#include "read_pages.h"

namespace mailroom::app {
namespace {

using Clock = std::chrono::steady_clock;

tl::unexpected<ProcessError> BadInput(const Error& error) {
  return tl::unexpected(ProcessError{FailureKind::kBadInput, error.message});
}
tl::unexpected<ProcessError> RunFailed(const Error& error) {
  return tl::unexpected(ProcessError{FailureKind::kRunFailed, error.message});
}

int WorkerCount(int requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// The box as the documents will name it.
struct BoxFacts {
  std::string box_id;
  std::string arrived_at;  ///< for the proof of receipt in every document
};

// The planned document with its page PDFs and the originals of its unreadable pages.
routing::DocumentInput MakeInput(const BoxFacts& box, const classifier::PlannedDocument& planned,
                                 const std::vector<ingest::PageSource>& sources) {
  routing::DocumentInput input = routing::InputOf(planned, box.box_id, box.arrived_at);
  for (const PageReading* page : planned.document.pages) {
    input.page_pdfs.emplace_back(page->pdf_path);
    if (page->kind == PageKind::kUnreadable) input.unreadable_files.push_back(sources[page->index].path);
  }
  return input;
}

DocumentCustody CustodyOf(const routing::DocumentInput& input, const classifier::ClassifiedDocument& document) {
  DocumentCustody custody{input.document_id, std::nullopt, std::nullopt, {}, {}};
  if (document.classification.routed) {
    custody.jobcenter_id = document.classification.jobcenter_id;
    custody.bg_number = document.classification.bg_number;
  }
  for (const PageReading* page : document.pages) {
    (page->kind == PageKind::kUnreadable ? custody.unreadable_pages : custody.readable_pages).push_back(page->name);
  }
  return custody;
}

// Plans the box, writes its documents and the report; fills the summary's counts and, for the
// ledger, what became of each page.
Result<void> WriteOutput(const routing::OutputFolder& out, const BoxFacts& box,
                         const std::vector<PageReading>& readings, const std::vector<ingest::PageSource>& sources,
                         const classifier::Classifier& classifier, ProcessSummary& summary,
                         std::vector<DocumentCustody>& custody, std::vector<std::string>& accounted) {
  // Custody: a plan that does not account for every page once is not written at all.
  auto plan = classifier::PlanBox(box.box_id, readings, classifier);
  if (!plan) return Fail(plan.error().message + "; output not published");
  for (const classifier::PlannedDocument& planned : plan->documents) {
    const auto& document = planned.document;
    const auto input = MakeInput(box, planned, sources);
    const auto routing_start = Clock::now();
    auto written = routing::WriteDocument(out, input);
    if (!written) return tl::unexpected(written.error());
    metrics::ObserveStage("route", metrics::SecondsSince(routing_start));
    metrics::CountDocument(document.classification.routed);
    metrics::CountPages("route", "out", static_cast<int>(document.pages.size()));
    custody.push_back(CustodyOf(input, document));
    const auto& c = document.classification;
    if (c.routed) {
      summary.documents_routed += 1;
      summary.documents_per_jobcenter[*c.jobcenter_id] += 1;
    } else {
      summary.documents_review += 1;
    }
  }
  summary.pages_in = plan->pages_in;
  summary.pages_routed = plan->PagesRouted();
  summary.pages_review = plan->PagesReview();
  summary.blank_pages = static_cast<int>(plan->blank_pages.size());
  summary.separator_pages = static_cast<int>(plan->separator_pages.size());
  accounted = plan->AccountedPages();
  return routing::WriteReport(out, *plan);
}

}  // namespace

tl::expected<ProcessSummary, ProcessError> ProcessBox(const ProcessOptions& options) {
  const auto start = Clock::now();
  // Everything that can be wrong with the input is checked before anything is written.
  auto registry = classifier::LoadRegistry(options.registry_dir);
  if (!registry) return BadInput(registry.error());
  auto incoming = ingest::OpenBox(options.box_dir, options.page_limits);
  if (!incoming) return BadInput(incoming.error());
  const ingest::BoxInfo* box = &incoming->info;
  const std::vector<ingest::PageSource>* pages = &incoming->pages;
  metrics::CountPages("ingest", "out", static_cast<int>(pages->size()));
  metrics::CountPages("process", "in", static_cast<int>(pages->size()));
  auto classifier = classifier::Classifier::Create(*registry, options.classifier);
  if (!classifier) return BadInput(classifier.error());

  std::optional<BoxCustody> custody;
  if (!options.ledger_file.empty()) {
    auto begun = BoxCustody::Begin(options.ledger_file, *box, static_cast<int>(pages->size()), options.operator_id);
    if (!begun) return tl::unexpected(begun.error());
    custody.emplace(std::move(*begun));
  }
  const BoxFacts facts{box->box_id,
                       ingest::ArrivalTime(*box, custody ? custody->arrived_at() : "", FormatUtcTime(UtcNow()))};

  auto out = routing::OutputFolder::Open(options.out_dir);
  if (!out) return RunFailed(out.error());

  ocr::OcrOptions ocr = options.ocr;
  ocr.pdf_dir = out->scratch();
  std::optional<ProgressLine> progress;
  if (options.progress)
    progress.emplace(
        ProgressLine::OnStderr("processing " + box->box_id, pages->size(), "process.progress", box->box_id));
  auto readings = ReadPages(
      *pages, WorkerCount(options.jobs), [&ocr] { return ocr::PageReader::Create(ocr); },
      [&progress](int done) {
        if (progress) progress->Update(done);
      },
      box->box_id);
  if (progress) progress->Finish();
  if (!readings) return RunFailed(readings.error());

  ProcessSummary summary;
  summary.box_id = box->box_id;
  std::vector<DocumentCustody> documents;
  std::vector<std::string> accounted;
  const auto classify_start = Clock::now();
  auto written = WriteOutput(*out, facts, *readings, *pages, *classifier, summary, documents, accounted);
  if (!written) {
    metrics::CountError("process", "output");
    return RunFailed(written.error());
  }
  metrics::ObserveStage("classify", metrics::SecondsSince(classify_start));  // with writing the documents
  metrics::CountPages("classify", "in", summary.pages_in);
  if (auto committed = out->Commit(); !committed) return RunFailed(committed.error());
  // The ledger learns of deliveries only once they are in the output; a crash in between is
  // repaired by running the box again (recording the same delivery twice changes nothing).
  if (custody) {
    auto recorded = custody->Record(documents, accounted);
    if (!recorded) return RunFailed(recorded.error().Prefixed("output written, but the ledger was not updated"));
    summary.ledger_state = ledger::StateName(recorded->state);
    summary.ledger_pages_open = recorded->pages_open;
    summary.ledger_pages_unreadable = recorded->pages_open - recorded->pages_in_review;
  }
  summary.elapsed = Clock::now() - start;
  metrics::ObserveStage("process", summary.elapsed.count());
  metrics::CountPages("process", "out", summary.pages_in);
  return summary;
}

std::string FormatSummary(const ProcessSummary& s, const std::filesystem::path& out_dir) {
  const double minutes = s.elapsed.count() / 60.0;
  std::string text = fmt::format(
      "box {}: {} pages in {:.1f} s ({:.1f} pages/min)\n"
      "  routed:      {:4} pages in {} documents\n"
      "  review:      {:4} pages in {} documents\n"
      "  blank:       {:4} pages\n"
      "  separators:  {:4} pages\n",
      s.box_id, s.pages_in, s.elapsed.count(), minutes > 0 ? s.pages_in / minutes : 0.0, s.pages_routed,
      s.documents_routed, s.pages_review, s.documents_review, s.blank_pages, s.separator_pages);
  for (const auto& [jobcenter, documents] : s.documents_per_jobcenter) {
    text += fmt::format("  postkorb {}: {} documents\n", jobcenter, documents);
  }
  if (!s.ledger_state.empty()) {
    std::string open;
    if (s.ledger_pages_open > 0) {
      open = fmt::format(", {} pages wait for the review desk (mailroom review list --out {})", s.ledger_pages_open,
                         out_dir.string());
    }
    if (s.ledger_pages_unreadable > 0) {
      open +=
          fmt::format("; {} of them unreadable: account for them there or scan them again", s.ledger_pages_unreadable);
    }
    text += fmt::format("  ledger:      box {}{}\n", s.ledger_state, open);
  }
  text += fmt::format("output: {} (report.json, postkorb/, review/)\n", out_dir.string());
  return text;
}

}  // namespace mailroom::app
