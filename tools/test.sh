#!/usr/bin/env bash
# Every test: installs what is missing, builds, runs the whole suite under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
# Tesseract's OpenMP threads off (the test binaries also ensure this themselves). The core count
# comes from getconf: GNU nproc would report 1 once OMP_THREAD_LIMIT=1 is set.
export OMP_THREAD_LIMIT=1
ctest --test-dir build --output-on-failure -j"$(getconf _NPROCESSORS_ONLN)"
