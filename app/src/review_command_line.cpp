// `mailroom review list|show|assign|split|join|account|rescan|export`: the review in-tray of an output folder and a
// clerk's decisions from the command line, for scripts and for the clerk without a browser.
#include <fmt/format.h>

#include <unistd.h>
#include <algorithm>

#include <cstdio>

#include "command_lines.h"
#include "desk_sink.h"
#include "ledger_command_runs.h"
#include "mailroom/app/settings.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/common/event_log.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/ocr/ocr.h"
#include "mailroom/review/assignment.h"
#include "mailroom/review/desk.h"
#include "review_export.h"
#include "review_serve_command.h"
#include "review_text.h"

namespace mailroom::app {
namespace {

class ReviewCommandLine : public SubcommandLine {
 public:
  explicit ReviewCommandLine(CLI::App& app)
      : SubcommandLine(app, "review",
                       "the documents that need a person: list, show, assign to a case, forward, split, join, "
                       "account a page by hand, rescan, "
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
    assign_
        ->add_option("--ledger", ledger_file_,
                     "the box ledger: records the decision, so the case's receipts show the document")
        ->required();
    assign_->add_flag("--yes", confirmed_, "carry it out (without: only show the case and its persons)");
    // Distributed mode: the document also goes onto the jobcenter's Postkorb queue, confirmed.
    assign_->add_option("--broker", broker_url_, "amqp(s)://user:pass@host:port/vhost: publish to the Postkorb queue");
    assign_->add_option("--prefix", prefix_, "the queues' prefix (default mailroom)");
    AddTlsOptions(assign_, tls_);

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
    account_->add_option("--reason", reason_, "a few words for the audit (never names or page text)");

    forward_ = command()->add_subcommand(
        "forward", "a document whose case nobody can find: into its jobcenter's Postkorb without a case");
    forward_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    forward_->add_option("--jobcenter", jobcenter_, "the jobcenter to forward it to (default: its box's origin)");
    forward_->add_option("--doc-type", doc_type_, "the document type, where the classifier's guess is wrong");

    split_ = command()->add_subcommand("split", "split a review document in two before a page: DOCUMENT_ID.1 and .2");
    split_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    split_->add_option("--before-page", split_at_, "the first page of the second part (2 = after the first page)")
        ->required();
    join_ = command()->add_subcommand("join", "join a review document to the one of its box just before it");
    join_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    rescan_ = command()->add_subcommand("rescan", "send a page of a review document back to be scanned again");
    rescan_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    rescan_->add_option("--page", page_, "the page, as review show names it (e.g. 0004.tif)")->required();
    rescan_->add_option("--reason", reason_, "why, in a few words (e.g. too dark)");
    rescanned_ = command()->add_subcommand(
        "rescanned", "the new scan of a page sent to rescan: read it and put it in the document's place");
    rescanned_->add_option("DOCUMENT_ID", document_id_, "the document, as review list names it")->required();
    rescanned_->add_option("--page", page_, "the page that was sent to rescan (e.g. 0004.tif)")->required();
    rescanned_->add_option("--image", image_, "the new scan (TIFF, PNG or JPEG)")->required()->check(CLI::ExistingFile);
    rescanned_->add_option("--tessdata", ocr_.tessdata_dir, "folder with deu.traineddata and pdf.ttf");
    for (CLI::App* action : {forward_, split_, join_, rescan_, rescanned_}) {
      action->add_option("--out", out_dir_, "the output folder (OUT_DIR of mailroom process)")->required();
      action->add_option("--ledger", ledger_file_, "the box ledger")->required();
      action->add_option("--registry", registry_dir_, "folder with jobcenters.csv and cases.csv")->required();
      action->add_option("--operator", operator_id_, "who decides, for the audit (default: login)");
    }
    account_->add_option("--registry", registry_dir_, "folder with jobcenters.csv and cases.csv")->required();

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
    if (*rescanned_) return Rescanned();
    if (*account_ || *split_ || *join_ || *rescan_ || *forward_) return Act();
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

  // The desk of this output folder, as the web page opens it; a refusal is the clerk's to fix (exit 2).
  tl::expected<review::Desk, ProcessError> OpenDesk() const {
    review::DeskOptions options{out_dir_, ledger_file_, registry_dir_, classifier_, nullptr};
    if (!broker_url_.empty()) options.sink = MakeDeskSink(BrokerConnectOptions(broker_url_, tls_), prefix_);
    auto desk = review::Desk::Open(std::move(options));
    if (!desk) return tl::unexpected(FromDesk(desk.error()));
    return std::move(*desk);
  }

  static ProcessError FromDesk(const review::DeskError& error) {
    return {error.kind == review::DeskError::Kind::kRefused ? FailureKind::kBadInput : FailureKind::kRunFailed,
            error.message};
  }

  review::Clerk Who() const { return {operator_id_.empty() ? DefaultOperatorId() : operator_id_, UtcNow()}; }

  static std::string OutcomeText(const review::DeskOutcome& outcome, const std::filesystem::path& out_dir) {
    std::string text = outcome.summary + "\n";
    if (outcome.delivered) text += "delivered: " + (out_dir / *outcome.delivered).string() + "\n";
    for (const auto& document : outcome.documents) text += "in review: " + document + "\n";
    if (outcome.box_delivered) text += "box delivered: every page is delivered or accounted for\n";
    return text;
  }

  int Assign() {
    if (!doc_type_.empty()) assignment_.doc_type = doc_type_;
    auto desk = OpenDesk();
    if (!desk) return Report(tl::unexpected(desk.error()));
    auto resolved = desk->Preview(document_id_, assignment_);
    if (!resolved) return Report(tl::unexpected(FromDesk(resolved.error())));
    std::string text = fmt::format("{} -> case {} ({}, team {}, {})\n", document_id_, resolved->bg_number,
                                   resolved->jobcenter_id, resolved->team, resolved->doc_type);
    for (const auto& person : resolved->persons) text += "  " + person + "\n";
    if (!confirmed_) return Report(text + "nothing written: check the persons, then run again with --yes\n");
    const auto clerk = Who();
    auto outcome = desk->Assign(document_id_, assignment_, clerk);
    if (!outcome) return Report(tl::unexpected(FromDesk(outcome.error())));
    // The log names ids only: never the persons the clerk saw.
    eventlog::Log(eventlog::Level::kInfo, "review.assigned",
                  {.document_id = document_id_, .more = {{"by", clerk.login}}}, "");
    return Report(text + OutcomeText(*outcome, out_dir_));
  }

  // The new scan is read like any page of a box (same reader, same OCR settings); only a page that
  // reads as content takes the old one's place.
  int Rescanned() {
    auto desk = OpenDesk();
    if (!desk) return Report(tl::unexpected(desk.error()));
    // The page PDF is written beside the output (0700, removed again): it holds the page's text.
    const std::filesystem::path scratch = out_dir_ / (".rescan-" + std::to_string(::getpid()));
    if (auto made = CreatePrivateDirectories(scratch); !made) {
      return Report(tl::unexpected(ProcessError{FailureKind::kRunFailed, made.error().message}));
    }
    struct Cleanup {
      std::filesystem::path folder;
      ~Cleanup() {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
      }
    } cleanup{scratch};
    ocr_.pdf_dir = scratch;
    auto reader = ocr::PageReader::Create(ocr_);
    if (!reader) return Report(tl::unexpected(ProcessError{FailureKind::kRunFailed, reader.error().message}));
    const ingest::PageSource source{page_, image_, 0, ""};
    const auto reading = ocr::ReadPage(source, 0, **reader);
    if (reading.kind != PageKind::kContent || reading.pdf_path.empty()) {
      const std::string why =
          reading.kind == PageKind::kUnreadable ? reading.error : std::string(PageKindName(reading.kind)) + " page";
      return Report(tl::unexpected(ProcessError{
          FailureKind::kBadInput, image_.string() + ": the new scan cannot take the page's place: " + why}));
    }
    auto outcome = desk->ReceiveRescan(document_id_, page_, reading.pdf_path, Who());
    if (!outcome) return Report(tl::unexpected(FromDesk(outcome.error())));
    return Report(OutcomeText(*outcome, out_dir_));
  }

  // account, split, join, rescan: one decision each, carried out by the desk.
  int Act() {
    auto desk = OpenDesk();
    if (!desk) return Report(tl::unexpected(desk.error()));
    const auto clerk = Who();
    review::DeskResult<review::DeskOutcome> outcome;
    if (*account_) {
      outcome = desk->Account(document_id_, page_, kind_, reason_, clerk);
    } else if (*forward_) {
      std::optional<std::string> type;
      if (!doc_type_.empty()) type = doc_type_;
      outcome = desk->Forward(document_id_, jobcenter_, type, clerk);
    } else if (*split_) {
      outcome = desk->Split(document_id_, split_at_, clerk);
    } else if (*join_) {
      outcome = desk->Join(document_id_, clerk);
    } else {
      outcome = desk->Rescan(document_id_, page_, reason_, clerk);
    }
    if (!outcome) return Report(tl::unexpected(FromDesk(outcome.error())));
    return Report(OutcomeText(*outcome, out_dir_));
  }

  CLI::App* list_ = nullptr;
  ReviewServeCommand serve_{*command()};  // the web page: `review serve`
  CLI::App* show_ = nullptr;
  CLI::App* assign_ = nullptr;
  CLI::App* account_ = nullptr;
  CLI::App* forward_ = nullptr;
  std::string jobcenter_;
  CLI::App* split_ = nullptr;
  CLI::App* join_ = nullptr;
  CLI::App* rescan_ = nullptr;
  CLI::App* rescanned_ = nullptr;
  std::filesystem::path image_;
  ocr::OcrOptions ocr_;
  std::string broker_url_;
  std::string prefix_ = "mailroom";
  BrokerTls tls_;
  std::string reason_;
  int split_at_ = 0;
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
