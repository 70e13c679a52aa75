#include "mailroom/common/single_thread_openmp.h"

#include <unistd.h>

#include <cstdlib>

#include "mailroom/common/event_log.h"

namespace mailroom {

void EnsureSingleThreadedOpenMp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  ::setenv("OMP_THREAD_LIMIT", "1", 1);
  ::execv("/proc/self/exe", argv);
  // Only reached if exec failed (e.g. no /proc): go on, slower but correct.
  eventlog::Log(eventlog::Level::kWarning, "startup.openmp", {},
                "could not re-execute with OMP_THREAD_LIMIT=1; OCR will be slow");
}

}  // namespace mailroom
