// Tesseract is built with OpenMP. With its threads on, one page takes ~13 s on 2 cores instead of
// ~1.8 s: our parallelism comes from one Tesseract per worker thread, not from OpenMP inside it.
// The OpenMP runtime reads OMP_THREAD_LIMIT when the library loads, before main(): setenv() in main
// is too late. So the program re-executes itself once with the variable set.
#pragma once

namespace mailroom {

/// If OMP_THREAD_LIMIT is not set, sets it to 1 and re-executes /proc/self/exe with the same
/// arguments (does not return then). Returns normally when the variable is already set, so an
/// operator who sets it on purpose keeps their value. Call first thing in main().
void EnsureSingleThreadedOpenMp(char** argv);

}  // namespace mailroom
