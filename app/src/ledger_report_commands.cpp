// receipt and destruction-list: the answers the ledger exists for (did the case's mail arrive and
// where did it go; which paper may be shredded), for people and for scripts.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "destruction_protocol.h"
#include "ledger_command_runs.h"
#include "ledger_text.h"
#include "mailroom/common/atomic_file.h"

namespace mailroom::app {
namespace {

// 5 digits (the jobcenter's number), "BG", 7 digits: 35301BG0012345.
bool IsBgNumber(std::string_view text) {
  const auto digits = [&](size_t from, size_t count) {
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                       text.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](unsigned char c) { return std::isdigit(c) != 0; });
  };
  return text.size() == 14 && digits(0, 5) && text.substr(5, 2) == "BG" && digits(7, 7);
}

std::string ReceiptJson(const std::vector<ledger::Receipt>& receipts) {
  std::string json = "[";
  for (size_t i = 0; i < receipts.size(); ++i) {
    const auto& r = receipts[i];
    json += fmt::format(
        "{}\n  {{\"document_id\": {}, \"pages\": {}, \"arrived_at\": {}, \"box_id\": {}, \"origin_jobcenter\": {}, "
        "\"delivered_to\": {}, \"delivered_at\": {}}}",
        i == 0 ? "" : ",", JsonString(r.document_id), r.pages, JsonString(IsoTime(r.arrived_at)), JsonString(r.box_id),
        JsonString(r.origin_jobcenter), JsonString(r.jobcenter_id), JsonString(IsoTime(r.delivered_at)));
  }
  return json + (receipts.empty() ? "]\n" : "\n]\n");
}

std::string ReceiptTable(std::string_view bg_number, const std::vector<ledger::Receipt>& receipts) {
  std::vector<std::vector<std::string>> rows{
      {"DOCUMENT", "PAGES", "ARRIVED", "BOX", "ORIGIN", "DELIVERED TO", "DELIVERED AT (UTC)"}};
  int pages = 0;
  for (const auto& r : receipts) {
    rows.push_back({r.document_id, std::to_string(r.pages),
                    IsoDate(std::chrono::floor<std::chrono::days>(r.arrived_at)), r.box_id, r.origin_jobcenter,
                    r.jobcenter_id, TableTime(r.delivered_at)});
    pages += r.pages;
  }
  return fmt::format("case {}: {} {}, {} {}\n", bg_number, receipts.size(),
                     receipts.size() == 1 ? "document" : "documents", pages, pages == 1 ? "page" : "pages") +
         AlignedTable(rows, {false, true});
}

std::string DueCsv(const std::vector<ledger::DueBox>& boxes) {
  std::string csv = CsvLine({"box_id", "seal", "origin", "pages", "delivered_at", "retention_until"});
  for (const auto& box : boxes) {
    csv += CsvLine({box.box_id, box.seal, box.origin_jobcenter, std::to_string(box.pages_captured),
                    IsoTime(box.delivered_at), IsoDate(box.retention_until)});
  }
  return csv;
}

}  // namespace

CommandOutcome RunReceipt(const LedgerAccess& access, const ReceiptOptions& options) {
  if (!IsBgNumber(options.bg_number)) {
    return Refused(Error{"'" + options.bg_number + "' is not a BG number (5 digits, BG, 7 digits: 35301BG0012345)"});
  }
  auto ledger = OpenLedgerFile(access.ledger_file, false);
  if (!ledger) return tl::unexpected(ledger.error());
  auto receipts = ledger->Receipts(options.bg_number);
  if (!receipts) return RunFailed(receipts.error());
  if (options.json) return ReceiptJson(*receipts);
  if (receipts->empty()) return fmt::format("nothing recorded for case {}\n", options.bg_number);
  return ReceiptTable(options.bg_number, *receipts);
}

CommandOutcome RunDestructionList(const LedgerAccess& access, const DestructionListOptions& options) {
  auto date = ParseDateArgument(options.date);
  if (!date) return Refused(date.error().Prefixed("--date"));
  auto ledger = OpenLedgerFile(access.ledger_file, false);
  if (!ledger) return tl::unexpected(ledger.error());
  const ledger::Stamp stamp{access.operator_id, Now()};
  auto due = ledger->DestructionDue(*date, stamp);
  if (!due) return RunFailed(due.error());

  std::string report;
  if (options.csv_file.empty()) {
    report = DueCsv(*due);
  } else {
    if (auto written = WriteFileAtomically(options.csv_file, DueCsv(*due)); !written) {
      return RunFailed(written.error());
    }
    int pages = 0;
    for (const auto& box : *due) pages += box.pages_captured;
    report =
        fmt::format("{} {} ({} {}) due for destruction on {}: {}\n", due->size(), due->size() == 1 ? "box" : "boxes",
                    pages, pages == 1 ? "page" : "pages", options.date, options.csv_file);
  }
  if (!options.pdf_file.empty()) {
    auto pdf = RenderDestructionProtocol(DestructionProtocol{*date, stamp.who, stamp.when, *due});
    if (!pdf) return RunFailed(pdf.error().Prefixed(options.pdf_file));
    if (auto written = WriteFileAtomically(options.pdf_file, *pdf); !written) return RunFailed(written.error());
    // With the CSV on stdout, stdout stays pure CSV.
    if (!options.csv_file.empty()) report += fmt::format("protocol: {}\n", options.pdf_file);
  }
  return report;
}

}  // namespace mailroom::app
