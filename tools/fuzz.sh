#!/usr/bin/env bash
# The parsers of untrusted input under libFuzzer (fuzz/, README "Fuzzing"): builds the fuzz targets
# and only the libraries they use with clang in build-fuzz/, then runs each target for a bounded time
# on a copy of its seed corpus (fuzz/corpus/<target>, grown in build-fuzz/corpus/<target>).
#   tools/fuzz.sh [SECONDS [TARGET ...]]   SECONDS per target (default 15); the targets: page_decoder,
#                                          box_json, registry_csv, page_reading (default: all)
# A finding (crash, sanitizer report, leak, timeout, memory over the limit) fails the run and names
# the input that caused it; replay it with build-fuzz/fuzz/fuzz_<target> FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
[[ $# -gt 0 ]] && shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(page_decoder box_json registry_csv page_reading)

# Debian 12's clang with its libFuzzer runtime; the libraries' -dev packages as for build/.
bash deploy/install-deps.sh --main clang libclang-rt-14-dev
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DMAILROOM_FUZZ=ON -DMAILROOM_BUILD_TESTS=OFF >/dev/null
build_targets=()
for t in "${targets[@]}"; do build_targets+=(--target "fuzz_${t}"); done
cmake --build build-fuzz -j"$(getconf _NPROCESSORS_ONLN)" "${build_targets[@]}"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build-fuzz/findings build-fuzz/logs
failed=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/${t}
  log=build-fuzz/logs/${t}.log
  mkdir -p "${corpus}"
  cp -n fuzz/corpus/"${t}"/* "${corpus}"/
  # 1 GiB: a decoder that allocates more for one input is a finding (libFuzzer's malloc limit is
  # the same); 10 s for one input is a hang.
  if build-fuzz/fuzz/fuzz_"${t}" -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix=build-fuzz/findings/"${t}"- -print_final_stats=1 "${corpus}" >"${log}" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "${log}")
    echo "fuzz ${t}: ${runs:-?} inputs in ${seconds} s, no finding ($(ls "${corpus}" | wc -l) in the corpus)"
  else
    failed=1
    tail -n 40 "${log}" >&2
    input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "${log}" | tail -n 1)
    echo "fuzz ${t}: FINDING, input ${input:-unknown} (log ${log}); replay: build-fuzz/fuzz/fuzz_${t} ${input}" >&2
  fi
done
exit "${failed}"
