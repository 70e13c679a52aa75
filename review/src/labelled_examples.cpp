#include "mailroom/review/labelled_examples.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include <nlohmann/json.hpp>

#include "document_json.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/pdf/pdf_document.h"
#include "mailroom/routing/output.h"

namespace mailroom::review {
namespace {

namespace fs = std::filesystem;

// How routing's notice page begins (routing/src/document_writer.cpp, JoinPages): it stands in for a
// page that could not be read, and its words are mailroom's own, so they must not teach the model
// that "konnte nicht gelesen werden" means the clerk's type. tests/review/labelled_examples_test.cpp
// exports a document with such a page, so a change of the wording fails there.
constexpr std::string_view kNoticePageStart = "Seite konnte nicht gelesen werden:";

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  return text;
}

// The text of every page of the PDF that carries the sender's words.
Result<std::vector<std::string>> PageTexts(const fs::path& pdf_file) {
  auto pdf = pdf::PdfDocument::Open(pdf_file);
  if (!pdf) return tl::unexpected(pdf.error());
  std::vector<std::string> pages;
  for (int i = 0; i < pdf->pages(); ++i) {
    auto text = pdf->PageText(i);
    if (!text) return tl::unexpected(text.error());
    const std::string_view words = Trimmed(*text);
    if (words.empty() || words.substr(0, kNoticePageStart.size()) == kNoticePageStart) continue;
    pages.push_back(std::move(*text));
  }
  return pages;
}

// One Postkorb JSON: an example if a person resolved it (and after `since`), else nothing.
Result<std::optional<LabelledExample>> ReadResolved(const fs::path& json_file, std::optional<UtcTime> since) {
  auto read = ReadDocumentJson(json_file);
  if (!read) return tl::unexpected(read.error());
  const mailroom::v1::Document& message = *read;
  if (!message.has_resolved_by()) return std::optional<LabelledExample>();  // routed without a person
  auto resolved_at = ParseUtcTime(message.resolved_at());
  if (!resolved_at) return Fail(json_file.string() + ": resolved_at: " + resolved_at.error().message);
  if (since && *resolved_at < *since) return std::optional<LabelledExample>();
  if (message.pdf().empty()) return Fail(json_file.string() + ": names no PDF");
  auto pages = PageTexts(json_file.parent_path() / message.pdf());
  if (!pages) return tl::unexpected(pages.error());
  return LabelledExample{message.document_id(),         message.box_id(), message.doc_type(), message.resolved_at(),
                         message.classifier_doc_type(), std::move(*pages)};
}

}  // namespace

Result<DeskResolutions> ReadDeskResolutions(const fs::path& out_dir, std::optional<UtcTime> since) {
  std::error_code ec;
  if (!fs::is_directory(out_dir, ec)) return Fail(out_dir.string() + ": no such output folder");
  DeskResolutions out;
  const fs::path postkorb = out_dir / "postkorb";
  if (!fs::exists(postkorb, ec)) return out;  // a run that routed nothing writes no postkorb/
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(postkorb, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code kind;
    if (it->path().extension() == ".json" && it->is_regular_file(kind)) files.push_back(it->path());
  }
  if (ec) return Fail(postkorb.string() + ": cannot read: " + ec.message());
  std::sort(files.begin(), files.end());  // directory order differs between file systems
  for (const fs::path& file : files) {
    auto example = ReadResolved(file, since);
    if (!example) {
      out.problems.push_back(example.error().message);
    } else if (*example && (*example)->pages.empty()) {
      ++out.without_text;
    } else if (*example) {
      out.examples.push_back(std::move(**example));
    }
  }
  std::sort(out.examples.begin(), out.examples.end(),
            [](const LabelledExample& a, const LabelledExample& b) { return a.document_id < b.document_id; });
  std::sort(out.problems.begin(), out.problems.end());
  return out;
}

std::string LabelledExampleJson(const LabelledExample& example) {
  nlohmann::json json = {
      {"schema_version", 1},          {"document_id", example.document_id}, {"box_id", example.box_id},
      {"doc_type", example.doc_type}, {"resolved_at", example.resolved_at}, {"pages", example.pages}};
  // A correction teaches more than a confirmation: the trainer may weigh it so.
  if (!example.classifier_doc_type.empty()) json["corrected_from"] = example.classifier_doc_type;
  // OCR text is UTF-8, but one broken byte must not lose the example (dump() would throw).
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string LabelledExampleFileName(const LabelledExample& example) {
  return routing::SafeFileName(example.document_id) + ".json";
}

int ExportSummary::written() const {
  int total = 0;
  for (const auto& [type, count] : per_doc_type) total += count;
  return total;
}

Result<ExportSummary> ExportLabelledExamples(const fs::path& out_dir, const fs::path& examples_dir,
                                             std::optional<UtcTime> since) {
  auto resolutions = ReadDeskResolutions(out_dir, since);
  ExportSummary summary;
  if (!resolutions) {  // input that cannot be read, as a broken file is: nothing written
    summary.problems.push_back(resolutions.error().message);
    return summary;
  }
  summary.without_text = resolutions->without_text;
  summary.problems = std::move(resolutions->problems);
  if (!summary.problems.empty()) return summary;
  if (auto made = CreatePrivateDirectories(examples_dir); !made) return tl::unexpected(made.error());
  for (const LabelledExample& example : resolutions->examples) {
    const fs::path file = examples_dir / LabelledExampleFileName(example);
    if (auto written = WriteFileAtomically(file, LabelledExampleJson(example)); !written) {
      return tl::unexpected(written.error());
    }
    ++summary.per_doc_type[example.doc_type];
  }
  return summary;
}

}  // namespace mailroom::review
