// `mailroom review list|show`: the review in-tray of an output folder from the command line, for
// scripts and for the clerk without a browser.
#include <cstdio>

#include "command_lines.h"
#include "mailroom/common/event_log.h"
#include "review_text.h"

namespace mailroom::app {
namespace {

class ReviewCommandLine : public SubcommandLine {
 public:
  explicit ReviewCommandLine(CLI::App& app)
      : SubcommandLine(app, "review", "the documents that need a person: list them, show one") {
    command()->require_subcommand(1);
    list_ = command()->add_subcommand("list", "the open review documents, objections first, then the longest waiting");
    list_->add_option("--out", out_dir_, "the output folder (OUT_DIR of mailroom process)")->required();
    list_->add_flag("--json", json_, "print JSON for scripts instead of the table");
    show_ = command()->add_subcommand("show", "everything about one review document: reason, candidates, pages");
    show_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    show_->add_option("--out", out_dir_, "the output folder (OUT_DIR of mailroom process)")->required();
  }

  int Run() override { return *list_ ? List() : Show(); }

 private:
  int List() const {
    auto tray = review::ListInTray(out_dir_);
    if (!tray) return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, tray.error().message}));
    const auto now = UtcNow();
    std::fputs((json_ ? InTrayJson(*tray, now) : InTrayTable(*tray, now)).c_str(), stdout);
    // A JSON in review/ that is no document may hide a document from the clerks: never quiet.
    for (const auto& problem : tray->problems) eventlog::CommandError(problem);
    return tray->problems.empty() ? 0 : kExitRunFailed;
  }

  int Show() const {
    auto document = review::FindReviewDocument(out_dir_, document_id_);
    if (!document) return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, document.error().message}));
    return Report(ReviewDocumentText(*document, UtcNow()));
  }

  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  std::filesystem::path out_dir_;
  std::string document_id_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<CommandLine> ReviewCommand(CLI::App& app) {
  return std::make_unique<ReviewCommandLine>(app);
}

}  // namespace mailroom::app
