#include "quiet_poppler.h"

#include <poppler/cpp/poppler-global.h>

#include <mutex>
#include <string>

namespace mailroom::pdf {

namespace {

// Every failure poppler reports here also shows up as a null document, a null page or an invalid
// image, which PdfDocument turns into an error of its own that names the file; so nothing is lost.
void Discard(const std::string& /*message*/, void* /*closure*/) {}

}  // namespace

void QuietPoppler() {
  static std::once_flag installed;
  std::call_once(installed, [] { poppler::set_debug_error_function(Discard, nullptr); });
}

}  // namespace mailroom::pdf
