#include "store_gc_command.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "mailroom/common/utc_time.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/review/in_tray.h"
#include "mailroom/store/store_gc.h"

namespace mailroom::app {
namespace {

using store::BoxFate;
using store::BoxVerdict;

tl::unexpected<ProcessError> BadInput(const std::string& message) {
  return tl::unexpected(ProcessError{FailureKind::kBadInput, message});
}

// What the ledger and the review in-tray know of each box, read once before the store is walked.
struct Facts {
  std::map<std::string, ledger::BoxSummary> boxes;
  std::set<std::string> past_retention;  // delivered (or destruction-due) and past the retention
  std::set<std::string> in_review;       // a document of the box is in OUT_DIR/review/
};

// The boxes whose retention has passed: the ledger's own dates (per origin jobcenter), or, with
// --retention-days, that many days after each box's delivery.
Result<std::set<std::string>> PastRetention(ledger::Ledger& ledger, const StoreGcCommandOptions& options, UtcTime now) {
  const auto today = std::chrono::floor<std::chrono::days>(now);
  // Far enough ahead that every delivered box is listed, with the time it was delivered.
  const auto date = options.retention_days ? today + std::chrono::days(365 * 1000) : today;
  auto due = ledger.PreviewDestructionDue(date);
  if (!due) return tl::unexpected(due.error());
  std::set<std::string> past;
  for (const auto& box : *due) {
    if (!options.retention_days || box.delivered_at + std::chrono::days(*options.retention_days) <= now) {
      past.insert(box.box_id);
    }
  }
  return past;
}

tl::expected<Facts, ProcessError> ReadFacts(const StoreGcCommandOptions& options, UtcTime now) {
  Facts facts;
  auto ledger = ledger::Ledger::Open(options.ledger_file);
  if (!ledger) return BadInput(ledger.error().message);
  auto boxes = ledger->ListBoxes();
  if (!boxes) return BadInput(boxes.error().Prefixed("ledger " + options.ledger_file.string()).message);
  for (auto& box : *boxes) facts.boxes.emplace(box.box_id, std::move(box));
  auto past = PastRetention(*ledger, options, now);
  if (!past) return BadInput(past.error().Prefixed("ledger " + options.ledger_file.string()).message);
  facts.past_retention = std::move(*past);
  if (options.out_dir.empty()) return facts;
  auto tray = review::ListInTray(options.out_dir);
  if (!tray) return BadInput(tray.error().message);
  // A review JSON that cannot be read could be any box's: nothing is removed until it is fixed.
  if (!tray->problems.empty()) {
    return BadInput("review in-tray: " + tray->problems.front() + " (its box cannot be kept; nothing removed)");
  }
  for (const auto& document : tray->documents) facts.in_review.insert(document.box_id);
  return facts;
}

BoxVerdict Judge(const Facts& facts, const std::string& box_id) {
  if (facts.in_review.contains(box_id)) return {BoxFate::kKeep, "open review document"};
  auto found = facts.boxes.find(box_id);
  if (found == facts.boxes.end()) return {BoxFate::kUnknown, "not in the ledger"};
  const ledger::BoxSummary& box = found->second;
  if (box.pages_in_review > 0) return {BoxFate::kKeep, "pages in review"};
  if (box.state == ledger::BoxState::kDestroyed) return {BoxFate::kRemove, "destroyed"};
  const bool delivered = box.state == ledger::BoxState::kDelivered || box.state == ledger::BoxState::kDestructionDue;
  if (!delivered) return {BoxFate::kKeep, std::string(ledger::StateName(box.state))};
  if (facts.past_retention.contains(box_id)) return {BoxFate::kRemove, "delivered, retention passed"};
  return {BoxFate::kKeep, "delivered, within the retention"};
}

std::string Text(const StoreGcCommandOptions& options, const store::GcReport& report) {
  const char* verb = options.dry_run ? "would remove" : "removed";
  std::string text = fmt::format("store gc {}{}:\n", options.store_dir.string(), options.dry_run ? " (dry run)" : "");
  if (report.restored_from_trash > 0) {
    text += fmt::format("  put back {} blobs an interrupted gc had in the trash\n", report.restored_from_trash);
  }
  for (const auto& box : report.boxes) {
    text += fmt::format("  box {}: {} {} blobs, {} bytes ({})\n", box.box_id, verb, box.blobs, box.bytes, box.reason);
  }
  if (report.orphans_removed > 0) text += fmt::format("  {} {} blobs of no box\n", verb, report.orphans_removed);
  if (report.reclaimed_by_late_owner > 0) {
    text += fmt::format("  kept {} blobs a box recorded while the gc ran\n", report.reclaimed_by_late_owner);
  }
  text += fmt::format("  kept {} blobs of unknown owner inside the grace period ({} days)\n", report.kept_young_unknown,
                      options.grace_days);
  if (report.kept_old_unknown > 0) {
    text += fmt::format("  kept {} blobs of unknown owner past the grace period (--remove-orphans removes them)\n",
                        report.kept_old_unknown);
  }
  text += fmt::format("{} {} blobs, {} bytes freed; the store holds {} blobs, {} bytes\n", verb, report.blobs_removed,
                      report.bytes_freed, report.after.blobs, report.after.bytes);
  return text;
}

}  // namespace

tl::expected<std::string, ProcessError> StoreGc(const StoreGcCommandOptions& options) {
  if (options.retention_days && *options.retention_days < 1) {
    return BadInput("--retention-days: must be 1 or more, not " + std::to_string(*options.retention_days));
  }
  if (options.grace_days < 1)
    return BadInput("--grace-days: must be 1 or more, not " + std::to_string(options.grace_days));
  std::error_code ec;
  if (!std::filesystem::is_directory(options.store_dir / "sha256", ec)) {
    return BadInput("content store " + options.store_dir.string() + ": no such store (no sha256/ folder)");
  }
  // A new, empty ledger would know no box: the gc never creates one.
  if (!ledger::IsServerLedger(options.ledger_file.string()) && !std::filesystem::exists(options.ledger_file, ec)) {
    return BadInput("ledger " + options.ledger_file.string() + ": no such file (store gc never creates one)");
  }
  const UtcTime now = UtcNow();
  auto facts = ReadFacts(options, now);
  if (!facts) return tl::unexpected(facts.error());
  auto opened = store::ContentStore::Open(options.store_dir);
  if (!opened) return tl::unexpected(ProcessError{FailureKind::kRunFailed, opened.error().message});

  store::GcOptions gc;
  gc.verdict = [&](const std::string& box_id) { return Judge(*facts, box_id); };
  gc.grace = std::chrono::days(options.grace_days);
  gc.remove_orphans = options.remove_orphans;
  gc.dry_run = options.dry_run;
  gc.now = now;
  auto report = store::CollectGarbage(*opened, gc);
  if (!report) return tl::unexpected(ProcessError{FailureKind::kRunFailed, report.error().message});
  auto& registry = metrics::Registry::Default();
  registry.Set("mailroom_store_bytes", {}, static_cast<double>(report->after.bytes));
  registry.Set("mailroom_store_blobs", {}, static_cast<double>(report->after.blobs));
  return Text(options, *report);
}

}  // namespace mailroom::app
