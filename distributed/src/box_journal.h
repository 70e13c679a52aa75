// What the classifier worker has received of each box, on disk: the manifest and one reading per
// page, each written atomically before its message is acked. A classifier killed mid-box loses
// nothing (what it acked is here, what it did not ack comes again), and a restarted one goes on
// where it stopped. A box whose documents were all published is marked done, so late duplicates
// are recognised.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"

namespace mailroom::distributed {

class BoxJournal {
 public:
  /// `root` is created (0700) if missing.
  [[nodiscard]] static Result<BoxJournal> Open(const std::filesystem::path& root);

  [[nodiscard]] Result<void> SaveManifest(const mailroom::v1::BoxManifest& manifest) const;
  /// Stores the reading of page `index` of `box_id` (the message bytes as they came).
  [[nodiscard]] Result<void> SaveReading(const std::string& box_id, std::uint32_t index,
                                         const std::string& bytes) const;

  /// The manifest and every page's reading bytes (in scan order), once all are there.
  struct CompleteBox {
    mailroom::v1::BoxManifest manifest;
    std::vector<std::string> readings;
  };
  [[nodiscard]] Result<std::optional<CompleteBox>> Complete(const std::string& box_id) const;

  /// The box's custody record, as report.json in its journal folder (mailroom process's format).
  [[nodiscard]] Result<void> SaveReport(const mailroom::v1::BoxReport& report) const;
  [[nodiscard]] Result<void> MarkDone(const std::string& box_id) const;
  /// Boxes with a manifest that are not done: after a restart or a failed publish, these are
  /// finished as soon as they are complete, without waiting for another message of theirs.
  [[nodiscard]] std::vector<std::string> Pending() const;
  [[nodiscard]] bool IsDone(const std::string& box_id) const;

 private:
  explicit BoxJournal(std::filesystem::path root) : root_(std::move(root)) {}
  [[nodiscard]] std::filesystem::path BoxDir(const std::string& box_id) const;
  std::filesystem::path root_;
};

}  // namespace mailroom::distributed
