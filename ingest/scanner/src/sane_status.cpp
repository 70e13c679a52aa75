#include "sane_status.h"

namespace mailroom::scanner {

std::string SaneStatusName(SANE_Status status) {
  switch (status) {
    case SANE_STATUS_GOOD:
      return "SANE_STATUS_GOOD";
    case SANE_STATUS_UNSUPPORTED:
      return "SANE_STATUS_UNSUPPORTED";
    case SANE_STATUS_CANCELLED:
      return "SANE_STATUS_CANCELLED";
    case SANE_STATUS_DEVICE_BUSY:
      return "SANE_STATUS_DEVICE_BUSY";
    case SANE_STATUS_INVAL:
      return "SANE_STATUS_INVAL";
    case SANE_STATUS_EOF:
      return "SANE_STATUS_EOF";
    case SANE_STATUS_JAMMED:
      return "SANE_STATUS_JAMMED";
    case SANE_STATUS_NO_DOCS:
      return "SANE_STATUS_NO_DOCS";
    case SANE_STATUS_COVER_OPEN:
      return "SANE_STATUS_COVER_OPEN";
    case SANE_STATUS_IO_ERROR:
      return "SANE_STATUS_IO_ERROR";
    case SANE_STATUS_NO_MEM:
      return "SANE_STATUS_NO_MEM";
    case SANE_STATUS_ACCESS_DENIED:
      return "SANE_STATUS_ACCESS_DENIED";
  }
  // Codes 12 and 13 come from newer backends; SANE 1.2's sane.h has them under #if 0.
  if (static_cast<int>(status) == 12) return "SANE_STATUS_WARMING_UP";
  if (static_cast<int>(status) == 13) return "SANE_STATUS_HW_LOCKED";
  return "SANE_STATUS_" + std::to_string(static_cast<int>(status));
}

std::string SaneStatusText(SANE_Status status) {
  const char* text = sane_strstatus(status);
  return text != nullptr ? text : SaneStatusName(status);
}

FaultKind FaultKindOf(SANE_Status status) {
  switch (status) {
    case SANE_STATUS_JAMMED:
      return FaultKind::kJammed;
    case SANE_STATUS_COVER_OPEN:
      return FaultKind::kCoverOpen;
    case SANE_STATUS_DEVICE_BUSY:
      return FaultKind::kDeviceBusy;
    case SANE_STATUS_IO_ERROR:
      return FaultKind::kIoError;
    case SANE_STATUS_NO_MEM:
      return FaultKind::kNoMemory;
    case SANE_STATUS_ACCESS_DENIED:
      return FaultKind::kAccessDenied;
    case SANE_STATUS_CANCELLED:
      return FaultKind::kCancelled;
    default:
      return FaultKind::kOther;
  }
}

}  // namespace mailroom::scanner
