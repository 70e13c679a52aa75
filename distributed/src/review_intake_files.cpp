// TakeIntoReview: one review document from the queue into OUT_DIR/review/, in the order that
// review_intake.h explains (staged complete, marked as taken in, moved into view, synced).
#include <optional>
#include <system_error>
#include <vector>

#include "mailroom/common/atomic_file.h"
#include "mailroom/distributed/review_intake.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/output.h"
#include "mailroom/store/content_store.h"
#include "review_settled.h"

namespace mailroom::distributed {
namespace {

namespace fs = std::filesystem;

// The intake's own folder in OUT_DIR: hidden, so that neither the desk nor a person browsing the
// output takes it for documents, and outside review/, which is the desk's.
constexpr const char* kIntakeFolder = ".mailroom-review-intake";

struct Places {
  fs::path review;  // OUT_DIR/review
  fs::path intake;  // OUT_DIR/.mailroom-review-intake
  fs::path marker;  // intake/<id>: the document was taken in; holds its JSON's hash
  fs::path staged;  // intake/<id>.staged: PutDocument's root, the files in staged/review/
};

Places PlacesOf(const fs::path& out_dir, const std::string& id) {
  const fs::path intake = out_dir / kIntakeFolder;
  return {out_dir / "review", intake, intake / id, intake / (id + ".staged")};
}

// Why the message is no review document the desk could work on; empty when it is one.
std::string NotAReviewDocument(const mailroom::v1::RoutedDocument& routed) {
  const auto& doc = routed.document();
  const std::string& id = doc.document_id();
  if (routed.destination() != "review") {
    return "document '" + id + "' is for " + routed.destination() + ", not review";
  }
  if (id.empty() || routing::SafeFileName(id) != id) return "document '" + id + "': the id is not a safe file name";
  if (doc.jobcenter_id().kind_case() == google::protobuf::Value::kStringValue) {
    return "document " + id + " names a jobcenter: a review document has none";
  }
  // The in-tray finds the PDF by the name the JSON gives, beside the JSON.
  if (doc.pdf() != id + ".pdf") return "document " + id + ": its JSON names the PDF '" + doc.pdf() + "'";
  if (routed.pdf().empty()) return "document " + id + ": no PDF in the message";
  // An original goes beside the PDF under its own name: "<id>.<n>.orig<ext>", nothing else.
  for (const auto& original : routed.originals()) {
    const std::string& name = original.file_name();
    if (routing::SafeFileName(name) != name || name.rfind(id + ".", 0) != 0 ||
        name.find(".orig", id.size()) == std::string::npos) {
      return "document " + id + ": '" + name + "' is no name for an original of its pages";
    }
  }
  return "";
}

std::optional<std::string> ReadIfThere(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  auto bytes = ReadWholeFile(path);
  if (!bytes) return std::nullopt;
  return *bytes;
}

// The marker is written in the document's own folder and renamed into place: a worker killed
// while writing it leaves its temporary file there, which goes with that folder, not beside the
// markers, where nothing would ever clean it up.
Result<void> Mark(const Places& at, const std::string& hash) {
  if (auto made = CreatePrivateDirectories(at.staged); !made) return made;
  const fs::path written = at.staged / "marker";
  if (auto done = WriteFileAtomically(written, hash); !done) return done;
  std::error_code ec;
  fs::rename(written, at.marker, ec);
  if (ec) return Fail(written.string() + ": cannot move to " + at.marker.string() + ": " + ec.message());
  return SyncFolder(at.intake);
}

Result<void> RemoveStaged(const Places& at) {
  std::error_code ec;
  fs::remove_all(at.staged, ec);
  if (ec) return Fail(at.staged.string() + ": cannot remove: " + ec.message());
  return {};
}

// Renames the staged files into review/ (dot files are temporaries of a write that was killed),
// the JSON last, so that the desk sees a document only once it is complete; then syncs review/.
// True when the JSON was moved by this call: the document came into view now.
Result<bool> MoveIntoReview(const Places& at, const std::string& json_name) {
  const fs::path from = at.staged / "review";
  std::error_code ec;
  if (!fs::exists(from, ec)) {
    if (auto removed = RemoveStaged(at); !removed) return tl::unexpected(removed.error());
    return false;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(from, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != json_name && name.front() != '.') files.push_back(entry.path());
  }
  if (ec) return Fail(from.string() + ": cannot read: " + ec.message());
  const bool with_json = fs::exists(from / json_name, ec);
  if (with_json) files.push_back(from / json_name);
  for (const auto& file : files) {
    fs::rename(file, at.review / file.filename(), ec);
    if (ec) return Fail(file.string() + ": cannot move into " + at.review.string() + ": " + ec.message());
  }
  if (auto synced = SyncFolder(at.review); !synced) return tl::unexpected(synced.error());
  if (auto removed = RemoveStaged(at); !removed) return tl::unexpected(removed.error());
  return with_json;
}

IntakeOutcome Refused(std::string reason) {
  return {Intake::kRefused, std::move(reason)};
}

}  // namespace

Result<IntakeOutcome> TakeIntoReview(const mailroom::v1::RoutedDocument& routed, const fs::path& out_dir,
                                     const ResolvedInLedger& resolved_in_ledger) {
  if (auto why = NotAReviewDocument(routed); !why.empty()) return Refused(why);
  const auto& doc = routed.document();
  const std::string& id = doc.document_id();
  // The same bytes `mailroom process` writes: the JSON printed from the same message.
  auto json = proto::ToJson(doc);
  if (!json) return Refused("document " + id + ": " + json.error().message);
  const std::string hash = store::ContentRef(*json);
  const Places at = PlacesOf(out_dir, id);
  for (const auto& folder : {at.review, at.intake}) {
    if (auto made = CreatePrivateDirectories(folder); !made) return tl::unexpected(made.error());
  }

  // Taken in before: whatever became of it since, it is not written again. An interrupted move
  // into review/ is finished (the desk cannot have seen a document whose JSON was not there).
  if (auto marked = ReadIfThere(at.marker)) {
    if (*marked != hash) {
      return Refused("document " + id + " was taken into review before with another JSON (" + *marked + ", now " +
                     hash + "): not written again");
    }
    auto moved = MoveIntoReview(at, id + ".json");
    if (!moved) return tl::unexpected(moved.error());
    return IntakeOutcome{*moved ? Intake::kWritten : Intake::kAlreadyThere, ""};
  }
  // Not through this intake, but there already or settled: a folder filled another way (by
  // `mailroom process`), or markers lost with a restored backup. Marked now, so it stays so.
  if (auto there = ReadIfThere(at.review / (id + ".json"))) {
    if (*there != *json) return Refused("document " + id + " is in review/ already with another JSON: not overwritten");
    if (auto marked = Mark(at, hash); !marked) return tl::unexpected(marked.error());
    if (auto removed = RemoveStaged(at); !removed) return tl::unexpected(removed.error());
    return IntakeOutcome{Intake::kAlreadyThere, ""};
  }
  std::optional<std::string> settled = SettledIn(out_dir, id);
  if (!settled && resolved_in_ledger) {
    auto resolved = resolved_in_ledger(doc.box_id(), id);
    if (!resolved) return tl::unexpected(resolved.error());
    if (*resolved) settled = "resolved in the ledger";
  }
  if (settled) {
    if (auto marked = Mark(at, hash); !marked) return tl::unexpected(marked.error());
    if (auto removed = RemoveStaged(at); !removed) return tl::unexpected(removed.error());
    return IntakeOutcome{Intake::kSettled, *settled};
  }

  // New: complete in its own folder first, then marked, then into view.
  // What a worker killed before the marker left: a document never in view, written anew.
  if (auto removed = RemoveStaged(at); !removed) return tl::unexpected(removed.error());
  routing::AssembledDocument document;
  document.folder = "review";
  document.base_name = id;
  document.pdf = routed.pdf();
  document.json = *json;
  // The originals of unreadable pages beside the PDF, as `process` puts them.
  for (const auto& original : routed.originals())
    document.originals.push_back({original.file_name(), original.content()});
  if (auto put = routing::PutDocument(at.staged, document); !put) return tl::unexpected(put.error());
  if (auto synced = SyncFolder(at.staged / "review"); !synced) return tl::unexpected(synced.error());
  if (auto marked = Mark(at, hash); !marked) return tl::unexpected(marked.error());
  auto moved = MoveIntoReview(at, document.json_name());
  if (!moved) return tl::unexpected(moved.error());
  return IntakeOutcome{Intake::kWritten, ""};
}

}  // namespace mailroom::distributed
