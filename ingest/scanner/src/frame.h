// Frames as they come off the device, independent of SANE, and the seam between reading frames
// (the SANE device, or a fake in tests) and grouping them into sheets.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/scanner/scanner.h"

namespace mailroom::scanner {

/// One side of one sheet, raw as the device sent it (single-pass gray or RGB).
struct Frame {
  enum class Format { kGray, kRgb };
  Format format = Format::kGray;
  int depth = 8;              ///< bits per sample: 1, 8 or 16
  int width = 0;              ///< pixels per line
  int height = 0;             ///< lines
  int bytes_per_line = 0;     ///< may include padding after the last pixel
  std::vector<uint8_t> data;  ///< height * bytes_per_line bytes; 16-bit samples in host byte order
};

/// The device reported "no documents": the feeder is empty.
struct FeederEmpty {
  std::string where = "sane_start";  ///< "sane_start" or "sane_read"
};

/// The device stopped with a status other than "good" / "end of frame" / "no documents".
struct DeviceFault {
  FaultKind kind = FaultKind::kOther;
  std::string sane_status;  ///< e.g. "SANE_STATUS_JAMMED"
  std::string status_text;  ///< SANE's own wording, e.g. "Document feeder jammed"
  std::string where;        ///< "sane_start", "sane_get_parameters" or "sane_read"
};

using FrameEvent = std::variant<Frame, FeederEmpty, DeviceFault>;

/// Produces the next frame of a batch. Errors are for things that are not device faults
/// (an unsupported frame format, out of memory in our own code).
class FrameSource {
 public:
  virtual ~FrameSource() = default;
  [[nodiscard]] virtual Result<FrameEvent> NextFrame() = 0;
};

}  // namespace mailroom::scanner
