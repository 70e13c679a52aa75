// libtiff prints warnings and errors to stderr by default. We want the reason in our own error
// message instead (naming the file), so its handlers record the last error per thread.
#pragma once

#include <tiffio.h>

#include <memory>
#include <string>

namespace mailroom::ingest {

/// Installs the recording handlers (once per process; idempotent, thread-safe).
void SilenceLibtiff();

/// The last libtiff error recorded on this thread, then clears it. Empty if none.
std::string TakeLastTiffError();

struct TiffClose {
  void operator()(TIFF* tif) const noexcept { TIFFClose(tif); }
};
/// An open libtiff file, closed on every path (Leptonica's readHeaderTiff leaks it on some).
using TiffPtr = std::unique_ptr<TIFF, TiffClose>;

}  // namespace mailroom::ingest
