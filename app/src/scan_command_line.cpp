// The options of `mailroom scan`, as a scan operator knows them from scanimage and capture tools.
#include <cctype>
#include <cstdio>

#include "mailroom/app/scan_command.h"
#include "mailroom/app/settings.h"
#include "mailroom/common/event_log.h"

namespace mailroom::app {

void AddCaptureOptions(CLI::App* c, ScanCommandOptions& o, std::string& mode) {
  c->add_option("--source", o.scan.source, "ADF, Flatbed, or the scanner's own source name (default: its ADF)");
  c->add_flag("--duplex", o.scan.duplex, "scan both sides of every sheet");
  c->add_option("--resolution", o.scan.resolution_dpi, "dpi")->capture_default_str()->check(CLI::Range(75, 1200));
  c->add_option("--mode", mode, "lineart (1 bit), gray or color")
      ->capture_default_str()
      ->check(CLI::IsMember({"lineart", "gray", "color"}, CLI::ignore_case));
  c->add_option("--device-option", o.scan.options,
                "NAME=VALUE: a setting of the scanner's own backend, e.g. swdeskew=yes (repeatable)");
  c->add_option("--boxes", o.boxes_dir, "folder that receives one folder of page images per box");
  c->add_option("--ledger", o.ledger_file, "the box ledger (SQLite file)");
  o.operator_id = DefaultOperatorId();
  c->add_option("--operator", o.operator_id, "who scans, for the ledger's audit trail")->capture_default_str();
  c->add_option("--registry", o.process.registry_dir, "embedded: folder with jobcenters.csv and cases.csv");
  c->add_option("--jobs", o.process.jobs, "embedded: OCR worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  AddClassifierOptions(c, o.process.classifier, "embedded: ");
  c->add_option("--broker", o.ingest.broker_url, "distributed: amqp(s)://user:pass@host:port/vhost");
  c->add_option("--store", o.ingest.store_dir, "distributed: the content store shared with the workers");
  c->add_option("--prefix", o.ingest.prefix, "distributed: prefix of every exchange and queue name")
      ->capture_default_str();
  AddTlsOptions(c, o.ingest.tls);
}

scanner::ColorMode ColorModeNamed(const std::string& mode) {
  const char first = mode.empty() ? 'g' : static_cast<char>(std::tolower(static_cast<unsigned char>(mode.front())));
  return first == 'l'   ? scanner::ColorMode::kLineart
         : first == 'c' ? scanner::ColorMode::kColor
                        : scanner::ColorMode::kGray;
}

ScanCommandLine::ScanCommandLine(CLI::App& app)
    : command_(app.add_subcommand("scan", "scan a sealed box from a SANE scanner and hand it to the pipeline")) {
  CLI::App* c = command_;
  ScanCommandOptions& o = options_;
  c->add_flag("--list", o.list, "list the scanners SANE finds, and stop");
  c->add_option("--device", o.scan.device, "SANE device name, e.g. fujitsu:fi-7160:1234 (see --list)");
  c->add_option("--box", o.box_id, "the box id on the label, e.g. BOX-2026-0117");
  c->add_option("--seal", o.seal, "the seal number (to register a box that is not registered yet)");
  c->add_option("--origin", o.origin, "jobcenter_id the box came from (to register it)");
  c->add_flag("--resume", o.resume, "go on with a box whose scan stopped (paper jam, ...) or was left open");
  c->add_flag("--keep-open", o.keep_open,
              "more stacks of this box follow later: leave it open for --resume when the feeder is empty");
  c->add_flag("--no-process", o.no_process, "only capture; hand the box over later with mailroom process");
  c->add_option("--out", o.process.out_dir, "embedded: output folder (postkorb/, review/, report.json)");
  AddCaptureOptions(c, o, mode_);
  AddMetricsOptions(c, metrics_, /*with_file=*/true);
}

std::optional<int> ScanCommandLine::RunIfChosen() {
  if (!*command_) return std::nullopt;
  options_.scan.mode = ColorModeNamed(mode_);
  auto endpoint = ServeMetrics(metrics_, "scan");
  if (!endpoint) {
    eventlog::CommandError(endpoint.error().message);
    return kExitBadInput;
  }
  const ScanOutcome outcome = RunScanCommand(options_);
  if (auto written = WriteMetricsFile(metrics_); !written) {
    eventlog::Log(eventlog::Level::kWarning, "metrics.file_failed", {.box_id = options_.box_id},
                  written.error().message);
  }
  std::fputs(outcome.text.c_str(), stdout);
  std::fflush(stdout);
  if (!outcome.error.empty()) {
    if (outcome.exit_code == kExitScanStopped) {
      eventlog::CommandError(outcome.error, "", "scan.stopped");
    } else {
      eventlog::CommandError(outcome.error);
    }
  }
  return outcome.exit_code;
}

}  // namespace mailroom::app
