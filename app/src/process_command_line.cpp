// `mailroom process` and `mailroom version` on the command line.
#include <cstdio>

#include "command_lines.h"
#include "mailroom/app/settings.h"
#include "mailroom/common/event_log.h"

namespace mailroom::app {
namespace {

class ProcessCommandLine : public SubcommandLine {
 public:
  explicit ProcessCommandLine(CLI::App& app)
      : SubcommandLine(app, "process", "process one box of page images (see CONTRACT.md)") {
    CLI::App* c = command();
    ProcessOptions& o = options_;
    c->add_option("BOX_DIR", o.box_dir, "folder with the box's page images")->required();
    c->add_option("--registry", o.registry_dir, "folder with jobcenters.csv and cases.csv")->required();
    c->add_option("--out", o.out_dir, "output folder (postkorb/, review/, report.json)")->required();
    c->add_option("--jobs", o.jobs, "worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
    c->add_option("--tessdata", o.ocr.tessdata_dir, "Tesseract model folder")->capture_default_str();
    AddPageLimitOptions(c, o.page_limits);
    c->add_flag("!--quiet", o.progress, "no per-page progress on stderr");
    AddClassifierOptions(c, o.classifier);
    c->add_option("--ledger", o.ledger_file,
                  "box ledger: the box must be registered there; its pages are recorded as delivered");
    o.operator_id = DefaultOperatorId();
    c->add_option("--operator", o.operator_id, "who runs it, for the ledger's audit trail")->capture_default_str();
    AddMetricsOptions(c, metrics_, /*with_file=*/true);
  }

  int Run() override {
    return WithMetrics(metrics_, "process", [this] {
      auto summary = ProcessBox(options_);
      if (!summary) {
        eventlog::CommandError(summary.error().message);
        return ExitCodeOf(summary.error().kind);
      }
      std::fputs(FormatSummary(*summary, options_.out_dir).c_str(), stdout);
      return 0;
    });
  }

 private:
  ProcessOptions options_;
  MetricsSetting metrics_;
};

class VersionCommandLine : public SubcommandLine {
 public:
  explicit VersionCommandLine(CLI::App& app)
      : SubcommandLine(app, "version", "versions of mailroom and its OCR libraries, and the OpenMP setting") {}

  int Run() override {
    std::fputs(VersionText().c_str(), stdout);
    return 0;
  }
};

}  // namespace

std::unique_ptr<CommandLine> ProcessCommand(CLI::App& app) {
  return std::make_unique<ProcessCommandLine>(app);
}

std::unique_ptr<CommandLine> VersionCommand(CLI::App& app) {
  return std::make_unique<VersionCommandLine>(app);
}

}  // namespace mailroom::app
