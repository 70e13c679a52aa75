#!/usr/bin/env bash
# Configures and builds mailroom into build/ (incremental when build/ exists).
#   tools/build.sh           everything: the program, the tools and every test (tools/test.sh)
#   tools/build.sh --main    only the `mailroom` program, the sample generator and the packages
#                            they need (the demo and the benchmarks: a few minutes on a fresh
#                            machine instead of twelve)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == --main ]]; then
  bash deploy/install-deps.sh --main
  targets=(--target mailroom --target mailroom-samplegen)
else
  bash deploy/install-deps.sh
  targets=()
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(getconf _NPROCESSORS_ONLN)" "${targets[@]}"
