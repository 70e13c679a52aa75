#include "box_custody.h"

#include "mailroom/common/utc_time.h"

namespace mailroom::app {
namespace {

using ledger::BoxState;

tl::unexpected<ProcessError> Refused(const std::string& message) {
  return tl::unexpected(ProcessError{FailureKind::kBadInput, message});
}
tl::unexpected<ProcessError> Failed(const Error& error) {
  return tl::unexpected(ProcessError{FailureKind::kRunFailed, error.message});
}

// The box.json in the folder must describe the box the ledger knows: a folder swapped with
// another box's is caught here, before its pages are delivered under the wrong seal.
std::optional<std::string> Mismatch(const ingest::BoxInfo& box, const ledger::BoxSummary& known) {
  if (!box.seal.empty() && box.seal != known.seal) {
    return "seal " + box.seal + " in box.json, " + known.seal + " in the ledger";
  }
  if (!box.origin.empty() && box.origin != known.origin_jobcenter) {
    return "origin " + box.origin + " in box.json, " + known.origin_jobcenter + " in the ledger";
  }
  return std::nullopt;
}

}  // namespace

BoxCustody::BoxCustody(ledger::Ledger ledger, std::string box_id, std::string who, std::string arrived_at)
    : ledger_(std::move(ledger)),
      box_id_(std::move(box_id)),
      who_(std::move(who)),
      arrived_at_(std::move(arrived_at)) {}

tl::expected<BoxCustody, ProcessError> BoxCustody::Begin(const std::filesystem::path& ledger_file,
                                                         const ingest::BoxInfo& box, int pages, std::string who) {
  auto ledger = ledger::Ledger::Open(ledger_file);
  if (!ledger) return Failed(ledger.error());
  auto found = ledger->FindBox(box.box_id);
  if (!found) return Failed(found.error());
  const std::string prefix = "box " + box.box_id + ": ";
  if (!found->has_value()) {
    return Refused(prefix + "not registered in the ledger " + ledger_file.string() +
                   "; register it first: mailroom register --box " + box.box_id + " --seal SEAL --origin JOBCENTER");
  }
  const ledger::BoxSummary known = **found;
  if (auto mismatch = Mismatch(box, known)) return Refused(prefix + "this is not the registered box: " + *mismatch);

  const ledger::Stamp stamp{who, UtcNow()};
  const std::string counted = std::to_string(pages) + " pages in the folder, " + std::to_string(known.pages_captured) +
                              " captured according to the ledger";
  const auto advance = [&](BoxState to) { return ledger->Advance(box.box_id, to, stamp); };
  Result<void> moved;
  switch (known.state) {
    case BoxState::kReceived:  // a folder of images handed over: that is the capture
      moved = advance(BoxState::kScanning)
                  .and_then([&] { return ledger->RecordPagesCaptured(box.box_id, pages, stamp); })
                  .and_then([&] { return advance(BoxState::kScanned); })
                  .and_then([&] { return advance(BoxState::kProcessing); });
      break;
    case BoxState::kScanned:
      if (known.pages_captured != pages) return Refused(prefix + counted);
      moved = advance(BoxState::kProcessing);
      break;
    case BoxState::kProcessing:  // a rerun, e.g. after a crash: the same deliveries are recorded again
      if (known.pages_captured != pages) return Refused(prefix + counted);
      break;
    case BoxState::kScanning:
      return Refused(prefix + "still being scanned; finish the scan first (mailroom scan --box " + box.box_id +
                     " --resume)");
    default:
      return Refused(prefix + "is " + std::string(ledger::StateName(known.state)) + " already; nothing to process");
  }
  if (!moved) return Failed(moved.error());
  return BoxCustody(std::move(*ledger), box.box_id, std::move(who), FormatUtcTime(known.arrived_at));
}

Result<CustodyOutcome> BoxCustody::Record(const std::vector<DocumentCustody>& documents,
                                          const std::vector<std::string>& accounted_pages) {
  const ledger::Stamp stamp{who_, UtcNow()};
  for (const auto& document : documents) {
    for (const auto& page : document.readable_pages) {
      const ledger::PageDelivery delivery{page, document.document_id,
                                          document.jobcenter_id.value_or(kReviewDestination),
                                          document.jobcenter_id ? document.bg_number.value_or("") : "", stamp.when};
      if (auto recorded = ledger_.RecordPageDelivered(box_id_, delivery); !recorded) {
        return tl::unexpected(recorded.error());
      }
    }
  }
  if (auto accounted = ledger_.RecordPagesAccounted(box_id_, accounted_pages, stamp); !accounted) {
    return tl::unexpected(accounted.error());
  }
  auto box = ledger_.FindBox(box_id_);
  if (!box) return tl::unexpected(box.error());
  const ledger::BoxSummary& now = box->value();
  // Review pages keep the box open: it is delivered when the desk has decided every one of them.
  CustodyOutcome outcome{now.state, now.pages_captured - now.pages_delivered - now.pages_accounted,
                         now.pages_in_review};
  if (outcome.pages_open == 0) {
    if (auto moved = ledger_.Advance(box_id_, BoxState::kDelivered, stamp); !moved)
      return tl::unexpected(moved.error());
    outcome.state = BoxState::kDelivered;
  }
  return outcome;
}

}  // namespace mailroom::app
