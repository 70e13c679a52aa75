#include "mailroom/store/store_gc.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <unordered_map>

#include "blob_files.h"
#include "box_owners.h"
#include "content_ref.h"
#include "store_walk.h"

namespace mailroom::store {
namespace {

namespace fs = std::filesystem;

fs::path TrashFolder(const fs::path& root) {
  return root / "trash";
}

// Holds ROOT/gc.lock for one run: two collectors deciding from different snapshots could each put
// back less than the other removed.
Result<UniqueFd> LockStore(const fs::path& root) {
  const fs::path lock = root / "gc.lock";
  UniqueFd fd(::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (!fd.valid()) return Fail(lock.string() + ": cannot open: " + ErrnoText());
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) return Fail(lock.string() + ": another store gc is running on this store");
    return Fail(lock.string() + ": cannot lock: " + ErrnoText());
  }
  return fd;
}

// Moves `hex` from the trash back to its place (or drops the trash copy if a complete one is there).
Result<void> PutBack(const fs::path& root, const std::string& hex) {
  const fs::path from = TrashFolder(root) / hex;
  const fs::path shard = ShardFolder(root, hex);
  if (auto made = MakeShardFolders(shard); !made) return made;
  if (RegularFileSize(BlobPath(root, hex)) == RegularFileSize(from)) {
    if (::unlink(from.c_str()) != 0 && errno != ENOENT) return Fail(from.string() + ": cannot remove: " + ErrnoText());
    return {};
  }
  if (::rename(from.c_str(), BlobPath(root, hex).c_str()) != 0) {
    return Fail(from.string() + ": cannot put back into the store: " + ErrnoText());
  }
  return SyncFolder(shard);
}

// What an interrupted run left in the trash goes back before anything is decided.
Result<uint64_t> RestoreTrash(const fs::path& root) {
  uint64_t restored = 0;
  std::error_code ec;
  fs::directory_iterator it(TrashFolder(root), ec);
  if (ec == std::errc::no_such_file_or_directory) return restored;
  std::vector<std::string> names;
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) names.push_back(it->path().filename().string());
  if (ec) return Fail(TrashFolder(root).string() + ": cannot list: " + ec.message());
  for (const auto& name : names) {
    if (!IsBlobName(name)) continue;
    if (auto back = PutBack(root, name); !back) return tl::unexpected(back.error());
    ++restored;
  }
  if (auto synced = SyncFolder(TrashFolder(root)); !synced) return tl::unexpected(synced.error());
  return restored;
}

bool OlderThan(std::time_t written, const GcOptions& options) {
  const auto age = options.now - std::chrono::system_clock::from_time_t(written);
  return age >= options.grace;
}

// The decisions of one run, from one snapshot of the records and the blobs.
struct Plan {
  std::vector<OwnerEntry> owners;
  std::vector<BoxVerdict> verdicts;
  std::vector<bool> lets_go;  // the box's records go, and its blobs unless another box keeps them
  std::unordered_map<std::string, std::vector<size_t>> owners_of;  // hex -> indexes into owners
  std::vector<BlobEntry> blobs;
  std::set<std::string> doomed;  // hex of the blobs to remove
};

BoxVerdict VerdictOf(const OwnerEntry& owner, const GcOptions& options) {
  if (!owner.decoded) return {BoxFate::kUnknown, "folder name is not a box id"};
  return options.verdict(owner.box_id);
}

// An unknown box lets go only when asked to, and only when it has written nothing in the grace
// period: a box being ingested right now writes its records as its pages come.
bool LetsGo(const OwnerEntry& owner, const BoxVerdict& verdict, const GcOptions& options) {
  if (verdict.fate == BoxFate::kRemove) return true;
  if (verdict.fate == BoxFate::kKeep || !options.remove_orphans) return false;
  if (!OlderThan(owner.changed.tv_sec, options)) return false;
  return std::all_of(owner.records.begin(), owner.records.end(),
                     [&](const auto& record) { return OlderThan(record.second, options); });
}

void DecideBlob(const BlobEntry& blob, Plan& plan, const GcOptions& options, GcReport& report) {
  auto found = plan.owners_of.find(blob.hex);
  if (found == plan.owners_of.end()) {
    if (!OlderThan(blob.written, options)) {
      ++report.kept_young_unknown;
    } else if (options.remove_orphans) {
      plan.doomed.insert(blob.hex);
    } else {
      ++report.kept_old_unknown;
    }
    return;
  }
  bool all_let_go = true, kept_by_known = false, young = false;
  for (size_t i : found->second) {
    if (plan.lets_go[i]) continue;
    all_let_go = false;
    if (plan.verdicts[i].fate == BoxFate::kKeep) kept_by_known = true;
    if (!OlderThan(plan.owners[i].records.at(blob.hex), options)) young = true;
  }
  if (all_let_go) {
    plan.doomed.insert(blob.hex);
  } else if (!kept_by_known) {
    ++(young ? report.kept_young_unknown : report.kept_old_unknown);
  }
}

Result<Plan> MakePlan(const fs::path& root, const GcOptions& options, GcReport& report) {
  Plan plan;
  auto owners = ListOwners(root);
  if (!owners) return tl::unexpected(owners.error());
  plan.owners = std::move(*owners);
  for (size_t i = 0; i < plan.owners.size(); ++i) {
    const OwnerEntry& owner = plan.owners[i];
    plan.verdicts.push_back(VerdictOf(owner, options));
    plan.lets_go.push_back(LetsGo(owner, plan.verdicts.back(), options));
    for (const auto& record : owner.records) plan.owners_of[record.first].push_back(i);
  }
  auto blobs = ListBlobs(root);
  if (!blobs) return tl::unexpected(blobs.error());
  plan.blobs = std::move(*blobs);
  for (const auto& blob : plan.blobs) DecideBlob(blob, plan, options, report);
  return plan;
}

// The counts of the report, from the blobs that are (or in a dry run would be) removed.
void Summarize(const Plan& plan, GcReport& report) {
  std::unordered_map<std::string, uint64_t> size_of;
  for (const auto& blob : plan.blobs) size_of[blob.hex] = blob.size;
  for (const auto& hex : plan.doomed) {
    ++report.blobs_removed;
    report.bytes_freed += size_of[hex];
    if (!plan.owners_of.contains(hex)) ++report.orphans_removed;
  }
  for (size_t i = 0; i < plan.owners.size(); ++i) {
    if (!plan.lets_go[i]) continue;
    const auto& verdict = plan.verdicts[i];
    GcBox box{plan.owners[i].box_id,
              verdict.fate == BoxFate::kRemove ? verdict.reason : "unknown, nothing written in the grace period"};
    for (const auto& record : plan.owners[i].records) {
      if (!plan.doomed.contains(record.first)) continue;
      ++box.blobs;
      box.bytes += size_of[record.first];
    }
    report.boxes.push_back(std::move(box));
  }
}

// Step 1: every blob to go is renamed into the trash, so that none is half removed.
Result<void> MoveToTrash(const fs::path& root, Plan& plan) {
  if (auto made = CreatePrivateDirectories(TrashFolder(root)); !made) return made;
  std::set<fs::path> shards;
  for (auto it = plan.doomed.begin(); it != plan.doomed.end();) {
    const fs::path from = BlobPath(root, *it);
    if (::rename(from.c_str(), (TrashFolder(root) / *it).c_str()) != 0) {
      if (errno != ENOENT) return Fail(from.string() + ": cannot move to the trash: " + ErrnoText());
      it = plan.doomed.erase(it);  // gone already (removed by hand): nothing to free
      continue;
    }
    shards.insert(ShardFolder(root, *it));
    ++it;
  }
  for (const auto& shard : shards) {
    if (auto synced = SyncFolder(shard); !synced) return synced;
  }
  return SyncFolder(TrashFolder(root));
}

// Step 2: a box that recorded a trashed blob since the snapshot (its folder changed, or is new)
// gets it back, and its folder's records stay this run. Folders changed within two seconds of
// the snapshot count as changed too, for file systems with coarse times.
Result<uint64_t> PutBackLateClaims(const fs::path& root, Plan& plan, std::time_t started,
                                   std::set<std::string>& changed_folders) {
  std::unordered_map<std::string, const OwnerEntry*> snapshot;
  for (const auto& owner : plan.owners) snapshot[owner.folder_name] = &owner;
  auto now_owners = ListOwners(root);
  if (!now_owners) return tl::unexpected(now_owners.error());
  uint64_t put_back = 0;
  for (const auto& owner : *now_owners) {
    auto before = snapshot.find(owner.folder_name);
    const bool changed = before == snapshot.end() || before->second->changed.tv_sec != owner.changed.tv_sec ||
                         before->second->changed.tv_nsec != owner.changed.tv_nsec ||
                         owner.changed.tv_sec >= started - 2;
    if (!changed) continue;
    changed_folders.insert(owner.folder_name);
    for (const auto& record : owner.records) {
      if (!plan.doomed.contains(record.first)) continue;
      if (auto back = PutBack(root, record.first); !back) return tl::unexpected(back.error());
      plan.doomed.erase(record.first);
      ++put_back;
    }
  }
  return put_back;
}

// Step 3: the trash is emptied.
Result<void> EmptyTrash(const fs::path& root, const Plan& plan) {
  for (const auto& hex : plan.doomed) {
    const fs::path file = TrashFolder(root) / hex;
    if (::unlink(file.c_str()) != 0 && errno != ENOENT) return Fail(file.string() + ": cannot remove: " + ErrnoText());
  }
  return SyncFolder(TrashFolder(root));
}

// Step 4: the records of the boxes that let go, last: until here a crash leaves them, and the next
// run decides again from them.
Result<void> RemoveRecords(const fs::path& root, const Plan& plan, const std::set<std::string>& changed_folders) {
  for (size_t i = 0; i < plan.owners.size(); ++i) {
    const OwnerEntry& owner = plan.owners[i];
    if (!plan.lets_go[i] || changed_folders.contains(owner.folder_name)) continue;
    const fs::path folder = OwnersRoot(root) / owner.folder_name;
    for (const auto& record : owner.records) {
      const fs::path file = folder / record.first;
      if (::unlink(file.c_str()) != 0 && errno != ENOENT) {
        return Fail(file.string() + ": cannot remove: " + ErrnoText());
      }
    }
    // A record written since the listing keeps the folder: rmdir fails, and the next run decides.
    if (::rmdir(folder.c_str()) != 0 && errno != ENOTEMPTY && errno != EEXIST && errno != ENOENT) {
      return Fail(folder.string() + ": cannot remove: " + ErrnoText());
    }
  }
  return SyncFolder(OwnersRoot(root));
}

void Step(const GcOptions& options, std::string_view step) {
  if (options.on_step) options.on_step(step);
}

Result<void> Execute(const fs::path& root, Plan& plan, const GcOptions& options, std::time_t started,
                     GcReport& report) {
  if (auto moved = MoveToTrash(root, plan); !moved) return moved;
  Step(options, "trashed");
  std::set<std::string> changed_folders;
  auto put_back = PutBackLateClaims(root, plan, started, changed_folders);
  if (!put_back) return tl::unexpected(put_back.error());
  report.reclaimed_by_late_owner = *put_back;
  if (auto emptied = EmptyTrash(root, plan); !emptied) return emptied;
  Step(options, "deleted");
  return RemoveRecords(root, plan, changed_folders);
}

}  // namespace

Result<GcReport> CollectGarbage(const ContentStore& store, const GcOptions& options) {
  if (!options.verdict) return Fail("content store gc: no verdict for the boxes given");
  const fs::path& root = store.root();
  auto lock = LockStore(root);
  if (!lock) return tl::unexpected(lock.error().Prefixed("content store gc"));
  GcReport report;
  if (!options.dry_run) {
    auto restored = RestoreTrash(root);
    if (!restored) return tl::unexpected(restored.error().Prefixed("content store gc"));
    report.restored_from_trash = *restored;
  }
  const std::time_t started = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  auto plan = MakePlan(root, options, report);
  if (!plan) return tl::unexpected(plan.error().Prefixed("content store gc"));
  if (!options.dry_run) {
    if (auto done = Execute(root, *plan, options, started, report); !done) {
      return tl::unexpected(done.error().Prefixed("content store gc (the next run puts the trash back)"));
    }
  }
  Summarize(*plan, report);
  auto usage = MeasureStore(store);
  if (!usage) return tl::unexpected(usage.error().Prefixed("content store gc"));
  report.after = *usage;
  if (options.dry_run) {
    report.after.blobs -= report.blobs_removed;
    report.after.bytes -= report.bytes_freed;
  }
  return report;
}

Result<StoreUsage> MeasureStore(const ContentStore& store) {
  auto blobs = ListBlobs(store.root());
  if (!blobs) return tl::unexpected(blobs.error());
  StoreUsage usage;
  for (const auto& blob : *blobs) {
    ++usage.blobs;
    usage.bytes += blob.size;
  }
  return usage;
}

}  // namespace mailroom::store
