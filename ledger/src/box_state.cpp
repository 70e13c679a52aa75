#include "mailroom/ledger/box_state.h"

#include <array>
#include <string>

namespace mailroom::ledger {
namespace {

// Indexed by the enum; the order is the lifecycle.
constexpr std::array<std::string_view, 7> kNames = {"received",  "scanning",        "scanned",  "processing",
                                                    "delivered", "destruction-due", "destroyed"};

}  // namespace

std::string_view StateName(BoxState state) {
  return kNames[static_cast<size_t>(state)];
}

Result<BoxState> ParseState(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<BoxState>(i);
  }
  return Fail("unknown box state '" + std::string(name) + "'");
}

std::optional<BoxState> NextState(BoxState state) {
  if (state == BoxState::kDestroyed) return std::nullopt;
  return static_cast<BoxState>(static_cast<int>(state) + 1);
}

}  // namespace mailroom::ledger
