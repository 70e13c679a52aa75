// `mailroom scan`: a sealed box from the scanner's feeder into the pipeline. Registers the box in
// the ledger (or takes the registered one), captures stacks of sheets from a SANE device into
// BOXES/<box_id>/ until the box is empty, then hands it over: to the embedded pipeline
// (`--registry`, `--out`) or to the broker (`--broker`, `--store`). A paper jam, an open cover, a
// busy device or an I/O error stops the scan with every whole sheet kept, says which sheet to
// feed again, and `--resume` continues the same box without losing or doubling a page.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "mailroom/app/command_line.h"
#include "mailroom/app/distributed_commands.h"
#include "mailroom/app/metrics_option.h"
#include "mailroom/app/process_box.h"
#include "mailroom/scanner/scanner.h"

namespace mailroom::app {

struct ScanCommandOptions {
  bool list = false;  ///< only list the scanners SANE finds
  std::string box_id, seal, origin;
  bool resume = false;  ///< continue a box whose scan stopped (or was left open)
  scanner::ScanSettings scan;
  std::filesystem::path boxes_dir;  ///< box folders are made here, one per box id
  std::filesystem::path ledger_file;
  std::string operator_id;
  /// More stacks of this box follow later: leave it open for `--resume` when the feeder runs
  /// empty. Without it, an empty feeder ends the box, unless an operator at a terminal says
  /// another stack is loaded.
  bool keep_open = false;
  bool no_process = false;      ///< capture only; hand over later with `mailroom process`
  ProcessOptions process;       ///< the embedded hand-over (registry_dir, out_dir, ...)
  IngestCommandOptions ingest;  ///< the distributed hand-over, when ingest.broker_url is set
  /// Nobody at a terminal (the station service): an empty feeder ends the box, never a question.
  bool unattended = false;
  /// Called after each sheet with the pages in the box so far (the station's state file).
  std::function<void(int pages_in_box)> on_pages;
  /// Called once the box is recorded as scanned, before it is handed over.
  std::function<void()> on_scanned;
};

/// The exit code of a scan that the device stopped (jam, cover open, ...): the box is kept and
/// can be resumed. 0, 1 and 2 mean what they mean for every command.
inline constexpr int kExitScanStopped = 3;

struct ScanOutcome {
  int exit_code = 0;
  std::string text;   ///< what to print on stdout
  std::string error;  ///< what to print on stderr: the error, or the operator's advice after a stop
};

/// A box id becomes a folder name: letters, digits, '-', '_' and '.', nothing that could leave
/// BOXES_DIR ("." and ".." are refused). The same rule for a station id.
[[nodiscard]] bool IsSafeBoxId(const std::string& id);

/// Runs `mailroom scan` as described above.
[[nodiscard]] ScanOutcome RunScanCommand(ScanCommandOptions options);

/// The hand-over of a box already recorded as scanned (or being processed again after a crash):
/// BOXES/<box_id> to the embedded pipeline, the broker, or nowhere with `no_process`. What
/// RunScanCommand does after the capture; exit code 0, 1 or 2.
[[nodiscard]] ScanOutcome HandOverScannedBox(ScanCommandOptions options);

/// The scan settings and the hand-over, the same flags for `scan` and `station`: --source,
/// --duplex, --resolution, --mode (into `mode`, see ColorModeNamed), --device-option, --boxes,
/// --ledger, --operator, --registry, --jobs, the classifier's options, --broker, --store, --prefix
/// and TLS. Not --device, --box or --out (their meaning differs between the two).
void AddCaptureOptions(CLI::App* command, ScanCommandOptions& options, std::string& mode);

/// "lineart", "gray" or "color" (any case; checked by the option) as a ColorMode.
[[nodiscard]] scanner::ColorMode ColorModeNamed(const std::string& mode);

/// The `scan` subcommand on the command line. CLI11 fills the options in place while parsing, so
/// this object stays where it was made (no copy, no move) until RunIfChosen has run.
class ScanCommandLine : public CommandLine {
 public:
  explicit ScanCommandLine(CLI::App& app);

  /// After parsing: runs the scan if it was the chosen command, prints its output and returns
  /// the exit code; nothing otherwise.
  [[nodiscard]] std::optional<int> RunIfChosen() override;

 private:
  CLI::App* command_;
  ScanCommandOptions options_;
  MetricsSetting metrics_;
  std::string mode_ = "gray";
};

}  // namespace mailroom::app
