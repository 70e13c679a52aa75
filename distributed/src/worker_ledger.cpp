#include "worker_ledger.h"

#include "mailroom/common/event_log.h"
#include "mailroom/common/utc_time.h"

namespace mailroom::distributed {

WorkerLedger::WorkerLedger(const std::filesystem::path& path, Log log) : log_(std::move(log)) {
  if (path.empty()) return;
  auto opened = ledger::Ledger::Open(path);
  if (!opened) {
    Warn("", opened.error().message);
    return;
  }
  ledger_.emplace(std::move(*opened));
}

void WorkerLedger::Warn(const std::string& box_id, const std::string& reason) const {
  const std::string message = reason + " (the box stays open in the ledger)";
  if (log_) {
    log_(eventlog::Describe("ledger.record_failed", {.box_id = box_id}, message));
  } else {
    eventlog::Log(eventlog::Level::kWarning, "ledger.record_failed", {.box_id = box_id}, message);
  }
}

// A box ingested without a ledger is not in it: nothing to record, and nothing to warn about.
bool WorkerLedger::Known(const std::string& box_id) {
  if (!ledger_) return false;
  auto found = ledger_->FindBox(box_id);
  if (!found) Warn(box_id, found.error().message);
  return found && found->has_value();
}

void WorkerLedger::Complete(const std::string& box_id, const char* who) {
  if (auto done = ledger_->DeliverIfComplete(box_id, {who, UtcNow()}); !done) Warn(box_id, done.error().message);
}

void WorkerLedger::Delivered(const mailroom::v1::Document& document, const std::vector<bool>& readable) {
  const std::string& box_id = document.box_id();
  if (!Known(box_id)) return;
  const bool routed = document.jobcenter_id().kind_case() == google::protobuf::Value::kStringValue;
  const ledger::PageDelivery base{"", document.document_id(),
                                  routed ? document.jobcenter_id().string_value() : "review",
                                  routed && document.bg_number().kind_case() == google::protobuf::Value::kStringValue
                                      ? document.bg_number().string_value()
                                      : "",
                                  UtcNow()};
  for (int i = 0; i < document.pages_size(); ++i) {
    if (static_cast<std::size_t>(i) < readable.size() && !readable[static_cast<std::size_t>(i)]) continue;
    ledger::PageDelivery page = base;
    page.page_name = document.pages(i);
    if (auto recorded = ledger_->RecordPageDelivered(box_id, page); !recorded) {
      Warn(box_id, recorded.error().message);
      return;
    }
  }
  Complete(box_id, "route");
}

void WorkerLedger::Accounted(const std::string& box_id, const std::vector<std::string>& pages) {
  if (!Known(box_id)) return;
  if (auto recorded = ledger_->RecordPagesAccounted(box_id, pages, {"classify", UtcNow()}); !recorded) {
    Warn(box_id, recorded.error().message);
    return;
  }
  Complete(box_id, "classify");
}

}  // namespace mailroom::distributed
