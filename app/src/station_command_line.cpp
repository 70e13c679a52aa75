// `mailroom station --config FILE` (the service) and its operators' commands: assign, resume, status.
#include <cstdio>

#include "command_lines.h"
#include "mailroom/app/settings.h"
#include "mailroom/common/event_log.h"
#include "station.h"

namespace mailroom::app {
namespace {

int Print(const ScanOutcome& outcome) {
  std::fputs(outcome.text.c_str(), stdout);
  std::fflush(stdout);
  if (!outcome.error.empty()) eventlog::CommandError(outcome.error);
  return outcome.exit_code;
}

class StationCommandLine : public CommandLine {
 public:
  explicit StationCommandLine(CLI::App& app)
      : command_(app.add_subcommand(
            "station", "a scan station as a service: scans the boxes assigned to it, pauses on a jam until resumed")) {
    CLI::App* c = command_;
    c->require_subcommand(0, 1);
    c->footer(
        "The service reads its settings from --config FILE (one `name = value` a line, names as the flags:\n"
        "station, device, boxes, ledger, out, registry or broker and store, device-option, ...).\n"
        "A job is a registered box: mailroom station assign BOX --station ID. A paused job goes on with\n"
        "mailroom station resume --station ID. Queue, resume and state are in the ledger: assign, resume and\n"
        "status work from any host with --ledger. Exit codes: 0 stopped by SIGTERM, 1 failed, 2 bad settings.");
    StationOptions& o = options_;
    c->add_option("--station", o.station_id, "this station's id, e.g. scan-1");
    c->add_option("--device", o.scan.scan.device, "SANE device name of this station's scanner (see scan --list)");
    c->add_option("--out", o.out_dir, "embedded: each box's output goes to OUT_DIR/<box_id>");
    c->add_flag("--no-process", o.scan.no_process, "only capture; hand the boxes over later with mailroom process");
    c->add_option("--poll-ms", o.poll_ms, "how often to look for a job or a resume, in ms")->capture_default_str();
    AddCaptureOptions(c, o.scan, mode_);
    AddMetricsOptions(c, metrics_);
    AddAssign(app);
    AddResume();
    AddStatus();
  }

  std::optional<int> RunIfChosen() override {
    if (!*command_) return std::nullopt;
    if (*assign_) return Print(AssignBox(box_id_, target_, ledger_, operator_));
    if (*resume_) return Print(ResumeStation(target_, ledger_, operator_));
    if (*status_) return Print(StationStatus(target_, ledger_, json_));
    options_.scan.scan.mode = ColorModeNamed(mode_);
    auto endpoint = ServeMetrics(metrics_, "station");
    if (!endpoint) {
      eventlog::CommandError(endpoint.error().message);
      return kExitBadInput;
    }
    return RunStation(options_);
  }

 private:
  // The operators' commands reach the station through the ledger, from any host.
  void AddPlace(CLI::App* c) {
    c->add_option("--ledger", ledger_, "the box ledger (FILE or postgresql://...)")->envname("MAILROOM_LEDGER");
  }

  void AddAssign(CLI::App& /*app*/) {
    assign_ = command_->add_subcommand("assign", "queue a registered box at a station");
    assign_->add_option("BOX", box_id_, "the box id")->required();
    assign_->add_option("--station", target_, "the station that scans it")->required();
    AddPlace(assign_);
    operator_ = DefaultOperatorId();
    assign_->add_option("--operator", operator_, "who assigns it")->capture_default_str();
  }

  void AddResume() {
    resume_ = command_->add_subcommand("resume", "go on with a station's paused job (after clearing the jam, ...)");
    resume_->add_option("--station", target_, "the paused station")->required();
    AddPlace(resume_);
    resume_->add_option("--operator", operator_, "who resumes it")->capture_default_str();
  }

  void AddStatus() {
    status_ = command_->add_subcommand("status", "what each station does: idle, scanning, paused (why), handing-over");
    status_->add_option("--station", target_, "only this station");
    AddPlace(status_);
    status_->add_flag("--json", json_, "as JSON");
  }

  CLI::App* command_;
  CLI::App* assign_ = nullptr;
  CLI::App* resume_ = nullptr;
  CLI::App* status_ = nullptr;
  StationOptions options_;
  MetricsSetting metrics_;
  std::string mode_ = "gray";
  std::string box_id_, target_, operator_;
  std::filesystem::path ledger_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<CommandLine> StationCommand(CLI::App& app) {
  return std::make_unique<StationCommandLine>(app);
}

}  // namespace mailroom::app
