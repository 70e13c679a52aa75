// When paper may be destroyed: the retention of its origin jobcenter, counted in whole days from
// the day its box was delivered (the later, safer of arrival and delivery).
#pragma once

#include "db.h"

#include <string_view>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

[[nodiscard]] Result<int> LoadRetentionDays(Db* db, std::string_view origin_jobcenter);

/// The first day destruction is allowed.
[[nodiscard]] inline Date RetentionUntil(Timestamp delivered_at, int days) {
  return std::chrono::floor<std::chrono::days>(delivered_at) + std::chrono::days{days};
}

}  // namespace mailroom::ledger
