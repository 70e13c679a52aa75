#include "mailroom/review/assignment.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "document_json.h"
#include "mailroom.pb.h"
#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/output.h"

namespace mailroom::review {
namespace {

namespace fs = std::filesystem;

// "35301 bg 0012345" -> "35301BG0012345": what a clerk types, as the registry writes it.
std::string Normalised(const std::string& typed) {
  std::string number;
  for (unsigned char c : typed) {
    if (std::isspace(c) == 0) number += static_cast<char>(std::toupper(c));
  }
  return number;
}

}  // namespace

std::optional<fs::path> InPostkorb(const fs::path& out_dir, const std::string& json_name) {
  std::error_code ec;
  const fs::path postkorb = out_dir / "postkorb";
  if (!fs::exists(postkorb, ec)) return std::nullopt;
  for (fs::recursive_directory_iterator it(postkorb, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == json_name) return it->path();
  }
  return std::nullopt;
}

Result<ResolvedCase> ResolveCase(const classifier::Registry& registry, const classifier::ClassifierOptions& options,
                                 const ReviewDocument& document, const Assignment& assignment) {
  const std::string number = Normalised(assignment.number);
  std::string bg = number;
  if (registry.cases.count(bg) == 0) {
    const auto customer = registry.bg_by_customer_number.find(number);
    if (customer == registry.bg_by_customer_number.end()) {
      return Fail("'" + assignment.number + "' is neither a registered BG number nor a registered customer number");
    }
    bg = customer->second;
  }
  const classifier::Jobcenter* jobcenter = registry.JobcenterOf(bg);
  if (jobcenter == nullptr) return Fail("BG number " + bg + " has no jobcenter in the registry");
  ResolvedCase resolved;
  resolved.bg_number = bg;
  resolved.jobcenter_id = jobcenter->id;
  resolved.doc_type = assignment.doc_type.value_or(document.doc_type);
  const auto& types = classifier::DocTypeVocabulary();
  if (std::find(types.begin(), types.end(), resolved.doc_type) == types.end()) {
    return Fail("'" + resolved.doc_type + "' is not a document type (one of the contract's doc_type values)");
  }
  resolved.team = classifier::TeamFor(resolved.doc_type, options);
  for (const auto& person : registry.cases.at(bg)) {
    resolved.persons.push_back(person.given_name + " " + person.surname + ", born " + person.birth_date);
  }
  return resolved;
}

Result<fs::path> AssignDocument(const fs::path& out_dir, const ReviewDocument& document, const ResolvedCase& resolved,
                                const std::string& resolved_by, UtcTime resolved_at) {
  auto read = ReadDocumentJson(document.json_file);
  if (!read) return tl::unexpected(read.error());
  mailroom::v1::Document message = std::move(*read);
  const fs::path folder = routing::PostkorbFolder(resolved.jobcenter_id, resolved.team);
  const fs::path json_name = document.json_file.filename();
  if (auto earlier = InPostkorb(out_dir, json_name.string()); earlier && earlier->parent_path() != out_dir / folder) {
    return Fail("document " + document.document_id + " is already delivered to " +
                fs::relative(*earlier, out_dir).string() + "; it is not delivered a second time");
  }

  message.mutable_jobcenter_id()->set_string_value(resolved.jobcenter_id);
  if (resolved.bg_number.empty()) {  // forwarded to the jobcenter: its staff find the case
    message.mutable_bg_number()->set_null_value(google::protobuf::NULL_VALUE);
  } else {
    message.mutable_bg_number()->set_string_value(resolved.bg_number);
  }
  if (message.doc_type() != resolved.doc_type) {
    message.set_classifier_doc_type(message.doc_type());
    message.set_doc_type(resolved.doc_type);
    message.set_priority(resolved.doc_type == "objection");
    if (resolved.doc_type != "objection") message.clear_contested_decision_date();
  }
  message.set_team(resolved.team);
  message.clear_reason();
  message.clear_candidates();
  message.clear_candidate_evidence();
  message.clear_evidence();
  message.add_evidence("review_desk");
  message.set_confidence(1.0);
  message.set_resolved_by(resolved_by);
  message.set_resolved_at(FormatUtcTime(resolved_at));
  auto json = proto::ToJson(message);
  if (!json) return tl::unexpected(json.error());

  const fs::path target = out_dir / folder;
  if (auto made = CreatePrivateDirectories(target); !made) return tl::unexpected(made.error());
  // A PDF already moved by an interrupted run is where it belongs; else copy it from review/.
  const fs::path pdf_target = target / document.pdf_file.filename();
  std::error_code ec;
  if (fs::exists(document.pdf_file, ec)) {
    auto pdf = ReadWholeFile(document.pdf_file);
    if (!pdf) return tl::unexpected(pdf.error());
    if (auto written = WriteFileAtomically(pdf_target, *pdf); !written) return tl::unexpected(written.error());
  } else if (!fs::exists(pdf_target, ec)) {
    return Fail(document.pdf_file.string() + ": the document's PDF is missing");
  }
  // The JSON goes last: a consumer that waits for it finds the PDF complete.
  if (auto written = WriteFileAtomically(target / json_name, *json); !written) return tl::unexpected(written.error());
  // Now the document is in the Postkorb: only then does it leave review/.
  fs::remove(document.json_file, ec);
  if (ec) return Fail(document.json_file.string() + ": delivered, but cannot be removed from review: " + ec.message());
  fs::remove(document.pdf_file, ec);
  return folder / json_name;
}

const std::vector<std::string>& HandAccountKinds() {
  static const std::vector<std::string> kinds{"unreadable", "blank", "not-mail"};
  return kinds;
}

Result<fs::path> MoveToAccounted(const fs::path& out_dir, const ReviewDocument& document) {
  const fs::path target = out_dir / "accounted";
  if (auto made = CreatePrivateDirectories(target); !made) return tl::unexpected(made.error());
  // The document's files: "<id>.pdf", "<id>.1.orig.jpg", ..., and "<id>.json" last, so that a
  // document still listed in review/ has all its files there or already moved.
  const std::string stem = document.json_file.stem().string();
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(document.json_file.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(stem + ".", 0) == 0 && entry.path() != document.json_file) files.push_back(entry.path());
  }
  if (ec) return Fail(document.json_file.parent_path().string() + ": cannot read: " + ec.message());
  files.push_back(document.json_file);
  for (const auto& file : files) {
    fs::rename(file, target / file.filename(), ec);
    if (ec) return Fail(file.string() + ": cannot move to " + target.string() + ": " + ec.message());
  }
  return fs::path("accounted") / document.json_file.filename();
}

}  // namespace mailroom::review
