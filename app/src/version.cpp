#include <ZXing/ZXVersion.h>
#include <fmt/format.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <cstdlib>
#include <memory>

#include "mailroom/app/process_box.h"

namespace mailroom::app {

std::string VersionText() {
  std::unique_ptr<char, void (*)(void*)> leptonica(getLeptonicaVersion(), &lept_free);
  const char* omp_limit = std::getenv("OMP_THREAD_LIMIT");
  return fmt::format(
      "mailroom {}\n"
      "tesseract {}\n"
      "{}\n"
      "zxing-cpp {}.{}.{}\n"
      "OMP_THREAD_LIMIT={}\n",
      MAILROOM_VERSION, tesseract::TessBaseAPI::Version(), leptonica.get(), ZXING_VERSION_MAJOR, ZXING_VERSION_MINOR,
      ZXING_VERSION_PATCH, omp_limit != nullptr ? omp_limit : "(unset)");
}

}  // namespace mailroom::app
