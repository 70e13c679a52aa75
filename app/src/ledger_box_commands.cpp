// register, boxes, destroyed, retention and audit: one box or setting at a time.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "ledger_command_runs.h"
#include "ledger_text.h"
#include "mailroom/common/safe_names.h"

namespace mailroom::app {
namespace {

std::string Plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// What a box still waits for; empty when nothing (destroyed). Open pages say where they wait: at
// the review desk, or for a new scan of their sheet.
std::string Outstanding(const ledger::BoxSummary& box, int rescans) {
  const int open = box.pages_captured - box.pages_delivered - box.pages_accounted;
  if (open > 0) {
    std::string text = Plural(open, "page open", "pages open");
    std::vector<std::string> where;
    if (box.pages_in_review > 0) where.push_back(fmt::format("{} at the review desk", box.pages_in_review));
    if (rescans > 0) where.push_back(fmt::format("{} to rescan", rescans));
    if (!where.empty()) text += " (" + fmt::format("{}", fmt::join(where, ", ")) + ")";
    return text;
  }
  switch (box.state) {
    case ledger::BoxState::kReceived:
    case ledger::BoxState::kScanning:
      return "scan";
    case ledger::BoxState::kScanned:
    case ledger::BoxState::kProcessing:
      return "deliver";
    case ledger::BoxState::kDelivered:
      return "retention";
    case ledger::BoxState::kDestructionDue:
      return "destruction";
    case ledger::BoxState::kDestroyed:
      break;
  }
  return "";
}

std::vector<std::string> BoxRow(const ledger::BoxSummary& box, int rescans, bool csv) {
  return {box.box_id,
          box.seal,
          box.origin_jobcenter,
          std::string(ledger::StateName(box.state)),
          csv ? IsoTime(box.arrived_at) : TableTime(box.arrived_at),
          std::to_string(box.pages_captured),
          std::to_string(box.pages_delivered),
          std::to_string(box.pages_accounted),
          Outstanding(box, rescans)};
}

}  // namespace

CommandOutcome RunRegister(const LedgerAccess& access, const RegisterOptions& options) {
  // Checked before the ledger is opened (or made): a refused id leaves nothing behind.
  for (auto [what, id] : {std::pair{"--box", &options.box_id}, {"--origin", &options.origin}}) {
    if (auto bad = CheckId(what, *id); !bad) return Refused(bad.error());
  }
  if (!options.seal.empty()) {
    if (auto bad = CheckId("--seal", options.seal); !bad) return Refused(bad.error());
  }
  ledger::Timestamp arrived = Now();
  if (!options.arrived.empty()) {
    auto parsed = ParseTimeArgument(options.arrived);
    if (!parsed) return Refused(parsed.error().Prefixed("--arrived"));
    arrived = *parsed;
  }
  auto ledger = OpenLedgerFile(access.ledger_file, true);
  if (!ledger) return tl::unexpected(ledger.error());
  const ledger::BoxArrival box{options.box_id, options.seal, options.origin, arrived, access.operator_id};
  if (auto done = ledger->RegisterBox(box); !done) return Refused(done.error());
  return fmt::format("box {} registered: seal {}, origin {}, arrived {}\n", box.box_id, box.seal, box.origin_jobcenter,
                     IsoTime(arrived));
}

CommandOutcome RunBoxes(const LedgerAccess& access, const BoxesOptions& options) {
  std::optional<ledger::BoxState> only;
  if (!options.state.empty()) {
    auto state = ledger::ParseState(options.state);
    if (!state) return Refused(state.error().Prefixed("--state"));
    only = *state;
  }
  auto ledger = OpenLedgerFile(access.ledger_file, false);
  if (!ledger) return tl::unexpected(ledger.error());
  auto boxes = ledger->ListBoxes();
  if (!boxes) return RunFailed(boxes.error());
  auto rescans = ledger->OpenRescans();
  if (!rescans) return RunFailed(rescans.error());
  std::vector<std::vector<std::string>> rows;
  for (const auto& box : *boxes) {
    const auto asked = std::count_if(rescans->begin(), rescans->end(), [&](const ledger::RescanRequest& request) {
      return request.box_id == box.box_id;
    });
    if (!only || box.state == *only) rows.push_back(BoxRow(box, static_cast<int>(asked), options.csv));
  }
  if (options.csv) {
    std::string csv = CsvLine({"box_id", "seal", "origin", "state", "arrived_at", "pages_captured", "pages_delivered",
                               "pages_accounted", "outstanding"});
    for (const auto& row : rows) csv += CsvLine(row);
    return csv;
  }
  if (rows.empty()) return only ? fmt::format("no boxes in state {}\n", options.state) : std::string("no boxes\n");
  rows.insert(rows.begin(),
              {"BOX", "SEAL", "ORIGIN", "STATE", "ARRIVED (UTC)", "CAPTURED", "DELIVERED", "ACCOUNTED", "OUTSTANDING"});
  return AlignedTable(rows, {false, false, false, false, false, true, true, true, false});
}

CommandOutcome RunDestroyed(const LedgerAccess& access, const DestroyedOptions& options) {
  ledger::Timestamp when = Now();
  if (!options.date.empty()) {
    auto parsed = ParseTimeArgument(options.date);
    if (!parsed) return Refused(parsed.error().Prefixed("--date"));
    when = *parsed;
  }
  auto ledger = OpenLedgerFile(access.ledger_file, false);
  if (!ledger) return tl::unexpected(ledger.error());
  if (auto done = ledger->MarkDestroyed(options.box_id, ledger::Stamp{access.operator_id, when}); !done) {
    return Refused(done.error());
  }
  return fmt::format("box {} recorded destroyed\n", options.box_id);
}

CommandOutcome RunRetention(const LedgerAccess& access, const RetentionOptions& options) {
  auto ledger = OpenLedgerFile(access.ledger_file, options.set);
  if (!ledger) return tl::unexpected(ledger.error());
  if (options.set) {
    if (auto done = ledger->SetRetentionDays(options.origin, options.days, ledger::Stamp{access.operator_id, Now()});
        !done) {
      return Refused(done.error());
    }
    return fmt::format("retention for {} set to {}\n", options.origin, Plural(options.days, "day", "days"));
  }
  auto days = ledger->RetentionDays(options.origin);
  if (!days) return RunFailed(days.error());
  return fmt::format("retention for {}: {}\n", options.origin, Plural(*days, "day", "days"));
}

CommandOutcome RunAudit(const LedgerAccess& access, const AuditOptions& options) {
  auto ledger = OpenLedgerFile(access.ledger_file, false);
  if (!ledger) return tl::unexpected(ledger.error());
  auto trail = ledger->AuditTrail(options.box_id);
  if (!trail) return RunFailed(trail.error());
  if (trail->empty()) {
    return options.box_id.empty() ? std::string("no audit entries\n")
                                  : fmt::format("no audit entries for box {}\n", options.box_id);
  }
  std::vector<std::vector<std::string>> rows{{"WHEN (UTC)", "WHO", "BOX", "WHAT"}};
  for (const auto& entry : *trail) {
    rows.push_back({IsoTime(entry.when), entry.who, entry.box_id.empty() ? "-" : entry.box_id, entry.what});
  }
  return AlignedTable(rows, {});
}

}  // namespace mailroom::app
