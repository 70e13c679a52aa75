#pragma once

#include "mailroom/image/pix.h"

namespace mailroom::ocr {

/// IsBlankPage on a page's 1-bit ink (see page_cleanup.h InkOf) at `dpi`.
[[nodiscard]] bool IsBlankInk(Pix* ink, int dpi);

}  // namespace mailroom::ocr
