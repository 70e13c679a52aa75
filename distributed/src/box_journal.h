// What the classifier worker has received of each box: the manifest and one reading per page,
// each kept before its message is acked. A classifier killed mid-box loses nothing (what it acked
// is kept, what it did not ack comes again), and a restarted one goes on where it stopped. A box
// whose documents were all published is marked done, so late duplicates are recognised.
//
// Two kinds: a folder of the worker's own (one classify worker, no ledger), and the journal shared
// through the ledger and the content store (with `--ledger`), so that several classify workers on
// several hosts each take some of a box's messages and whichever sees it complete finishes it,
// under a claim that another worker takes over once it ran out (ledger/classify_work.h).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/store/content_store.h"

namespace mailroom::distributed {

class BoxJournal {
 public:
  virtual ~BoxJournal() = default;

  [[nodiscard]] virtual Result<void> SaveManifest(const mailroom::v1::BoxManifest& manifest) = 0;
  /// Stores the reading of page `index` of `box_id` (the message bytes as they came).
  [[nodiscard]] virtual Result<void> SaveReading(const std::string& box_id, std::uint32_t index,
                                                 const std::string& bytes) = 0;

  /// The manifest and every page's reading bytes (in scan order), once all are there.
  struct CompleteBox {
    mailroom::v1::BoxManifest manifest;
    std::vector<std::string> readings;
  };
  [[nodiscard]] virtual Result<std::optional<CompleteBox>> Complete(const std::string& box_id) = 0;

  /// Takes the complete box for this worker to finish: false while another worker is finishing it.
  /// Called again before a claim runs out, it renews it.
  [[nodiscard]] virtual Result<bool> Claim(const std::string& box_id) = 0;

  /// The box's custody record, as report.json in the worker's state folder (mailroom process's format).
  [[nodiscard]] virtual Result<void> SaveReport(const mailroom::v1::BoxReport& report) = 0;
  [[nodiscard]] virtual Result<void> MarkDone(const std::string& box_id) = 0;
  /// Boxes to finish without waiting for another message of theirs: after a restart, a failed
  /// publish, or (shared) a worker that stopped while finishing them.
  [[nodiscard]] virtual std::vector<std::string> Pending() = 0;
  [[nodiscard]] virtual bool IsDone(const std::string& box_id) = 0;
};

/// The journal in folder `root` (created 0700 if missing), for one classify worker.
[[nodiscard]] Result<std::unique_ptr<BoxJournal>> OpenFolderJournal(const std::filesystem::path& root);

struct SharedJournalOptions {
  std::filesystem::path ledger;       ///< a ledger file or postgresql:// URL
  std::filesystem::path report_root;  ///< this worker's state folder: report.json per box it finished
  std::string worker;                 ///< unique among the workers, e.g. host:pid
  std::chrono::seconds claim = std::chrono::seconds(60);  ///< how long a claim holds
};

/// The journal shared by every classify worker on the ledger; the bytes go to `store` (recorded
/// as their box's, so the store's gc keeps them while the box needs them).
[[nodiscard]] Result<std::unique_ptr<BoxJournal>> OpenSharedJournal(const SharedJournalOptions& options,
                                                                    const store::ContentStore& store);

/// Writes report.json of `report`'s box under `root` (both journals keep it there).
[[nodiscard]] Result<void> WriteBoxReport(const std::filesystem::path& root, const mailroom::v1::BoxReport& report);

}  // namespace mailroom::distributed
