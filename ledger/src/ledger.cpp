// Opening the ledger, registering boxes and moving them through their states.
#include "mailroom/ledger/ledger.h"

#include "audit.h"
#include "box_row.h"
#include "ledger_impl.h"
#include "mailroom/common/safe_names.h"
#include "postgres_db.h"
#include "retention.h"
#include "schema.h"
#include "sqlite_db.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

// The checks for moving `box` to `to`, in the order that gives the most useful refusal: for
// destruction the reasons (open pages, retention) matter more than the state.
Result<void> CheckMove(Db* db, const BoxRow& box, BoxState to, const Stamp& stamp) {
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

bool IsServerLedger(std::string_view location) {
  return IsPostgresUrl(location);
}

Ledger::Ledger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

sqlite3* Ledger::raw_connection_for_tests() const {
  return impl_->db->sqlite_for_tests();
}

Result<Ledger> Ledger::Open(const std::filesystem::path& path) {
  const std::string location = path.string();
  const bool server = IsPostgresUrl(location);
  // A URL's password never goes into a message.
  const std::string where = "ledger " + (server ? RedactedUrl(location) : location);
  auto db = server ? OpenPostgres(location) : OpenSqlite(path);
  if (!db) return tl::unexpected(db.error().Prefixed(where));
  if (auto ok = EnsureSchema(db->get()); !ok) return tl::unexpected(ok.error().Prefixed(where));
  return Ledger(std::make_unique<Impl>(Impl{std::move(*db)}));
}

Result<void> Ledger::RegisterBox(const BoxArrival& box) {
  if (box.box_id.empty() || box.origin_jobcenter.empty()) return Fail("register box: box id and origin are required");
  // Box ids become folder names (the station's box folder, the store's ownership records).
  for (auto [what, id] : {std::pair{"box id", &box.box_id}, {"origin", &box.origin_jobcenter}}) {
    if (auto bad = CheckId(what, *id); !bad) return tl::unexpected(bad.error().Prefixed("register box"));
  }
  if (!box.seal.empty()) {
    if (auto bad = CheckId("seal", box.seal); !bad) return tl::unexpected(bad.error().Prefixed("register box"));
  }
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box.box_id));
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
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  auto box = LoadBox(db, box_id);
  if (!box) return tl::unexpected(box.error());
  if (auto ok = CheckMove(db, *box, to, stamp); !ok) return ok;
  if (auto written = WriteState(db, *box, to, stamp); !written) return written;
  return tx->Commit();
}

Result<bool> Ledger::DeliverIfComplete(std::string_view box_id, const Stamp& stamp) {
  Db* db = impl_->db.get();
  auto tx = WriteTransaction::Begin(db, BoxScope(box_id));
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
