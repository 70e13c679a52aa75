// SaneSession (sane_init/sane_exit) and ListDevices.
#include <sane/sane.h>

#include <atomic>

#include "mailroom/scanner/scanner.h"
#include "sane_status.h"

namespace mailroom::scanner {
namespace {

// SANE keeps its state in process globals (the dll backend's list of loaded backends), so a
// second sane_init before sane_exit would share, and the first sane_exit would pull it away.
std::atomic<bool> g_session_open{false};

std::string OrEmpty(const char* text) {
  return text != nullptr ? text : "";
}

}  // namespace

Result<SaneSession> SaneSession::Open() {
  bool expected = false;
  if (!g_session_open.compare_exchange_strong(expected, true)) {
    return Fail("cannot start SANE: another scanner session is open in this process");
  }
  SANE_Int version = 0;
  SANE_Status status = sane_init(&version, nullptr);
  if (status != SANE_STATUS_GOOD) {
    g_session_open = false;
    return Fail("cannot start SANE: " + SaneStatusText(status));
  }
  SaneSession session;
  session.owns_ = true;
  return session;
}

SaneSession::SaneSession(SaneSession&& other) noexcept : owns_(other.owns_) {
  other.owns_ = false;
}

SaneSession& SaneSession::operator=(SaneSession&& other) noexcept {
  if (this != &other) {
    if (owns_) {
      sane_exit();
      g_session_open = false;
    }
    owns_ = other.owns_;
    other.owns_ = false;
  }
  return *this;
}

SaneSession::~SaneSession() {
  if (owns_) {
    sane_exit();
    g_session_open = false;
  }
}

Result<std::vector<DeviceInfo>> ListDevices(SaneSession& /*session*/) {
  const SANE_Device** devices = nullptr;
  // local_only = false: network scanners (saned, airscan) are normal in a scan centre.
  SANE_Status status = sane_get_devices(&devices, SANE_FALSE);
  if (status != SANE_STATUS_GOOD) return Fail("listing scanners: " + SaneStatusText(status));
  std::vector<DeviceInfo> result;
  for (const SANE_Device** device = devices; device != nullptr && *device != nullptr; ++device) {
    result.push_back(DeviceInfo{OrEmpty((*device)->name), OrEmpty((*device)->vendor), OrEmpty((*device)->model),
                                OrEmpty((*device)->type)});
  }
  return result;
}

}  // namespace mailroom::scanner
