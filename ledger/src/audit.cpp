#include "audit.h"

#include "db.h"
#include "time_text.h"

namespace mailroom::ledger {

Result<void> WriteAudit(Db* db, std::string_view box_id, const Stamp& stamp, std::string_view what) {
  auto insert = Statement::Prepare(db, "INSERT INTO audit(box_id, at, who, what) VALUES(?, ?, ?, ?)");
  if (!insert) return tl::unexpected(insert.error());
  if (box_id.empty()) {
    insert->BindNull(1);
  } else {
    insert->Bind(1, box_id);
  }
  insert->Bind(2, FormatTimestamp(stamp.when)).Bind(3, stamp.who).Bind(4, what);
  return insert->Run();
}

}  // namespace mailroom::ledger
