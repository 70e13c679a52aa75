#!/usr/bin/env bash
# Configures and builds mailroom into build/ (incremental when build/ exists).
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(getconf _NPROCESSORS_ONLN)"
