// The review desk's actions. Each one: check what the clerk asked (a refusal changes nothing), write
// the decision to the ledger in one transaction (the ledger refuses what contradicts an earlier
// decision, and repeats nothing), then carry it out in the output folder. Taken again after a
// crash in between, an action finds its ledger part done and finishes the files.
#include "mailroom/review/desk.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <system_error>

#include "document_json.h"
#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/routing/output.h"
#include "review_files.h"

namespace mailroom::review {
namespace {

namespace fs = std::filesystem;

tl::unexpected<DeskError> Refused(std::string message) {
  return tl::unexpected(DeskError{DeskError::Kind::kRefused, std::move(message)});
}
tl::unexpected<DeskError> Failed(std::string message) {
  return tl::unexpected(DeskError{DeskError::Kind::kFailed, std::move(message)});
}

ledger::Stamp StampOf(const Clerk& clerk) {
  return {clerk.login, std::chrono::floor<std::chrono::seconds>(clerk.at)};
}

// The desk never creates a ledger: a mistyped path must not start an empty one.
DeskResult<ledger::Ledger> OpenLedger(const fs::path& file) {
  std::error_code ec;
  if (!ledger::IsServerLedger(file.string()) && !fs::is_regular_file(file, ec)) {
    return Refused("no box ledger at " + file.string() + " (give the scan center's ledger with --ledger)");
  }
  auto ledger = ledger::Ledger::Open(file);
  if (!ledger) return Failed(ledger.error().message);
  return std::move(*ledger);
}

// The decision refused by the ledger (another case decided already, a page not in review) is the
// clerk's to see; everything else the ledger says is the system's.
tl::unexpected<DeskError> FromLedger(const Error& error) {
  const bool refusal = error.message.find("cannot ") != std::string::npos ||
                       error.message.find("already") != std::string::npos ||
                       error.message.find("not in the ledger") != std::string::npos;
  return tl::unexpected(DeskError{refusal ? DeskError::Kind::kRefused : DeskError::Kind::kFailed, error.message});
}

std::vector<std::string> Slice(const std::vector<std::string>& pages, std::size_t from, std::size_t to) {
  return {pages.begin() + static_cast<std::ptrdiff_t>(from), pages.begin() + static_cast<std::ptrdiff_t>(to)};
}

std::vector<int> Positions(std::size_t from, std::size_t to) {
  std::vector<int> positions(to - from);
  std::iota(positions.begin(), positions.end(), static_cast<int>(from));
  return positions;
}

void SetPages(mailroom::v1::Document& message, const std::vector<std::string>& pages) {
  message.clear_pages();
  for (const auto& page : pages) message.add_pages(page);
}

}  // namespace

Desk::Desk(DeskOptions options, classifier::Registry registry)
    : options_(std::move(options)), registry_(std::move(registry)) {}

DeskResult<Desk> Desk::Open(DeskOptions options) {
  if (auto ledger = OpenLedger(options.ledger_file); !ledger) return tl::unexpected(ledger.error());
  auto registry = classifier::LoadRegistry(options.registry_dir);
  if (!registry) return Refused(registry.error().message);
  if (auto valid = options.classifier.Validate(); !valid) return Refused(valid.error().message);
  return Desk(std::move(options), std::move(*registry));
}

DeskResult<InTray> Desk::List() const {
  auto tray = ListInTray(options_.out_dir);
  if (!tray) return Failed(tray.error().message);
  return std::move(*tray);
}

DeskResult<ReviewDocument> Desk::Find(const std::string& document_id) const {
  auto document = FindReviewDocument(options_.out_dir, document_id);
  if (!document) return Refused(document.error().message);
  return std::move(*document);
}

DeskResult<std::string> Desk::OriginOf(const ReviewDocument& document) const {
  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  auto box = ledger->FindBox(document.box_id);
  if (!box) return Failed(box.error().message);
  if (!box->has_value())
    return Refused("box " + document.box_id + ": not in the ledger " + options_.ledger_file.string());
  return (*box)->origin_jobcenter;
}

DeskResult<ResolvedCase> Desk::Preview(const std::string& document_id, const Assignment& assignment) const {
  auto document = Find(document_id);
  if (!document) return tl::unexpected(document.error());
  auto resolved = ResolveCase(registry_, options_.classifier, *document, assignment);
  if (!resolved) return Refused("document " + document_id + ": " + resolved.error().message);
  return std::move(*resolved);
}

DeskResult<DeskOutcome> Desk::Assign(const std::string& document_id, const Assignment& assignment, const Clerk& clerk) {
  auto document = Find(document_id);
  if (!document) {
    // The case the number names, to compare with an earlier delivery (the type does not matter there).
    ReviewDocument any;
    any.doc_type = "letter";
    auto asked = ResolveCase(registry_, options_.classifier, any, {assignment.number, std::nullopt});
    if (!asked) return tl::unexpected(document.error());
    return FinishDelivered(document_id, asked->jobcenter_id, asked->bg_number, document.error(), clerk);
  }
  auto resolved = Preview(document_id, assignment);
  if (!resolved) return tl::unexpected(resolved.error());
  return Deliver(*document, *resolved, clerk);
}

DeskResult<DeskOutcome> Desk::Forward(const std::string& document_id, const std::string& jobcenter_id,
                                      const std::optional<std::string>& doc_type, const Clerk& clerk) {
  auto document = Find(document_id);
  std::string jobcenter = jobcenter_id;
  if (!document) {
    if (jobcenter.empty()) return tl::unexpected(document.error());
    return FinishDelivered(document_id, jobcenter, "", document.error(), clerk);
  }
  if (jobcenter.empty()) {
    auto origin = OriginOf(*document);
    if (!origin) return tl::unexpected(origin.error());
    jobcenter = *origin;
  }
  if (registry_.jobcenters.count(jobcenter) == 0) {
    return Refused("document " + document_id + ": '" + jobcenter + "' is no jobcenter of the registry");
  }
  ResolvedCase forwarded;
  forwarded.jobcenter_id = jobcenter;
  forwarded.doc_type = doc_type.value_or(document->doc_type);
  const auto& types = classifier::DocTypeVocabulary();
  if (std::find(types.begin(), types.end(), forwarded.doc_type) == types.end()) {
    return Refused("'" + forwarded.doc_type + "' is not a document type (one of the contract's doc_type values)");
  }
  forwarded.team = classifier::TeamFor(forwarded.doc_type, options_.classifier);
  return Deliver(*document, forwarded, clerk);
}

// Delivered into the folder by an earlier try that did not finish: publish it (again) and settle
// the box, never deliver a second copy, nor to another case.
DeskResult<DeskOutcome> Desk::FinishDelivered(const std::string& document_id, const std::string& jobcenter_id,
                                              const std::string& bg_number, const DeskError& not_in_review,
                                              const Clerk& clerk) {
  const auto delivered = InPostkorb(options_.out_dir, routing::SafeFileName(document_id) + ".json");
  if (!delivered) return tl::unexpected(not_in_review);
  auto message = ReadDocumentJson(*delivered);
  if (!message) return Failed(message.error().message);
  if (!message->has_resolved_by()) return Refused("document " + document_id + " was routed, it is not in review");
  const std::string had_bg = message->bg_number().has_string_value() ? message->bg_number().string_value() : "";
  const std::string had_jobcenter = message->jobcenter_id().string_value();
  if (had_bg != bg_number || (bg_number.empty() && had_jobcenter != jobcenter_id)) {
    return Refused("document " + document_id + " is delivered already to " +
                   (had_bg.empty() ? had_jobcenter + " without a case" : "case " + had_bg) +
                   "; it is not delivered a second time");
  }
  if (options_.sink) {
    auto pdf = delivered->parent_path() / message->pdf();
    if (auto sent = options_.sink->Deliver(had_jobcenter, *delivered, pdf); !sent) {
      return Failed(sent.error().message + " (take the action again)");
    }
  }
  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  auto complete = ledger->DeliverIfComplete(message->box_id(), StampOf(clerk));
  if (!complete) return Failed(complete.error().message);
  const std::string where = fs::relative(*delivered, options_.out_dir).string();
  return DeskOutcome{"document " + document_id + " is delivered already: " + where, {}, where, *complete};
}

// The decision (a case, or a jobcenter without one) in the ledger, then the document into its
// Postkorb folder and, in distributed mode, onto its queue; then the box, if it was the last.
DeskResult<DeskOutcome> Desk::Deliver(const ReviewDocument& document, const ResolvedCase& resolved,
                                      const Clerk& clerk) {
  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  // An unreadable page has no row in the ledger: delivered inside a document as its notice page,
  // it would leave the box open for good. The clerk settles it first.
  auto unreadable = ledger->UnrecordedPages(document.box_id, document.pages);
  if (!unreadable) return Failed(unreadable.error().message);
  if (!unreadable->empty()) {
    return Refused("document " + document.document_id + ": page " + unreadable->front() +
                   " could not be read; account for it by hand or send it to rescan first");
  }
  const auto stamp = StampOf(clerk);
  if (auto recorded = ledger->RecordReviewResolved(document.box_id, document.document_id, resolved.jobcenter_id,
                                                   resolved.bg_number, stamp);
      !recorded) {
    return FromLedger(recorded.error());
  }
  auto delivered = AssignDocument(options_.out_dir, document, resolved, clerk.login, clerk.at);
  if (!delivered) return Failed(delivered.error().message);
  if (options_.sink) {
    const fs::path json = options_.out_dir / *delivered;
    const fs::path pdf = json.parent_path() / document.pdf_file.filename();
    if (auto sent = options_.sink->Deliver(resolved.jobcenter_id, json, pdf); !sent) {
      return Failed("delivered to " + delivered->string() + " but not yet published: " + sent.error().message +
                    " (take the action again)");
    }
  }
  auto complete = ledger->DeliverIfComplete(document.box_id, stamp);
  if (!complete) return Failed(complete.error().message);
  DeskOutcome outcome;
  const std::string where = resolved.bg_number.empty() ? resolved.jobcenter_id + " without a case"
                                                       : resolved.jobcenter_id + " case " + resolved.bg_number;
  outcome.summary =
      fmt::format("{} delivered to {} ({}, team {})", document.document_id, where, resolved.doc_type, resolved.team);
  outcome.delivered = delivered->string();
  outcome.box_delivered = *complete;
  return outcome;
}

DeskResult<DeskOutcome> Desk::Split(const std::string& document_id, int first_page_of_second, const Clerk& clerk) {
  auto document = Find(document_id);
  if (!document) return tl::unexpected(document.error());
  const auto pages = document->pages.size();
  if (first_page_of_second < 2 || static_cast<std::size_t>(first_page_of_second) > pages) {
    return Refused(fmt::format("document {}: cannot split before page {}: it has {} pages (split before page 2 to {})",
                               document_id, first_page_of_second, pages, pages));
  }
  const auto at = static_cast<std::size_t>(first_page_of_second - 1);
  const std::string first_id = document_id + ".1", second_id = document_id + ".2";
  const auto first_pages = Slice(document->pages, 0, at), second_pages = Slice(document->pages, at, pages);

  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  std::vector<ledger::PageMove> moves;
  for (const auto& page : first_pages) moves.push_back({page, first_id});
  for (const auto& page : second_pages) moves.push_back({page, second_id});
  if (auto moved = ledger->RecordReviewPagesMoved(document->box_id, moves, StampOf(clerk)); !moved) {
    return FromLedger(moved.error());
  }

  auto message = ReadDocumentJson(document->json_file);
  if (!message) return Failed(message.error().message);
  const std::string reason = "split at the review desk from " + document_id +
                             (message->has_reason() ? ": " + message->reason() : std::string());
  const struct {
    const std::string& id;
    const std::vector<std::string>& pages;
    std::size_t from, to;
  } parts[] = {{first_id, first_pages, 0, at}, {second_id, second_pages, at, pages}};
  for (const auto& part : parts) {
    auto pdf =
        routing::SelectPdfPages(document->pdf_file, Positions(part.from, part.to), part.id, document->box_arrived_at);
    if (!pdf) return Failed(pdf.error().message);
    mailroom::v1::Document piece = *message;
    piece.set_document_id(part.id);
    SetPages(piece, part.pages);
    piece.set_reason(reason);
    if (auto written = WriteReviewFiles(options_.out_dir, piece, *pdf); !written)
      return Failed(written.error().message);
    if (auto copied = CopyOriginals(*document, part.id); !copied) return Failed(copied.error().message);
  }
  if (auto removed = RemoveReviewFiles(*document); !removed) return Failed(removed.error().message);
  DeskOutcome outcome;
  outcome.summary = fmt::format("{} split into {} ({} pages) and {} ({} pages)", document_id, first_id,
                                first_pages.size(), second_id, second_pages.size());
  outcome.documents = {first_id, second_id};
  return outcome;
}

DeskResult<DeskOutcome> Desk::Join(const std::string& document_id, const Clerk& clerk) {
  auto document = Find(document_id);
  if (!document) return tl::unexpected(document.error());
  auto tray = List();
  if (!tray) return tl::unexpected(tray.error());
  // The one before it in scan order: the same box, its first page the last before this one's.
  const ReviewDocument* previous = nullptr;
  for (const auto& other : tray->documents) {
    if (other.box_id != document->box_id || other.document_id == document_id || other.pages.empty()) continue;
    if (document->pages.empty() || other.pages.front() >= document->pages.front()) continue;
    if (previous == nullptr || other.pages.front() > previous->pages.front()) previous = &other;
  }
  if (previous == nullptr) {
    return Refused("document " + document_id + ": no review document of box " + document->box_id +
                   " comes before it to join it to");
  }

  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  std::vector<ledger::PageMove> moves;
  for (const auto& page : document->pages) moves.push_back({page, previous->document_id});
  if (auto moved = ledger->RecordReviewPagesMoved(document->box_id, moves, StampOf(clerk)); !moved) {
    return FromLedger(moved.error());
  }

  auto earlier = ReadDocumentJson(previous->json_file);
  if (!earlier) return Failed(earlier.error().message);
  auto pdf = routing::JoinPdfs({previous->pdf_file, document->pdf_file}, "document " + previous->document_id,
                               previous->document_id, previous->box_arrived_at);
  if (!pdf) return Failed(pdf.error().message);
  std::vector<std::string> pages = previous->pages;
  pages.insert(pages.end(), document->pages.begin(), document->pages.end());
  SetPages(*earlier, pages);
  earlier->set_priority(earlier->priority() || document->priority);
  earlier->set_reason("joined at the review desk with " + document_id +
                      (earlier->has_reason() ? ": " + earlier->reason() : std::string()));
  if (auto written = WriteReviewFiles(options_.out_dir, *earlier, *pdf); !written) {
    return Failed(written.error().message);
  }
  if (auto copied = CopyOriginals(*document, previous->document_id); !copied) return Failed(copied.error().message);
  if (auto removed = RemoveReviewFiles(*document); !removed) return Failed(removed.error().message);
  DeskOutcome outcome;
  outcome.summary = fmt::format("{} joined to {} ({} pages now)", document_id, previous->document_id, pages.size());
  outcome.documents = {previous->document_id};
  return outcome;
}

DeskResult<DeskOutcome> Desk::Account(const std::string& document_id, const std::string& page, const std::string& kind,
                                      const std::string& reason, const Clerk& clerk) {
  const auto& kinds = HandAccountKinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    return Refused("'" + kind + "' is no way to account for a page (unreadable, blank or not-mail)");
  }
  auto document = Find(document_id);
  if (!document) return tl::unexpected(document.error());
  auto position = PagePositions(*document, {page});
  if (!position) return Refused(position.error().message);

  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  const auto stamp = StampOf(clerk);
  const std::string why =
      "by hand as " + kind + ": document " + document_id + (reason.empty() ? "" : " (" + reason + ")");
  if (auto accounted = ledger->RecordPagesAccounted(document->box_id, {page}, stamp, why); !accounted) {
    return FromLedger(accounted.error());
  }
  auto complete = ledger->DeliverIfComplete(document->box_id, stamp);
  if (!complete) return Failed(complete.error().message);

  DeskOutcome outcome;
  outcome.summary = fmt::format("{} page {}: accounted by hand as {}", document_id, page, kind);
  outcome.box_delivered = *complete;
  if (document->pages.size() == 1) {  // nothing of the document is left to deliver
    auto moved = MoveToAccounted(options_.out_dir, *document);
    if (!moved) return Failed(moved.error().message);
    outcome.summary += "; document moved to " + moved->string();
    return outcome;
  }
  // The page leaves the document (kept as a PDF of its own in accounted/); the rest stays in review.
  const auto at = static_cast<std::size_t>(position->front());
  const fs::path kept = options_.out_dir / "accounted" /
                        (routing::SafeFileName(document_id) + "." + routing::SafeFileName(page) + ".pdf");
  auto page_pdf =
      routing::SelectPdfPages(document->pdf_file, {static_cast<int>(at)}, document_id, document->box_arrived_at);
  if (!page_pdf) return Failed(page_pdf.error().message);
  if (auto made = CreatePrivateDirectories(kept.parent_path()); !made) return Failed(made.error().message);
  if (auto written = WriteFileAtomically(kept, *page_pdf); !written) return Failed(written.error().message);
  std::vector<int> rest = Positions(0, document->pages.size());
  rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(at));
  auto pdf = routing::SelectPdfPages(document->pdf_file, rest, document_id, document->box_arrived_at);
  if (!pdf) return Failed(pdf.error().message);
  auto message = ReadDocumentJson(document->json_file);
  if (!message) return Failed(message.error().message);
  std::vector<std::string> pages = document->pages;
  pages.erase(pages.begin() + static_cast<std::ptrdiff_t>(at));
  SetPages(*message, pages);
  if (auto written = WriteReviewFiles(options_.out_dir, *message, *pdf); !written) {
    return Failed(written.error().message);
  }
  outcome.documents = {document_id};
  return outcome;
}

DeskResult<DeskOutcome> Desk::Rescan(const std::string& document_id, const std::string& page, const std::string& reason,
                                     const Clerk& clerk) {
  auto document = Find(document_id);
  if (!document) return tl::unexpected(document.error());
  if (auto position = PagePositions(*document, {page}); !position) return Refused(position.error().message);
  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  if (auto requested = ledger->RequestRescan(document->box_id, page, document_id,
                                             reason.empty() ? "no reason given" : reason, StampOf(clerk));
      !requested) {
    return FromLedger(requested.error());
  }
  DeskOutcome outcome;
  outcome.summary = fmt::format("{} page {}: sent to rescan (box {}); the document waits for the new scan", document_id,
                                page, document->box_id);
  outcome.documents = {document_id};
  return outcome;
}

DeskResult<DeskOutcome> Desk::ReceiveRescan(const std::string& document_id, const std::string& page,
                                            const fs::path& page_pdf, const Clerk& clerk) {
  auto document = Find(document_id);
  if (!document) return tl::unexpected(document.error());
  auto position = PagePositions(*document, {page});
  if (!position) return Refused(position.error().message);
  auto ledger = OpenLedger(options_.ledger_file);
  if (!ledger) return tl::unexpected(ledger.error());
  auto open = ledger->OpenRescans();
  if (!open) return Failed(open.error().message);
  if (std::none_of(open->begin(), open->end(), [&](const ledger::RescanRequest& request) {
        return request.box_id == document->box_id && request.page_name == page;
      })) {
    return Refused("box " + document->box_id + " page " + page + ": no rescan of it was asked for");
  }
  auto pdf =
      routing::ReplacePdfPage(document->pdf_file, position->front(), page_pdf, document_id, document->box_arrived_at);
  if (!pdf) return Refused(pdf.error().message);  // the new scan is not a page: scan it again
  auto message = ReadDocumentJson(document->json_file);
  if (!message) return Failed(message.error().message);
  // The files first: taken again after a crash, the request is still open and the page replaced again.
  if (auto written = WriteReviewFiles(options_.out_dir, *message, *pdf); !written) {
    return Failed(written.error().message);
  }
  const auto stamp = StampOf(clerk);
  auto unrecorded = ledger->UnrecordedPages(document->box_id, {page});
  if (!unrecorded) return Failed(unrecorded.error().message);
  if (!unrecorded->empty()) {  // unreadable before: readable now, it waits in review like the others
    const ledger::PageDelivery delivery{page, document_id, ledger::kReviewJobcenter, "", stamp.when};
    if (auto recorded = ledger->RecordPageDelivered(document->box_id, delivery); !recorded) {
      return FromLedger(recorded.error());
    }
  }
  if (auto received = ledger->RecordRescanReceived(document->box_id, page, stamp); !received) {
    return FromLedger(received.error());
  }
  DeskOutcome outcome;
  outcome.summary = fmt::format("{} page {}: the new scan is in the document", document_id, page);
  outcome.documents = {document_id};
  return outcome;
}

}  // namespace mailroom::review
