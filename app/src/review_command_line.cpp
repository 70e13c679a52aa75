// `mailroom review list|show|assign|account|export`: the review in-tray of an output folder and a
// clerk's decisions from the command line, for scripts and for the clerk without a browser.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "command_lines.h"
#include "ledger_command_runs.h"
#include "mailroom/app/settings.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/common/event_log.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/review/assignment.h"
#include "review_export.h"
#include "review_serve_command.h"
#include "review_text.h"

namespace mailroom::app {
namespace {

class ReviewCommandLine : public SubcommandLine {
 public:
  explicit ReviewCommandLine(CLI::App& app)
      : SubcommandLine(app, "review",
                       "the documents that need a person: list, show, assign to a case, account a page by hand, "
                       "export the desk's decisions as training examples") {
    command()->require_subcommand(1);
    list_ = command()->add_subcommand("list", "the open review documents, objections first, then the longest waiting");
    list_->add_option("--out", out_dir_, "the output folder (OUT_DIR of mailroom process)")->required();
    list_->add_flag("--json", json_, "print JSON for scripts instead of the table");
    show_ = command()->add_subcommand("show", "everything about one review document: reason, candidates, pages");
    show_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    show_->add_option("--out", out_dir_, "the output folder (OUT_DIR of mailroom process)")->required();

    assign_ = command()->add_subcommand(
        "assign", "put a review document into a case's Postkorb: shows the case's persons, carries it out with --yes");
    assign_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    assign_->add_option("--out", out_dir_, "the output folder (OUT_DIR of mailroom process)")->required();
    assign_->add_option("--registry", registry_dir_, "folder with jobcenters.csv and cases.csv")->required();
    assign_->add_option("--case", assignment_.number, "the BG number or customer number the document belongs to")
        ->required();
    assign_->add_option("--doc-type", doc_type_, "the document type, where the classifier's guess is wrong");
    // The same teams as process: a resolved document lands where an automatic one of its type would.
    assign_->add_option_function<std::vector<std::string>>(
        "--team",
        [this](const std::vector<std::string>& settings) {
          for (const auto& setting : settings) {
            if (auto added = classifier::AddTeamSetting(classifier_, setting); !added) {
              throw CLI::ValidationError("--team", added.error().message);
            }
          }
        },
        "TYPE=TEAM: the team of a document type, as mailroom process was given it");
    assign_->add_option("--operator", operator_id_, "who decides, for the document and the audit (default: login)");
    assign_->add_option("--ledger", ledger_file_,
                        "the box ledger: records the decision, so the case's receipts show the document");
    assign_->add_flag("--yes", confirmed_, "carry it out (without: only show the case and its persons)");

    account_ = command()->add_subcommand(
        "account", "account for a page of a review document by hand (its paper stays with the box), in the ledger");
    account_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    account_->add_option("--page", page_, "the page, as review show names it (e.g. 0004.tif)")->required();
    account_->add_option("--as", kind_, "why it is not delivered")
        ->required()
        ->check(CLI::IsMember(review::HandAccountKinds()));
    account_->add_option("--out", out_dir_, "the output folder (OUT_DIR of mailroom process)")->required();
    account_->add_option("--ledger", ledger_file_, "the box ledger")->required();
    account_->add_option("--operator", operator_id_, "who decides, for the audit (default: login)");

    export_ = command()->add_subcommand(
        "export", "every document resolved at the desk as a labelled example for tools/train-doctype.sh");
    export_->add_option("--out", export_options_.out_dir, "the output folder (OUT_DIR of mailroom process)")
        ->required();
    export_
        ->add_option("--to", export_options_.examples_dir,
                     "the folder for the examples (page text: social data, keep it in the scan center)")
        ->required();
    export_->add_option("--since", export_options_.since, "only documents resolved at or after YYYY-MM-DD[THH:MM:SSZ]");
  }

  int Run() override {
    if (serve_.chosen()) return serve_.Run();
    if (*list_) return List();
    if (*show_) return Show();
    if (*account_) return Account();
    if (*export_) return Report(ExportReviewExamples(export_options_));
    return Assign();
  }

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

  int Assign() {
    auto registry = classifier::LoadRegistry(registry_dir_);
    if (!registry) return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, registry.error().message}));
    auto document = review::FindReviewDocument(out_dir_, document_id_);
    if (!document) return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, document.error().message}));
    if (!doc_type_.empty()) assignment_.doc_type = doc_type_;
    auto resolved = review::ResolveCase(*registry, classifier_, *document, assignment_);
    if (!resolved) {
      return Report(tl::unexpected(
          ProcessError{FailureKind::kBadInput, "document " + document_id_ + ": " + resolved.error().message}));
    }
    std::string text = fmt::format("{} -> case {} ({}, team {}, {})\n", document_id_, resolved->bg_number,
                                   resolved->jobcenter_id, resolved->team, resolved->doc_type);
    for (const auto& person : resolved->persons) text += "  " + person + "\n";
    if (!confirmed_) return Report(text + "nothing written: check the persons, then run again with --yes\n");
    const std::string who = operator_id_.empty() ? DefaultOperatorId() : operator_id_;
    const auto now = UtcNow();
    // The ledger first: it refuses a second case for a document, and a decision recorded there
    // but not yet carried out is finished by running the same assignment again.
    if (!ledger_file_.empty()) {
      auto ledger = OpenLedgerFile(ledger_file_.string(), /*create=*/false);  // a typo must not make a new ledger
      if (!ledger) return Report(tl::unexpected(ledger.error()));
      auto recorded = ledger->RecordReviewResolved(document->box_id, document_id_, resolved->jobcenter_id,
                                                   resolved->bg_number, {who, now});
      if (!recorded) return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, recorded.error().message}));
    }
    auto delivered = review::AssignDocument(out_dir_, *document, *resolved, who, now);
    if (!delivered) return Report(tl::unexpected(ProcessError{FailureKind::kRunFailed, delivered.error().message}));
    // The log names ids only: never the persons the clerk saw.
    eventlog::Log(eventlog::Level::kInfo, "review.assigned",
                  {.box_id = document->box_id, .document_id = document_id_, .more = {{"by", who}}}, "");
    return Report(text + "delivered: " + (out_dir_ / *delivered).string() + "\n");
  }

  // The ledger first (the page counts as accounted, the box may become delivered); then, when no
  // page of the document is left to deliver, the document leaves review/ for accounted/.
  int Account() {
    auto document = review::FindReviewDocument(out_dir_, document_id_);
    if (!document) return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, document.error().message}));
    const auto& pages = document->pages;
    if (std::find(pages.begin(), pages.end(), page_) == pages.end()) {
      return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, "document " + document_id_ + " has no page " +
                                                                            page_ + " (review show lists its pages)"}));
    }
    auto ledger = OpenLedgerFile(ledger_file_.string(), /*create=*/false);
    if (!ledger) return Report(tl::unexpected(ledger.error()));
    const ledger::Stamp stamp{operator_id_.empty() ? DefaultOperatorId() : operator_id_, UtcNow()};
    auto accounted = ledger->RecordPagesAccounted(document->box_id, {page_}, stamp,
                                                  "by hand as " + kind_ + ": document " + document_id_);
    if (!accounted) return Report(tl::unexpected(ProcessError{FailureKind::kBadInput, accounted.error().message}));
    auto delivered = ledger->DeliverIfComplete(document->box_id, stamp);
    if (!delivered) return Report(tl::unexpected(ProcessError{FailureKind::kRunFailed, delivered.error().message}));
    std::string text = fmt::format("{} page {}: accounted by hand as {}\n", document_id_, page_, kind_);
    if (*delivered) text += "box " + document->box_id + ": delivered (every page delivered or accounted)\n";
    if (pages.size() == 1) {  // nothing of the document is left to deliver
      auto moved = review::MoveToAccounted(out_dir_, *document);
      if (!moved) return Report(tl::unexpected(ProcessError{FailureKind::kRunFailed, moved.error().message}));
      text += "document moved to " + (out_dir_ / *moved).string() + "\n";
    }
    return Report(text);
  }

  ReviewServeCommand serve_{*command()};  // the web page: `review serve`
  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* assign_ = nullptr;
  CLI::App* account_ = nullptr;
  CLI::App* export_ = nullptr;
  ReviewExportOptions export_options_;
  std::string page_;
  std::string kind_;
  std::filesystem::path registry_dir_;
  std::filesystem::path ledger_file_;
  review::Assignment assignment_;
  std::string doc_type_;
  classifier::ClassifierOptions classifier_;
  std::string operator_id_;
  bool confirmed_ = false;
  std::filesystem::path out_dir_;
  std::string document_id_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<CommandLine> ReviewCommand(CLI::App& app) {
  return std::make_unique<ReviewCommandLine>(app);
}

}  // namespace mailroom::app
