// RAII ownership of Leptonica images. After this header, no pixDestroy appears elsewhere.
#pragma once

#include <memory>
#include <string>

#include <leptonica/allheaders.h>

#include "mailroom/common/result.h"

namespace mailroom {

struct PixFree {
  void operator()(Pix* p) const noexcept { pixDestroy(&p); }
};
/// An owned Leptonica image.
using PixPtr = std::unique_ptr<Pix, PixFree>;

/// Takes ownership of a Pix returned by a Leptonica call; fails with `what` if the call returned null.
[[nodiscard]] Result<PixPtr> Owned(Pix* pix, const std::string& what);

/// Makes Leptonica quiet: it prints its own errors to stderr, which would put file names (and
/// noise) outside our logging. We report every failure ourselves with context. Call once at start-up.
void SilenceLeptonica();

}  // namespace mailroom
