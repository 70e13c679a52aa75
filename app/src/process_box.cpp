#include "mailroom/app/process_box.h"

#include <fmt/format.h>

#include <optional>
#include <thread>

#include "box_custody.h"
#include "mailroom/classifier/doc_type_model.h"
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

routing::DocumentInput MakeInput(const BoxFacts& box, std::string document_id,
                                 const classifier::ClassifiedDocument& document,
                                 const std::vector<ingest::PageSource>& sources) {
  routing::DocumentInput input;
  input.box_id = box.box_id;
  input.box_arrived_at = box.arrived_at;
  input.document_id = std::move(document_id);
  input.classification = document.classification;
  for (const PageReading* page : document.pages) {
    input.page_names.push_back(page->name);
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

// Writes the documents of every envelope and the report; fills the summary's counts and, for
// the ledger, what became of each page.
Result<void> WriteOutput(const routing::OutputFolder& out, const BoxFacts& box,
                         const std::vector<PageReading>& readings, const std::vector<ingest::PageSource>& sources,
                         const classifier::Classifier& classifier, ProcessSummary& summary,
                         std::vector<DocumentCustody>& custody, std::vector<std::string>& accounted) {
  mailroom::v1::BoxReport report = routing::StartBoxReport(box.box_id, readings);
  for (const auto& envelope : classifier::GroupEnvelopes(readings)) {
    const auto documents = classifier.Classify(envelope);
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const auto& document = documents[i];
      const auto input =
          MakeInput(box, routing::DocumentId(box.box_id, envelope.index, i, documents.size()), document, sources);
      const auto routing_start = Clock::now();
      auto written = routing::WriteDocument(out, input);
      if (!written) return tl::unexpected(written.error());
      metrics::ObserveStage("route", metrics::SecondsSince(routing_start));
      metrics::CountDocument(document.classification.routed);
      metrics::CountPages("route", "out", static_cast<int>(document.pages.size()));
      if (!document.classification.routed) metrics::CountReview(document.classification.review_kind);
      custody.push_back(CustodyOf(input, document));
      const int pages = static_cast<int>(document.pages.size());
      const auto& c = document.classification;
      routing::CountDocument(report, pages, c.routed);
      if (c.routed) {
        summary.pages_routed += pages;
        summary.documents_routed += 1;
        summary.documents_per_jobcenter[*c.jobcenter_id] += 1;
      } else {
        summary.pages_review += pages;
        summary.documents_review += 1;
      }
    }
  }
  summary.pages_in = report.pages_in();
  summary.blank_pages = report.blank_pages_size();
  summary.separator_pages = report.separator_pages_size();
  accounted.assign(report.blank_pages().begin(), report.blank_pages().end());
  accounted.insert(accounted.end(), report.separator_pages().begin(), report.separator_pages().end());
  // Custody: every page that went in is accounted for exactly once, or the output is not published.
  if (auto custody = routing::CheckCustody(report); !custody) {
    return Fail(custody.error().message + "; output not published");
  }
  return routing::WriteReport(out, report);
}

}  // namespace

tl::expected<ProcessSummary, ProcessError> ProcessBox(const ProcessOptions& options) {
  const auto start = Clock::now();
  // Everything that can be wrong with the input is checked before anything is written.
  auto registry = classifier::LoadRegistry(options.registry_dir);
  if (!registry) return BadInput(registry.error());
  auto box = ingest::ReadBoxInfo(options.box_dir);
  if (!box) return BadInput(box.error());
  auto pages = ingest::ListPages(options.box_dir);
  if (!pages) return BadInput(pages.error());
  metrics::CountPages("ingest", "out", static_cast<int>(pages->size()));
  metrics::CountPages("process", "in", static_cast<int>(pages->size()));
  std::optional<classifier::DocTypeModel> doc_type_model;
  classifier::ClassifierOptions classifier_options = options.classifier;
  if (!options.doc_type_model.empty()) {
    auto model = classifier::DocTypeModel::Load(options.doc_type_model);
    if (!model) return BadInput(model.error());
    doc_type_model = std::move(*model);
    classifier_options.doc_type_model = &*doc_type_model;
  }

  // Without an arrival time from the ledger or box.json, the box arrived when it was handed over.
  BoxFacts facts{box->box_id, box->arrived_at.empty() ? FormatUtcTime(UtcNow()) : box->arrived_at};
  std::optional<BoxCustody> custody;
  if (!options.ledger_file.empty()) {
    auto begun = BoxCustody::Begin(options.ledger_file, *box, static_cast<int>(pages->size()), options.operator_id);
    if (!begun) return tl::unexpected(begun.error());
    custody.emplace(std::move(*begun));
    facts.arrived_at = custody->arrived_at();
  }

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
  const classifier::Classifier classifier(*registry, classifier_options);
  std::vector<DocumentCustody> documents;
  std::vector<std::string> accounted;
  const auto classify_start = Clock::now();
  auto written = WriteOutput(*out, facts, *readings, *pages, classifier, summary, documents, accounted);
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
    text += fmt::format(
        "  ledger:      box {}{}\n", s.ledger_state,
        s.ledger_pages_open == 0
            ? ""
            : fmt::format(", {} unreadable pages open: keep the paper and scan them again", s.ledger_pages_open));
  }
  text += fmt::format("output: {} (report.json, postkorb/, review/)\n", out_dir.string());
  return text;
}

}  // namespace mailroom::app
