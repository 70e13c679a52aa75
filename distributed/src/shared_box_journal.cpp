// The classify journal shared through the ledger (box_journal.h, ledger/classify_work.h): the
// manifest's and readings' bytes in the content store, their refs in the ledger, and a claim per
// box while a worker finishes it. Reports stay in the worker's own state folder.
#include <optional>

#include "box_journal.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/common/utc_time.h"
#include "mailroom/ledger/classify_work.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::distributed {
namespace {

class SharedBoxJournal final : public BoxJournal {
 public:
  SharedBoxJournal(ledger::Ledger ledger, const store::ContentStore& store, SharedJournalOptions options)
      : ledger_(std::move(ledger)), work_(ledger_), store_(store), options_(std::move(options)) {}

  Result<void> SaveManifest(const mailroom::v1::BoxManifest& manifest) override {
    const std::string& box_id = manifest.box().box_id();
    auto ref = store_.Put(manifest.SerializeAsString(), box_id);
    if (!ref) return tl::unexpected(ref.error());
    return work_.JournalManifest(box_id, manifest.pages_size(), *ref);
  }

  Result<void> SaveReading(const std::string& box_id, std::uint32_t index, const std::string& bytes) override {
    auto ref = store_.Put(bytes, box_id);
    if (!ref) return tl::unexpected(ref.error());
    return work_.JournalReading(box_id, static_cast<int>(index), *ref);
  }

  Result<std::optional<CompleteBox>> Complete(const std::string& box_id) override {
    auto journal = work_.JournalOf(box_id);
    if (!journal) return tl::unexpected(journal.error());
    if (journal->classified || !journal->Complete()) return std::nullopt;
    auto manifest_bytes = store_.Get(journal->manifest_ref);
    if (!manifest_bytes) return tl::unexpected(manifest_bytes.error().Prefixed("manifest of box " + box_id));
    CompleteBox box;
    if (!box.manifest.ParseFromString(*manifest_bytes)) {
      return Fail("manifest of box " + box_id + " (" + journal->manifest_ref + "): unreadable");
    }
    for (const std::string& ref : journal->reading_refs) {
      auto bytes = store_.Get(ref);
      if (!bytes) return tl::unexpected(bytes.error().Prefixed("reading of box " + box_id));
      box.readings.push_back(std::move(*bytes));
    }
    return box;
  }

  Result<bool> Claim(const std::string& box_id) override {
    const auto now = UtcNow();
    return work_.Claim(box_id, options_.worker, now, now + options_.claim);
  }

  Result<void> SaveReport(const mailroom::v1::BoxReport& report) override {
    return WriteBoxReport(options_.report_root, report);
  }

  Result<void> MarkDone(const std::string& box_id) override {
    return work_.MarkClassified(box_id, options_.worker, UtcNow());
  }

  // A ledger that cannot be read now offers nothing; the next idle round asks again.
  std::vector<std::string> Pending() override {
    return work_.Ready(options_.worker, UtcNow()).value_or(std::vector<std::string>{});
  }

  // A ledger that cannot be read: not done, so the message is journaled again (harmless).
  bool IsDone(const std::string& box_id) override { return work_.IsClassified(box_id).value_or(false); }

 private:
  ledger::Ledger ledger_;
  ledger::ClassifyWork work_;
  const store::ContentStore& store_;
  SharedJournalOptions options_;
};

}  // namespace

Result<std::unique_ptr<BoxJournal>> OpenSharedJournal(const SharedJournalOptions& options,
                                                      const store::ContentStore& store) {
  if (auto made = CreatePrivateDirectories(options.report_root); !made) return tl::unexpected(made.error());
  auto ledger = ledger::Ledger::Open(options.ledger);
  if (!ledger) return tl::unexpected(ledger.error());
  return std::make_unique<SharedBoxJournal>(std::move(*ledger), store, options);
}

}  // namespace mailroom::distributed
