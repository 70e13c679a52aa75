#!/usr/bin/env bash
# The main job, end to end: build if needed, generate a sample box, process it with the
# embedded default, and say where the output is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh --main
demo=build/demo
rm -rf "$demo"
./build/tools/samplegen/mailroom-samplegen --out "$demo/sample" --seed 1 --envelopes 10
./build/app/mailroom process "$demo/sample/box" --registry "$demo/sample/registry" --out "$demo/out"
echo "Postkorb documents: $demo/out/postkorb/<jobcenter>/<team>/*.pdf + *.json"
echo "Review documents:   $demo/out/review/  (work them: ./build/app/mailroom review list --out $demo/out)"
echo "Box report:         $demo/out/report.json"
