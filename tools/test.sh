#!/usr/bin/env bash
# Every test: installs what is missing, builds, runs the whole suite under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
# Tesseract's OpenMP threads off (the test binaries also ensure this themselves).
export OMP_THREAD_LIMIT=1
ctest --test-dir build --output-on-failure -j"$(nproc)"
