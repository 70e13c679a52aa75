// Helpers shared by the ledger tests: fixed times, and a box walked to a given state.
#pragma once

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "mailroom/ledger/ledger.h"
#include "temp_dir.h"

namespace mailroom::ledger::testing {

using namespace std::chrono;

/// 2024-03-01 plus `day` days, at 08:00 UTC.
inline Timestamp Day(int day) {
  return sys_days{2024y / March / 1} + days{day} + hours{8};
}
inline Stamp At(int day, std::string who = "op-1") {
  return Stamp{std::move(who), Day(day)};
}

inline BoxArrival Box(std::string id, std::string origin = "JC-1") {
  return BoxArrival{std::move(id), "SEAL-" + std::string("1"), std::move(origin), Day(0), "op-1"};
}

inline PageDelivery Page(std::string name, std::string document = "doc-1", std::string bg = "12345BG0000001") {
  return PageDelivery{std::move(name), std::move(document), "JC-1", std::move(bg), Day(1)};
}

/// Registers `id` (from `origin`) with `pages` captured pages and moves it to processing, all on day 0.
inline void ProcessingBox(Ledger& ledger, const std::string& id, int pages, std::string origin = "JC-1") {
  REQUIRE(ledger.RegisterBox(Box(id, std::move(origin))));
  REQUIRE(ledger.Advance(id, BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured(id, pages, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kProcessing, At(0)));
}

/// Registers `id` with `pages` pages, scans and delivers all of them; the box ends delivered on day 1.
inline void DeliveredBox(Ledger& ledger, const std::string& id, int pages = 2, std::string origin = "JC-1") {
  REQUIRE(ledger.RegisterBox(Box(id, std::move(origin))));
  REQUIRE(ledger.Advance(id, BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured(id, pages, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kProcessing, At(0)));
  for (int i = 1; i <= pages; ++i) REQUIRE(ledger.RecordPageDelivered(id, Page(std::to_string(i) + ".tif")));
  REQUIRE(ledger.Advance(id, BoxState::kDelivered, At(1)));
}

inline Ledger OpenLedger(const mailroom::testing::TempDir& dir) {
  auto ledger = Ledger::Open(dir / "ledger.sqlite");
  REQUIRE(ledger);
  return std::move(*ledger);
}

}  // namespace mailroom::ledger::testing
