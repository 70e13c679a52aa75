// `mailroom store gc` on the command line (store_gc_command.h does the work).
#include "command_lines.h"
#include "store_gc_command.h"

namespace mailroom::app {
namespace {

class StoreCommandLine : public SubcommandLine {
 public:
  explicit StoreCommandLine(CLI::App& app)
      : SubcommandLine(app, "store", "the distributed mode's content store (page images and page PDFs)") {
    command()->require_subcommand(1);
    gc_ = command()->add_subcommand(
        "gc",
        "remove the blobs of boxes destroyed, or delivered and past the retention; never of a box not delivered "
        "or with an open review document");
    StoreGcCommandOptions& o = options_;
    gc_->add_option("--store", o.store_dir, "the content store folder")->required();
    gc_->add_option("--ledger", o.ledger_file, "the box ledger (file or postgresql:// URL)")->required();
    gc_->add_option("--out", o.out_dir, "output folder: the boxes of the documents in its review/ are kept");
    gc_->add_flag("--dry-run", o.dry_run, "list what would be removed, remove nothing");
    gc_->add_option("--retention-days", o.retention_days,
                    "keep a delivered box's blobs this many days after delivery (default: the paper's retention in "
                    "the ledger)");
    gc_->add_option("--grace-days", o.grace_days,
                    "keep blobs of a box the ledger does not know, or of no box, at least this long")
        ->capture_default_str();
    gc_->add_flag("--remove-orphans", o.remove_orphans,
                  "also remove blobs of unknown owner past the grace period (default: counted only)");
    AddMetricsOptions(gc_, metrics_, /*with_file=*/true);
  }

  int Run() override {
    return WithMetrics(metrics_, "store-gc", [this] { return Report(StoreGc(options_)); });
  }

 private:
  CLI::App* gc_ = nullptr;
  StoreGcCommandOptions options_;
  MetricsSetting metrics_;
};

}  // namespace

std::unique_ptr<CommandLine> StoreCommand(CLI::App& app) {
  return std::make_unique<StoreCommandLine>(app);
}

}  // namespace mailroom::app
