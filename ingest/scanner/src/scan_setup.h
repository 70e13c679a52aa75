// Turning ScanSettings into option values on an open device: source (ADF/flatbed/duplex), mode
// and depth, resolution, then the backend options the operator gave.
#pragma once

#include <string>

#include "mailroom/scanner/scanner.h"
#include "sane_device.h"

namespace mailroom::scanner {

/// What the device was set to.
struct AppliedSettings {
  std::string source;        ///< the device's source string; empty if it has no source option
  bool feeder = false;       ///< true: read sheets until "no documents"; false: one sheet (flatbed)
  int frames_per_sheet = 1;  ///< 2 for duplex
  int resolution_dpi = 300;  ///< as the device really set it
};

/// Applies `settings` to `device`. Errors name the device and the setting.
[[nodiscard]] Result<AppliedSettings> ApplySettings(const SaneDevice& device, const ScanSettings& settings);

/// True for source names of a document feeder: containing "ADF", "Automatic Document Feeder",
/// "Feeder" or "Duplex" (case-insensitive).
[[nodiscard]] bool IsFeederSource(const std::string& source);

}  // namespace mailroom::scanner
