#include "box_row.h"

#include "audit.h"
#include "db.h"
#include "time_text.h"

namespace mailroom::ledger {

Result<BoxRow> LoadBox(Db* db, std::string_view box_id) {
  auto select = Statement::Prepare(db, std::string("SELECT b.box_id, b.origin_jobcenter, b.state, b.pages_captured, "
                                                   "b.delivered_at, ") +
                                           kPageCountColumns + " FROM boxes b WHERE b.box_id = ?");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, box_id);
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return Fail("box " + std::string(box_id) + ": not in the ledger");
  auto state = ParseState(select->Text(2));
  if (!state) return tl::unexpected(state.error().Prefixed("box " + std::string(box_id)));
  BoxRow box{select->Text(0),
             select->Text(1),
             *state,
             static_cast<int>(select->Int(3)),
             static_cast<int>(select->Int(5)),
             static_cast<int>(select->Int(6)),
             static_cast<int>(select->Int(7)),
             std::nullopt};
  if (!select->IsNull(4)) {
    auto delivered = ParseTimestamp(select->Text(4));
    if (!delivered) return tl::unexpected(delivered.error().Prefixed("box " + box.box_id));
    box.delivered_at = *delivered;
  }
  return box;
}

tl::unexpected<Error> Refuse(const BoxRow& box, std::string_view what) {
  return Fail("box " + box.box_id + " is " + std::string(StateName(box.state)) + ", cannot " + std::string(what));
}

Result<void> WriteState(Db* db, const BoxRow& box, BoxState to, const Stamp& stamp) {
  // delivered_at and destroyed_at are set once, by the change that reaches them.
  auto update = Statement::Prepare(db, R"sql(
    UPDATE boxes SET state = ?1,
      delivered_at = CASE WHEN ?1 = 'delivered' THEN ?2 ELSE delivered_at END,
      destroyed_at = CASE WHEN ?1 = 'destroyed' THEN ?2 ELSE destroyed_at END
    WHERE box_id = ?3)sql");
  if (!update) return tl::unexpected(update.error());
  update->Bind(1, StateName(to)).Bind(2, FormatTimestamp(stamp.when)).Bind(3, box.box_id);
  if (auto done = update->Run(); !done) return done;
  return WriteAudit(db, box.box_id, stamp,
                    "state " + std::string(StateName(box.state)) + " -> " + std::string(StateName(to)));
}

}  // namespace mailroom::ledger
