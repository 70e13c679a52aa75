// The states of a sealed box, from the table in the scan center to shredded paper. The order is
// the only order: a box moves one step forward at a time, never back, never skipping a step.
#pragma once

#include <optional>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom::ledger {

enum class BoxState { kReceived, kScanning, kScanned, kProcessing, kDelivered, kDestructionDue, kDestroyed };

/// Every state, in order.
inline constexpr BoxState kAllBoxStates[] = {BoxState::kReceived,   BoxState::kScanning,  BoxState::kScanned,
                                             BoxState::kProcessing, BoxState::kDelivered, BoxState::kDestructionDue,
                                             BoxState::kDestroyed};

/// The name used in the database, the audit trail and `mailroom boxes`: "received", "scanning",
/// "scanned", "processing", "delivered", "destruction-due", "destroyed".
[[nodiscard]] std::string_view StateName(BoxState state);

/// The inverse of StateName; fails quoting `name` for anything else.
[[nodiscard]] Result<BoxState> ParseState(std::string_view name);

/// The one state a box in `state` may move to; none for a destroyed box.
[[nodiscard]] std::optional<BoxState> NextState(BoxState state);

}  // namespace mailroom::ledger
