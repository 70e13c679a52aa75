#include <system_error>

#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/document_message.h"
#include "mailroom/routing/output.h"

namespace mailroom::routing {
namespace {

namespace fs = std::filesystem;

void SetNullableString(google::protobuf::Value* value, const std::optional<std::string>& text) {
  if (text) {
    value->set_string_value(*text);
  } else {
    value->set_null_value(google::protobuf::NULL_VALUE);
  }
}

fs::path FolderOf(const DocumentInput& input) {
  const auto& c = input.classification;
  if (!c.routed || !c.jobcenter_id) return "review";
  return PostkorbFolder(*c.jobcenter_id, c.team);
}

// The PDF a person sees: the pages in order; a page that could not be read is a notice page
// that names the file, so the document never silently has fewer pages than the envelope.
Result<std::string> JoinPages(const DocumentInput& input, const fs::path& scratch) {
  std::vector<fs::path> parts, notices;
  for (size_t i = 0; i < input.page_names.size(); ++i) {
    if (i < input.page_pdfs.size() && !input.page_pdfs[i].empty()) {
      parts.push_back(input.page_pdfs[i]);
      continue;
    }
    fs::path notice = scratch / (SafeFileName(input.document_id) + "-notice-" + std::to_string(i) + ".pdf");
    auto written = WriteNoticePdf(
        notice, "Seite konnte nicht gelesen werden: " + input.page_names[i] + "\n" + input.classification.reason);
    if (!written) return tl::unexpected(written.error());
    parts.push_back(notice);
    notices.push_back(notice);
  }
  // Dated by the box's arrival, not the clock: assembled again (a redelivery, a restarted router,
  // the other transport), the document is the same bytes, and the Postkorb knows it for a repeat.
  auto joined = JoinPdfs(parts, "document " + input.document_id, input.document_id, input.box_arrived_at);
  std::error_code ignored;
  for (const auto& notice : notices) fs::remove(notice, ignored);
  return joined;
}

std::vector<AssembledDocument::Original> Originals(const DocumentInput& input) {
  std::vector<AssembledDocument::Original> originals;
  for (size_t i = 0; i < input.unreadable_files.size(); ++i) {
    const auto& original = input.unreadable_files[i];
    auto bytes = ReadWholeFile(original);
    // A folder or an unreadable file: the notice page and the reason already name it.
    if (!bytes) continue;
    originals.push_back({OriginalFileName(input.document_id, i + 1, original), std::move(*bytes)});
  }
  return originals;
}

}  // namespace

std::string OriginalFileName(const std::string& document_id, std::size_t n, const fs::path& input_file) {
  return document_id + "." + std::to_string(n) + ".orig" + SafeFileName(input_file.extension().string());
}

fs::path PostkorbFolder(const std::string& jobcenter_id, const std::string& team) {
  return fs::path("postkorb") / SafeFileName(jobcenter_id) / SafeFileName(team);
}

std::string SafeFileName(const std::string& id) {
  std::string safe;
  for (char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    safe += ok ? c : '_';
  }
  if (safe.empty() || safe == "." || safe == "..") safe = "_" + safe;
  return safe;
}

mailroom::v1::Document MakeDocument(const DocumentInput& input, const std::string& pdf_name) {
  const auto& c = input.classification;
  mailroom::v1::Document doc;
  doc.set_document_id(input.document_id);
  doc.set_box_id(input.box_id);
  SetNullableString(doc.mutable_jobcenter_id(), c.routed ? c.jobcenter_id : std::nullopt);
  doc.set_team(c.team);
  SetNullableString(doc.mutable_bg_number(), c.bg_number);
  doc.set_doc_type(c.doc_type);
  for (const auto& page : input.page_names) doc.add_pages(page);
  doc.set_page_count(static_cast<int>(input.page_names.size()));
  doc.set_box_arrived_at(input.box_arrived_at);
  doc.set_confidence(c.confidence);
  for (const auto& evidence : c.evidence) doc.add_evidence(evidence);
  doc.set_pdf(pdf_name);
  doc.set_priority(c.priority);
  if (!c.routed) doc.set_reason(c.reason.empty() ? "needs review" : c.reason);
  if (!c.routed) {
    for (const auto& candidate : c.candidates) doc.add_candidates(candidate);
    SetCandidateEvidence(c.candidate_evidence, doc);
  }
  if (c.contested_decision_date) doc.set_contested_decision_date(*c.contested_decision_date);
  for (const auto& field : c.person_match) doc.add_person_match(field);
  if (c.ignored_number) doc.set_ignored_number(*c.ignored_number);
  return doc;
}

classifier::Classification ClassificationOf(const mailroom::v1::Document& document) {
  classifier::Classification c;
  const auto text = [](const google::protobuf::Value& v) -> std::optional<std::string> {
    if (v.kind_case() == google::protobuf::Value::kStringValue) return v.string_value();
    return std::nullopt;
  };
  c.jobcenter_id = text(document.jobcenter_id());
  c.routed = c.jobcenter_id.has_value();
  c.bg_number = text(document.bg_number());
  c.doc_type = document.doc_type();
  c.team = document.team();
  c.confidence = document.confidence();
  c.evidence.assign(document.evidence().begin(), document.evidence().end());
  c.priority = document.priority();
  c.reason = document.reason();
  c.candidates.assign(document.candidates().begin(), document.candidates().end());
  c.candidate_evidence = CandidateEvidenceOf(document);
  if (document.has_contested_decision_date()) c.contested_decision_date = document.contested_decision_date();
  c.person_match.assign(document.person_match().begin(), document.person_match().end());
  if (document.has_ignored_number()) c.ignored_number = document.ignored_number();
  return c;
}

DocumentInput InputOf(const classifier::PlannedDocument& planned, const std::string& box_id,
                      const std::string& box_arrived_at) {
  DocumentInput input;
  input.box_id = box_id;
  input.box_arrived_at = box_arrived_at;
  input.document_id = planned.document_id;
  input.classification = planned.document.classification;
  for (const PageReading* page : planned.document.pages) input.page_names.push_back(page->name);
  return input;
}

Result<AssembledDocument> AssembleDocument(const DocumentInput& input, const fs::path& scratch) {
  AssembledDocument document;
  document.folder = FolderOf(input);
  document.base_name = SafeFileName(input.document_id);
  if (auto made = CreatePrivateDirectories(scratch); !made) return tl::unexpected(made.error());
  auto pdf = JoinPages(input, scratch);
  if (!pdf) return tl::unexpected(pdf.error());
  document.pdf = std::move(*pdf);
  auto json = proto::ToJson(MakeDocument(input, document.pdf_name()));
  if (!json) return tl::unexpected(json.error());
  document.json = std::move(*json);
  document.originals = Originals(input);
  return document;
}

Result<fs::path> OutputFolder::Put(const AssembledDocument& document) const {
  return PutDocument(staging_, document);
}

Result<fs::path> PutDocument(const fs::path& root, const AssembledDocument& document) {
  const fs::path folder = root / document.folder;
  if (auto made = CreatePrivateDirectories(folder); !made) return tl::unexpected(made.error());
  if (auto written = WriteFileAtomically(folder / document.pdf_name(), document.pdf); !written)
    return tl::unexpected(written.error());
  for (const auto& original : document.originals) {
    if (auto written = WriteFileAtomically(folder / original.file_name, original.bytes); !written)
      return tl::unexpected(written.error());
  }
  // The JSON goes last: a consumer that waits for it finds the PDF complete.
  if (auto written = WriteFileAtomically(folder / document.json_name(), document.json); !written)
    return tl::unexpected(written.error());
  return document.folder / document.json_name();
}

Result<fs::path> WriteDocument(const OutputFolder& out, const DocumentInput& input) {
  auto document = AssembleDocument(input, out.scratch());
  if (!document) return tl::unexpected(document.error());
  return out.Put(*document);
}

Result<void> WriteReport(const OutputFolder& out, const classifier::BoxPlan& plan) {
  auto json = proto::ToJson(ReportOf(plan));
  if (!json) return tl::unexpected(json.error());
  return WriteFileAtomically(out.staging() / "report.json", *json);
}

}  // namespace mailroom::routing
