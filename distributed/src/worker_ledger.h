// The distributed workers' part of the box ledger, when they are given one (`--ledger`): the
// router records the pages of each document it delivered, the classifier the blank and
// separator pages, and whichever records a box's last page moves it to delivered. A ledger that
// cannot be written never stops a delivery: the box then stays open in the ledger, which errs on
// the safe side (its paper is not released), and the reason is logged (ids only).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/ledger/ledger.h"
#include "mailroom/proto/messages.h"

namespace mailroom::distributed {

class WorkerLedger {
 public:
  using Log = std::function<void(const std::string& line)>;

  /// No ledger when `path` is empty: every call does nothing.
  WorkerLedger(const std::filesystem::path& path, Log log);

  /// The pages of a routed (or review) document; `readable[i]` is false for a page that could not
  /// be read, whose paper is still needed.
  void Delivered(const mailroom::v1::Document& document, const std::vector<bool>& readable);

  /// Blank and separator pages of a box, which are not delivered by design.
  void Accounted(const std::string& box_id, const std::vector<std::string>& pages);

 private:
  bool Known(const std::string& box_id);
  void Complete(const std::string& box_id, const char* who);
  void Warn(const std::string& box_id, const std::string& reason) const;

  std::optional<ledger::Ledger> ledger_;
  Log log_;
};

}  // namespace mailroom::distributed
