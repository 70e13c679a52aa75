#include "mailroom/app/scan_command.h"
#include "mailroom/common/safe_names.h"

#include "mailroom/metrics/registry.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <optional>

#include "mailroom/common/atomic_file.h"
#include "mailroom/common/utc_time.h"
#include "mailroom/ingest/box.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/proto/messages.h"
#include "progress_line.h"

namespace mailroom::app {
namespace {

namespace fs = std::filesystem;
using ledger::BoxState;

ScanOutcome Usage(std::string message) {
  return {2, "", std::move(message)};
}
ScanOutcome Failed(std::string message) {
  return {1, "", std::move(message)};
}

std::optional<ScanOutcome> CheckOptions(const ScanCommandOptions& o) {
  if (o.scan.device.empty()) return Usage("scan: give --device (mailroom scan --list shows the scanners)");
  if (!IsSafeBoxId(o.box_id)) return Usage("scan: --box must be letters, digits, '-', '_' or '.', e.g. BOX-2026-0117");
  if (o.boxes_dir.empty()) return Usage("scan: give --boxes DIR (or set MAILROOM_BOXES): where box folders are made");
  if (o.ledger_file.empty()) return Usage("scan: give --ledger FILE (or set MAILROOM_LEDGER): the box ledger");
  if (o.no_process) return std::nullopt;
  if (!o.ingest.broker_url.empty()) {
    if (o.ingest.store_dir.empty()) return Usage("scan: --broker needs --store (the content store of the workers)");
    return std::nullopt;
  }
  if (o.process.registry_dir.empty() || o.process.out_dir.empty()) {
    return Usage(
        "scan: say where the box goes when it is scanned: --registry and --out (embedded), --broker and --store "
        "(distributed), or --no-process");
  }
  return std::nullopt;
}

int PagesInFolder(const fs::path& box_dir) {
  auto pages = ingest::ListPages(box_dir);
  return pages ? static_cast<int>(pages->size()) : 0;
}

Result<void> WriteBoxJson(const fs::path& box_dir, const ledger::BoxSummary& box) {
  return ingest::WriteBoxInfo(box_dir, {box.box_id, box.seal, box.origin_jobcenter, FormatUtcTime(box.arrived_at)});
}

// Takes the box into scanning: a new box is registered (or the registered one taken), a stopped
// one is resumed. Returns the box as the ledger has it, or the outcome that ends the command.
tl::expected<ledger::BoxSummary, ScanOutcome> StartBox(ledger::Ledger& ledger, const ScanCommandOptions& o,
                                                       const fs::path& box_dir, const ledger::Stamp& stamp) {
  auto found = ledger.FindBox(o.box_id);
  if (!found) return tl::unexpected(Failed(found.error().message));
  const std::string box = "box " + o.box_id;
  if (o.resume) {
    if (!found->has_value()) return tl::unexpected(Usage(box + " is not in the ledger; start it without --resume"));
    if ((*found)->state != BoxState::kScanning) {
      return tl::unexpected(Usage(box + " is " + std::string(ledger::StateName((*found)->state)) +
                                  "; --resume continues a box that is being scanned"));
    }
    // The folder is the truth about pages: a crash after a page was written and before it was
    // counted is caught up here. Fewer pages than counted is refused by the ledger.
    if (auto counted = ledger.RecordPagesCaptured(o.box_id, PagesInFolder(box_dir), stamp); !counted) {
      return tl::unexpected(Failed(counted.error().message + " (folder " + box_dir.string() + ")"));
    }
    return **found;
  }
  if (!found->has_value()) {
    if (o.seal.empty() || o.origin.empty()) {
      return tl::unexpected(Usage(box + " is not registered: give --seal and --origin to register it"));
    }
    if (auto registered = ledger.RegisterBox({o.box_id, o.seal, o.origin, stamp.when, stamp.who}); !registered) {
      return tl::unexpected(Usage(registered.error().message));
    }
  } else if ((*found)->state != BoxState::kReceived) {
    return tl::unexpected(Usage(box + " is " + std::string(ledger::StateName((*found)->state)) +
                                " already; to go on scanning it: mailroom scan --box " + o.box_id + " --resume"));
  } else if ((!o.seal.empty() && o.seal != (*found)->seal) ||
             (!o.origin.empty() && o.origin != (*found)->origin_jobcenter)) {
    return tl::unexpected(Usage(box + " is registered with seal " + (*found)->seal + " from " +
                                (*found)->origin_jobcenter + ", not seal " + o.seal + " from " + o.origin));
  }
  if (PagesInFolder(box_dir) > 0) {
    return tl::unexpected(Usage(box_dir.string() + " holds pages already; a new box starts in an empty folder"));
  }
  if (auto moved = ledger.Advance(o.box_id, BoxState::kScanning, stamp); !moved) {
    return tl::unexpected(Failed(moved.error().message));
  }
  auto started = ledger.FindBox(o.box_id);
  if (!started || !started->has_value()) return tl::unexpected(Failed("box " + o.box_id + " vanished from the ledger"));
  if (auto written = WriteBoxJson(box_dir, **started); !written) return tl::unexpected(Failed(written.error().message));
  return **started;
}

// At a terminal, an empty feeder may just mean the next stack of the box is not loaded yet.
bool OperatorLoadsAnotherStack(int pages_in_box) {
  std::fprintf(stderr,
               "Feeder empty: %d pages in the box so far. Load the next stack and press Enter, "
               "or type 'done' and Enter when the box is empty: ",
               pages_in_box);
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  answer.erase(std::remove_if(answer.begin(), answer.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
               answer.end());
  return answer.empty();
}

enum class Capture { kBoxComplete, kLeftOpen };

// Captures stacks until the box is complete, recording pages in the ledger as sheets come in.
tl::expected<Capture, ScanOutcome> CaptureStacks(ledger::Ledger& ledger, const ScanCommandOptions& o,
                                                 const fs::path& box_dir) {
  auto session = scanner::SaneSession::Open();
  if (!session) return tl::unexpected(Failed(session.error().message));
  const bool interactive = !o.unattended && isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 && !o.keep_open;
  for (;;) {
    ProgressLine progress = ProgressLine::OnStderr("scanning " + o.box_id, 0, "scan.progress", o.box_id);
    const int pages_before = PagesInFolder(box_dir);
    auto batch = scanner::CaptureBatch(*session, o.scan, box_dir, std::nullopt, [&](const scanner::ScanProgress& p) {
      progress.Update(p.pages_in_box - pages_before);
      if (o.on_pages) o.on_pages(p.pages_in_box);
    });
    progress.Finish();
    if (!batch) {
      metrics::CountError("scan", "scanner");
      return tl::unexpected(Failed(batch.error().message + "; the box stays open for --resume"));
    }
    metrics::CountPages("scan", "out", batch->pages_captured);
    // Counted once a stack, not once a sheet (the audit trail stays readable); after a crash the
    // pages in the folder are counted by --resume.
    if (auto counted = ledger.RecordPagesCaptured(o.box_id, PagesInFolder(box_dir), {o.operator_id, UtcNow()});
        !counted) {
      return tl::unexpected(Failed(counted.error().message));
    }
    const std::string resume = fmt::format("mailroom scan --box {} --resume", o.box_id);
    if (batch->fault) {
      metrics::CountError("scan", "scanner_fault");
      return tl::unexpected(ScanOutcome{
          kExitScanStopped, "",
          fmt::format("scan stopped: {}\nThen run: {} (with the same settings)", batch->fault->message, resume)});
    }
    // Said at once: the operator at the scanner waits for it.
    std::printf("stack: %d sheets, %d pages; %d pages in the box\n", batch->sheets_captured, batch->pages_captured,
                batch->pages_in_box);
    std::fflush(stdout);
    if (batch->pages_in_box == 0) {
      return tl::unexpected(
          ScanOutcome{kExitScanStopped, "", "the feeder is empty: load the box's sheets, then run: " + resume});
    }
    if (interactive && OperatorLoadsAnotherStack(batch->pages_in_box)) continue;
    return o.keep_open ? Capture::kLeftOpen : Capture::kBoxComplete;
  }
}

std::string DeviceList(const std::vector<scanner::DeviceInfo>& devices) {
  if (devices.empty()) return "no scanners found (is the scanner on, and its SANE backend in dll.conf?)\n";
  std::string text;
  for (const auto& d : devices) text += fmt::format("{}  {} {} ({})\n", d.name, d.vendor, d.model, d.type);
  return text;
}

}  // namespace

bool IsSafeBoxId(const std::string& id) {
  return IdProblem("box id", id).empty();
}

ScanOutcome RunScanCommand(ScanCommandOptions o) {
  if (o.list) {
    auto session = scanner::SaneSession::Open();
    if (!session) return Failed(session.error().message);
    auto devices = scanner::ListDevices(*session);
    if (!devices) return Failed(devices.error().message);
    return {0, DeviceList(*devices), ""};
  }
  if (auto bad = CheckOptions(o)) return *bad;
  const fs::path box_dir = o.boxes_dir / o.box_id;
  auto ledger = ledger::Ledger::Open(o.ledger_file);
  if (!ledger) return Failed(ledger.error().message);
  auto box = StartBox(*ledger, o, box_dir, {o.operator_id, UtcNow()});
  if (!box) return box.error();

  std::string text;
  auto captured = CaptureStacks(*ledger, o, box_dir);
  if (!captured) return captured.error();
  const int pages = PagesInFolder(box_dir);
  if (*captured == Capture::kLeftOpen) {
    text += fmt::format("box {}: {} pages in {}; open for the next stack: mailroom scan --box {} --resume\n", o.box_id,
                        pages, box_dir.string(), o.box_id);
    return {0, text, ""};
  }
  if (auto moved = ledger->Advance(o.box_id, BoxState::kScanned, {o.operator_id, UtcNow()}); !moved) {
    return Failed(moved.error().message);
  }
  text += fmt::format("box {} scanned: {} pages in {}\n", o.box_id, pages, box_dir.string());
  if (o.on_scanned) o.on_scanned();
  ScanOutcome handed = HandOverScannedBox(std::move(o));
  handed.text = text + handed.text;
  return handed;
}

ScanOutcome HandOverScannedBox(ScanCommandOptions o) {
  const fs::path box_dir = o.boxes_dir / o.box_id;
  if (o.no_process) {
    return {0,
            fmt::format("process it with: mailroom process {} --ledger {} --registry REG_DIR --out OUT_DIR\n",
                        box_dir.string(), o.ledger_file.string()),
            ""};
  }
  if (!o.ingest.broker_url.empty()) {
    o.ingest.box_dir = box_dir;
    o.ingest.ledger_file = o.ledger_file;
    o.ingest.operator_id = o.operator_id;
    auto handed = IngestBoxCommand(o.ingest);
    if (!handed) return {handed.error().kind == FailureKind::kBadInput ? 2 : 1, "", handed.error().message};
    return {0, *handed, ""};
  }
  o.process.box_dir = box_dir;
  o.process.ledger_file = o.ledger_file;
  o.process.operator_id = o.operator_id;
  auto processed = ProcessBox(o.process);
  if (!processed) return {processed.error().kind == FailureKind::kBadInput ? 2 : 1, "", processed.error().message};
  return {0, FormatSummary(*processed, o.process.out_dir), ""};
}

}  // namespace mailroom::app
