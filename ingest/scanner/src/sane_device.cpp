#include "sane_device.h"

#include <cstring>

#include "sane_status.h"

namespace mailroom::scanner {

void SaneHandleClose::operator()(void* handle) const noexcept {
  sane_cancel(handle);
  sane_close(handle);
}

Result<SaneDevice> SaneDevice::Open(const std::string& name) {
  SANE_Handle handle = nullptr;
  SANE_Status status = sane_open(name.c_str(), &handle);
  if (status != SANE_STATUS_GOOD) {
    // The dll backend answers an unknown name with SANE_STATUS_INVAL ("Invalid argument").
    std::string reason = SaneStatusText(status);
    if (status == SANE_STATUS_INVAL) reason = "no such device (see `mailroom scan --list`)";
    if (status == SANE_STATUS_DEVICE_BUSY) reason = "the scanner is in use by another program; wait and try again";
    if (status == SANE_STATUS_ACCESS_DENIED) reason = "access denied; check that this account may use the scanner";
    return Fail("scanner '" + name + "': cannot open: " + reason);
  }
  return SaneDevice(name, handle);
}

Result<OptionRef> SaneDevice::FindOption(const std::string& option_name) const {
  // Option 0 is always the option count (SANE standard 4.5.2).
  SANE_Int count = 0;
  if (sane_control_option(handle(), 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD) {
    return Fail("cannot read the option count");
  }
  for (SANE_Int i = 1; i < count; ++i) {
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle(), i);
    if (d != nullptr && d->name != nullptr && option_name == d->name) return OptionRef{i, d};
  }
  return Fail("no option '" + option_name + "'");
}

bool SaneDevice::HasActiveOption(const std::string& option_name) const {
  auto option = FindOption(option_name);
  return option && SANE_OPTION_IS_ACTIVE(option->descriptor->cap);
}

}  // namespace mailroom::scanner
