// The real FrameSource: one frame per sane_start / sane_get_parameters / sane_read ... EOF.
#pragma once

#include "frame.h"
#include "reader_thread_settle.h"
#include "sane_device.h"

namespace mailroom::scanner {

class SaneFrameSource final : public FrameSource {
 public:
  /// `device` must outlive this object.
  explicit SaneFrameSource(const SaneDevice& device) : device_(device) {}

  /// Starts and reads one frame. SANE_STATUS_NO_DOCS from sane_start or sane_read is FeederEmpty;
  /// other statuses are a DeviceFault (the caller stops; the device is cancelled when closed).
  /// 3-pass frames (RED/GREEN/BLUE) and other formats are errors.
  [[nodiscard]] Result<FrameEvent> NextFrame() override;

 private:
  Result<FrameEvent> ReadFrame();

  const SaneDevice& device_;
  ReaderThreadSettle settle_;
};

}  // namespace mailroom::scanner
