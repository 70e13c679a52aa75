// Names and meanings of SANE status codes.
#pragma once

#include <string>

#include <sane/sane.h>

#include "mailroom/scanner/scanner.h"

namespace mailroom::scanner {

/// "SANE_STATUS_JAMMED" for SANE_STATUS_JAMMED; "SANE_STATUS_<n>" for codes SANE 1.2 does not name.
[[nodiscard]] std::string SaneStatusName(SANE_Status status);

/// SANE's own text for the status (sane_strstatus), e.g. "Document feeder jammed".
[[nodiscard]] std::string SaneStatusText(SANE_Status status);

/// The fault kind an operator message is chosen by.
[[nodiscard]] FaultKind FaultKindOf(SANE_Status status);

}  // namespace mailroom::scanner
