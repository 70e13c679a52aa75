// The ledger's tables, versioned with PRAGMA user_version so a later build can migrate a file and
// an older build refuses a newer file instead of misreading it.
#pragma once

#include <sqlite3.h>

#include "mailroom/common/result.h"

namespace mailroom::ledger {

inline constexpr int kSchemaVersion = 4;

/// Creates the schema in an empty database, accepts the current version, refuses anything else.
[[nodiscard]] Result<void> EnsureSchema(sqlite3* db);

}  // namespace mailroom::ledger
