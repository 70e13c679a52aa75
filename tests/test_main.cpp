// The test runner's main: the same OpenMP guard as the mailroom command, so a test run started
// by hand (not through ctest) is not ten times slower.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "mailroom/common/single_thread_openmp.h"
#include "mailroom/image/pix.h"

int main(int argc, char** argv) {
  mailroom::EnsureSingleThreadedOpenMp(argv);
  mailroom::SilenceLeptonica();
  return Catch::Session().run(argc, argv);
}
