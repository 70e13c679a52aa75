// Opening the ledger, registering boxes and moving them through their states.
#include "mailroom/ledger/ledger.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "audit.h"
#include "box_row.h"
#include "ledger_impl.h"
#include "retention.h"
#include "schema.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

// Long enough for another process's transaction (a few small writes) to finish on a slow disk.
constexpr int kBusyTimeoutMs = 5000;

// SQLite would create the file with 0644 less the umask; the ledger holds BG numbers, so create it
// ourselves first. SQLite gives -wal and -shm the mode of the database file.
Result<void> CreatePrivateFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return {};  // another process was first; fine
    return Fail("cannot create: " + std::string(std::strerror(errno)));
  }
  const bool ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!ok) return Fail("cannot set mode 0600");
  return {};
}

Result<void> Configure(sqlite3* db) {
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto wal = Statement::Prepare(db, "PRAGMA journal_mode = WAL");
  if (!wal) return tl::unexpected(wal.error());
  if (auto row = wal->Step(); !row) return tl::unexpected(row.error());
  if (wal->Text(0) != "wal") return Fail("cannot switch to WAL journal (got '" + wal->Text(0) + "')");
  // FULL: a committed custody record survives a power cut; NORMAL in WAL mode may lose the last ones.
  return Exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL");
}

// The checks for moving `box` to `to`, in the order that gives the most useful refusal: for
// destruction the reasons (open pages, retention) matter more than the state.
Result<void> CheckMove(sqlite3* db, const BoxRow& box, BoxState to, const Stamp& stamp) {
  if (box.state == BoxState::kDestroyed) {
    return Refuse(box, to == BoxState::kDestroyed ? "be destroyed twice"
                                                  : "move to " + std::string(StateName(to)) + ": destroyed is final");
  }
  const bool releases_paper = to == BoxState::kDestructionDue || to == BoxState::kDestroyed;
  const bool needs_all_pages = to == BoxState::kDelivered || releases_paper;
  const auto next = NextState(box.state);
  const auto step_ok = next && *next == to;
  if (!step_ok && to != BoxState::kDestroyed) {
    return Refuse(box, "move to " + std::string(StateName(to)) + " (next is " + std::string(StateName(*next)) + ")");
  }
  if (needs_all_pages && box.pages_open() > 0) {
    return Refuse(
        box, "move to " + std::string(StateName(to)) + ": " + std::to_string(box.pages_open()) + " of " +
                 std::to_string(box.pages_captured) + " captured pages neither delivered nor accounted" +
                 (box.pages_in_review > 0 ? " (" + std::to_string(box.pages_in_review) + " wait for the review desk)"
                                          : std::string()));
  }
  if (to == BoxState::kDelivered && box.pages_captured == 0) return Refuse(box, "move to delivered: no pages captured");
  if (releases_paper && box.delivered_at) {
    auto days = LoadRetentionDays(db, box.origin_jobcenter);
    if (!days) return tl::unexpected(days.error());
    const Date until = RetentionUntil(*box.delivered_at, *days);
    if (std::chrono::floor<std::chrono::days>(stamp.when) < until) {
      return Refuse(box, "move to " + std::string(StateName(to)) + " before its retention date " + FormatDate(until));
    }
  }
  if (!step_ok) {
    return Refuse(box, "move to " + std::string(StateName(to)) + " (next is " + std::string(StateName(*next)) + ")");
  }
  return {};
}

}  // namespace

Ledger::Ledger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

sqlite3* Ledger::raw_connection_for_tests() const {
  return impl_->db.get();
}

Result<Ledger> Ledger::Open(const std::filesystem::path& path) {
  const std::string where = "ledger " + path.string();
  if (auto created = CreatePrivateFile(path); !created) return tl::unexpected(created.error().Prefixed(where));
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  DbPtr db(raw);  // owns the handle even when opening failed
  if (rc != SQLITE_OK) return tl::unexpected(SqlError(db.get(), where));
  if (auto ok = Configure(db.get()); !ok) return tl::unexpected(ok.error().Prefixed(where));
  if (auto ok = EnsureSchema(db.get()); !ok) return tl::unexpected(ok.error().Prefixed(where));
  return Ledger(std::make_unique<Impl>(Impl{std::move(db)}));
}

Result<void> Ledger::RegisterBox(const BoxArrival& box) {
  if (box.box_id.empty() || box.origin_jobcenter.empty()) return Fail("register box: box id and origin are required");
  sqlite3* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db);
  if (!tx) return tl::unexpected(tx.error());
  if (auto existing = LoadBox(db, box.box_id); existing) {
    return Fail("box " + box.box_id + " is registered already (" + std::string(StateName(existing->state)) + ")");
  }
  auto insert = Statement::Prepare(db, R"sql(
    INSERT INTO boxes(box_id, seal, origin_jobcenter, arrived_at, registered_by, state)
    VALUES(?, ?, ?, ?, ?, 'received'))sql");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, box.box_id)
      .Bind(2, box.seal)
      .Bind(3, box.origin_jobcenter)
      .Bind(4, FormatTimestamp(box.arrived_at))
      .Bind(5, box.operator_id);
  if (auto done = insert->Run(); !done) return tl::unexpected(done.error().Prefixed("box " + box.box_id));
  const Stamp stamp{box.operator_id, box.arrived_at};
  if (auto audited =
          WriteAudit(db, box.box_id, stamp,
                     "registered, seal " + box.seal + ", origin " + box.origin_jobcenter + ", state received");
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<void> Ledger::Advance(std::string_view box_id, BoxState to, const Stamp& stamp) {
  sqlite3* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  if (auto ok = CheckMove(db, *box, to, stamp); !ok) return ok;
  if (auto written = WriteState(db, *box, to, stamp); !written) return written;
  return tx->Commit();
}

Result<bool> Ledger::DeliverIfComplete(std::string_view box_id, const Stamp& stamp) {
  sqlite3* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  if (box->state == BoxState::kDelivered) return true;
  if (box->state != BoxState::kProcessing || box->pages_open() != 0) return false;
  if (auto written = WriteState(db, *box, BoxState::kDelivered, stamp); !written)
    return tl::unexpected(written.error());
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return true;
}

Result<void> Ledger::MarkDestroyed(std::string_view box_id, const Stamp& stamp) {
  return Advance(box_id, BoxState::kDestroyed, stamp);
}

}  // namespace mailroom::ledger
