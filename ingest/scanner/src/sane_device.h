// An open SANE device: RAII over sane_open / sane_cancel + sane_close, and option descriptors by name.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include <sane/sane.h>

#include "mailroom/common/result.h"

namespace mailroom::scanner {

/// Cancels any scan in progress and closes the device (both are required on every path: a
/// backend keeps the device claimed until sane_close).
struct SaneHandleClose {
  void operator()(void* handle) const noexcept;
};
using SaneHandlePtr = std::unique_ptr<void, SaneHandleClose>;

/// An option found by name: its index and descriptor. The descriptor pointer belongs to the
/// backend and is valid until the next option change that reports SANE_INFO_RELOAD_OPTIONS, so
/// look options up again after setting one.
struct OptionRef {
  SANE_Int index = 0;
  const SANE_Option_Descriptor* descriptor = nullptr;
};

class SaneDevice {
 public:
  /// Opens `name` ("test:0"). The error names the device.
  [[nodiscard]] static Result<SaneDevice> Open(const std::string& name);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] SANE_Handle handle() const { return handle_.get(); }

  /// The option called `option_name`; the error ("no option 'x'") names the option, not the device.
  [[nodiscard]] Result<OptionRef> FindOption(const std::string& option_name) const;
  /// True if the device has an active option of that name.
  [[nodiscard]] bool HasActiveOption(const std::string& option_name) const;

 private:
  SaneDevice(std::string name, SANE_Handle handle) : name_(std::move(name)), handle_(handle) {}
  std::string name_;
  SaneHandlePtr handle_;
};

}  // namespace mailroom::scanner
