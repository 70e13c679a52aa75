#include "mailroom/app/process_box.h"

#include <fmt/format.h>

#include <optional>
#include <thread>

#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/ingest/box.h"
#include "mailroom/routing/output.h"
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

routing::DocumentInput MakeInput(const std::string& box_id, std::string document_id,
                                 const classifier::ClassifiedDocument& document,
                                 const std::vector<ingest::PageSource>& sources) {
  routing::DocumentInput input;
  input.box_id = box_id;
  input.document_id = std::move(document_id);
  input.classification = document.classification;
  for (const PageReading* page : document.pages) {
    input.page_names.push_back(page->name);
    input.page_pdfs.emplace_back(page->pdf_path);
    if (page->kind == PageKind::kUnreadable) input.unreadable_files.push_back(sources[page->index].path);
  }
  return input;
}

// Writes the documents of every envelope and the report; fills the summary's counts.
Result<void> WriteOutput(const routing::OutputFolder& out, const std::string& box_id,
                         const std::vector<PageReading>& readings, const std::vector<ingest::PageSource>& sources,
                         const classifier::Classifier& classifier, ProcessSummary& summary) {
  mailroom::v1::BoxReport report = routing::StartBoxReport(box_id, readings);
  for (const auto& envelope : classifier::GroupEnvelopes(readings)) {
    const auto documents = classifier.Classify(envelope);
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const auto& document = documents[i];
      const auto id = routing::DocumentId(box_id, envelope.index, i, documents.size());
      auto written = routing::WriteDocument(out, MakeInput(box_id, id, document, sources));
      if (!written) return tl::unexpected(written.error());
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
  std::optional<classifier::DocTypeModel> doc_type_model;
  classifier::ClassifierOptions classifier_options = options.classifier;
  if (!options.doc_type_model.empty()) {
    auto model = classifier::DocTypeModel::Load(options.doc_type_model);
    if (!model) return BadInput(model.error());
    doc_type_model = std::move(*model);
    classifier_options.doc_type_model = &*doc_type_model;
  }

  auto out = routing::OutputFolder::Open(options.out_dir);
  if (!out) return RunFailed(out.error());

  ocr::OcrOptions ocr = options.ocr;
  ocr.pdf_dir = out->scratch();
  auto readings = ReadPages(
      *pages, WorkerCount(options.jobs), [&ocr] { return ocr::PageReader::Create(ocr); }, options.progress);
  if (!readings) return RunFailed(readings.error());

  ProcessSummary summary;
  summary.box_id = box->box_id;
  const classifier::Classifier classifier(*registry, classifier_options);
  auto written = WriteOutput(*out, box->box_id, *readings, *pages, classifier, summary);
  if (!written) return RunFailed(written.error());
  if (auto committed = out->Commit(); !committed) return RunFailed(committed.error());
  summary.elapsed = Clock::now() - start;
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
  text += fmt::format("output: {} (report.json, postkorb/, review/)\n", out_dir.string());
  return text;
}

}  // namespace mailroom::app
