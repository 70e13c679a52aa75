#include <system_error>

#include "mailroom/common/atomic_file.h"
#include "mailroom/routing/output.h"

namespace mailroom::routing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStagingName = ".mailroom-staging";
constexpr const char* kPreviousName = ".mailroom-previous";
// What a run owns in OUT_DIR. report.json comes last: it marks a complete output.
constexpr const char* kOwnedEntries[] = {"postkorb", "review", "report.json"};

Result<void> RemoveAll(const fs::path& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) return Fail(path.string() + ": cannot remove: " + ec.message());
  return {};
}

Result<void> MoveIfExists(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (!fs::exists(from, ec)) return {};
  fs::rename(from, to, ec);
  if (ec) return Fail(from.string() + ": cannot move to " + to.string() + ": " + ec.message());
  return {};
}

}  // namespace

Result<OutputFolder> OutputFolder::Open(const fs::path& out_dir) {
  OutputFolder out;
  out.root_ = out_dir;
  out.staging_ = out_dir / kStagingName;
  if (auto made = CreatePrivateDirectories(out_dir); !made) return tl::unexpected(made.error());
  // Leftovers of a run that was killed: its staging area never became visible output.
  if (auto removed = RemoveAll(out.staging_); !removed) return tl::unexpected(removed.error());
  if (auto made = CreatePrivateDirectories(out.scratch()); !made) {
    return Fail(out_dir.string() + ": output folder is not writable: " + made.error().message);
  }
  // Prove early that files can be written, before any page is read.
  if (auto probe = WriteFileAtomically(out.staging_ / ".probe", "ok"); !probe) {
    return Fail(out_dir.string() + ": output folder is not writable: " + probe.error().message);
  }
  return out;
}

Result<void> OutputFolder::Commit() {
  const fs::path previous = root_ / kPreviousName;
  if (auto removed = RemoveAll(previous); !removed) return removed;
  if (auto made = CreatePrivateDirectories(previous); !made) return made;
  // Take the earlier result out of view first (report.json first, so no stale report describes
  // the new folders), then bring the new one in with report.json last.
  for (const char* entry : {"report.json", "postkorb", "review"}) {
    if (auto moved = MoveIfExists(root_ / entry, previous / entry); !moved) return moved;
  }
  for (const char* entry : kOwnedEntries) {
    if (auto moved = MoveIfExists(staging_ / entry, root_ / entry); !moved) return moved;
  }
  if (auto removed = RemoveAll(previous); !removed) return removed;
  return RemoveAll(staging_);
}

}  // namespace mailroom::routing
