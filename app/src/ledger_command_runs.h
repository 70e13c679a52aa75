// The ledger commands behind the command line: one function per command, options in, the text
// for stdout (or a ProcessError whose kind gives the exit code) out. Private to app/.
#pragma once

#include <string>

#include <tl/expected.hpp>

#include "mailroom/app/process_box.h"
#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::app {

using CommandOutcome = tl::expected<std::string, ProcessError>;

/// Where the ledger is and who acts; `operator_id` is filled (flag or login name) before a run.
struct LedgerAccess {
  std::string ledger_file;
  std::string operator_id;
};

struct RegisterOptions {
  std::string box_id;
  std::string seal;
  std::string origin;
  std::string arrived;  ///< "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DD"; empty: now
};

struct BoxesOptions {
  std::string state;  ///< only boxes in this state; empty: all
  bool csv = false;
};

struct DestructionListOptions {
  std::string date;      ///< YYYY-MM-DD: release boxes whose retention ends on or before it
  std::string csv_file;  ///< empty: CSV to stdout
  std::string pdf_file;  ///< empty: no protocol
};

struct DestroyedOptions {
  std::string box_id;
  std::string date;  ///< when it was destroyed; empty: now
};

struct ReceiptOptions {
  std::string bg_number;
  bool json = false;
};

struct RetentionOptions {
  std::string origin;
  int days = 0;  ///< 0: show the retention instead of setting it
  bool set = false;
};

struct AuditOptions {
  std::string box_id;  ///< empty: the whole trail
};

[[nodiscard]] CommandOutcome RunRegister(const LedgerAccess& access, const RegisterOptions& options);
[[nodiscard]] CommandOutcome RunBoxes(const LedgerAccess& access, const BoxesOptions& options);
[[nodiscard]] CommandOutcome RunDestructionList(const LedgerAccess& access, const DestructionListOptions& options);
[[nodiscard]] CommandOutcome RunDestroyed(const LedgerAccess& access, const DestroyedOptions& options);
[[nodiscard]] CommandOutcome RunReceipt(const LedgerAccess& access, const ReceiptOptions& options);
[[nodiscard]] CommandOutcome RunRetention(const LedgerAccess& access, const RetentionOptions& options);
[[nodiscard]] CommandOutcome RunAudit(const LedgerAccess& access, const AuditOptions& options);

// Shared by the runs.

/// Opens the ledger; with `create` false, a file that does not exist is bad input (a typo in
/// --ledger would otherwise show an empty ledger).
[[nodiscard]] tl::expected<ledger::Ledger, ProcessError> OpenLedgerFile(const std::string& file, bool create);

/// A refusal by the ledger or bad input: exit 2.
[[nodiscard]] tl::unexpected<ProcessError> Refused(const Error& error);
/// The run failed (unreadable ledger, unwritable output): exit 1.
[[nodiscard]] tl::unexpected<ProcessError> RunFailed(const Error& error);

/// Now, to the second.
[[nodiscard]] ledger::Timestamp Now();

}  // namespace mailroom::app
