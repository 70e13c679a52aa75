#include "mailroom/review/in_tray.h"
#include "mailroom/common/safe_names.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "mailroom.pb.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/document_message.h"
#include "mailroom/routing/output.h"

#include "document_json.h"

namespace mailroom::review {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Strings(const google::protobuf::RepeatedPtrField<std::string>& field) {
  return {field.begin(), field.end()};
}

Result<ReviewDocument> ReadDocument(const fs::path& json_file) {
  auto read = ReadDocumentJson(json_file);
  if (!read) return tl::unexpected(read.error());
  const mailroom::v1::Document& message = *read;
  ReviewDocument document;
  document.document_id = message.document_id();
  document.box_id = message.box_id();
  document.box_arrived_at = message.box_arrived_at();
  document.doc_type = message.doc_type();
  document.reason = message.reason();
  document.priority = message.priority();
  if (message.has_contested_decision_date()) document.contested_decision_date = message.contested_decision_date();
  document.confidence = message.confidence();
  document.pages = Strings(message.pages());
  document.candidates = Strings(message.candidates());
  document.evidence = Strings(message.evidence());
  document.person_match = Strings(message.person_match());
  document.candidate_evidence = routing::CandidateEvidenceOf(message);
  document.json_file = json_file;
  document.pdf_file = json_file.parent_path() / message.pdf();
  return document;
}

// Objections first (their deadline runs), then the longest waiting, then a stable order.
bool WorkedBefore(const ReviewDocument& a, const ReviewDocument& b) {
  if (a.priority != b.priority) return a.priority;
  if (a.box_arrived_at != b.box_arrived_at) return a.box_arrived_at < b.box_arrived_at;  // ISO text sorts as time
  return a.document_id < b.document_id;
}

}  // namespace

Result<InTray> ListInTray(const fs::path& out_dir) {
  const fs::path folder = out_dir / "review";
  std::error_code ec;
  if (!fs::exists(out_dir, ec)) return Fail(out_dir.string() + ": no such output folder");
  InTray tray;
  if (!fs::exists(folder, ec)) return tray;  // a run without review documents writes no review/
  fs::directory_iterator entries(folder, ec);
  if (ec) return Fail(folder.string() + ": cannot read: " + ec.message());
  for (const auto& entry : entries) {
    if (entry.path().extension() != ".json" || !entry.is_regular_file(ec)) continue;
    auto document = ReadDocument(entry.path());
    if (document) {
      tray.documents.push_back(std::move(*document));
    } else {
      tray.problems.push_back(document.error().message);
    }
  }
  std::sort(tray.documents.begin(), tray.documents.end(), WorkedBefore);
  std::sort(tray.problems.begin(), tray.problems.end());
  return tray;
}

// One document is read from its own file (named as routing names it), not by parsing the whole
// in-tray: a clerk's every action starts here.
Result<ReviewDocument> FindReviewDocument(const fs::path& out_dir, const std::string& document_id) {
  // From a command line or a URL: refused when it is no id, never turned into another one.
  if (auto bad = CheckId("document id", document_id); !bad) return tl::unexpected(bad.error());
  const fs::path json_file = out_dir / "review" / (routing::SafeFileName(document_id) + ".json");
  std::error_code ec;
  if (!fs::exists(json_file, ec)) return Fail("document " + document_id + " is not in review in " + out_dir.string());
  auto document = ReadDocument(json_file);
  if (!document) return tl::unexpected(document.error());
  if (document->document_id != document_id) {
    return Fail(json_file.string() + ": holds document " + document->document_id + ", not " + document_id);
  }
  return document;
}

std::string WaitingTime(const std::string& box_arrived_at, UtcTime now) {
  auto arrived = ParseUtcTime(box_arrived_at);
  if (!arrived || *arrived > now) return "?";
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - *arrived).count();
  if (minutes < 60) return fmt::format("{} min", minutes);
  const auto hours = minutes / 60;
  if (hours < 24) return fmt::format("{} h", hours);
  return fmt::format("{} d {} h", hours / 24, hours % 24);
}

}  // namespace mailroom::review
