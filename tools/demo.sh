#!/usr/bin/env bash
# The main job, end to end: build if needed, generate a sample box, process it with the
# embedded default, and say where the output is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh --main
demo=build/demo
rm -rf "$demo"
./build/tools/samplegen/mailroom-samplegen --out "$demo/sample" --seed 1 --envelopes 10
# The box is registered in a ledger, as at the scan center: the ledger says when it is delivered
# (every page routed, or decided at the review desk) and when its paper may be destroyed.
box_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$demo/sample/box/box.json" "$1"; }
./build/app/mailroom register --ledger "$demo/ledger.sqlite" --box "$(box_field box_id)" --seal "$(box_field seal)" \
  --origin "$(box_field origin)" --operator demo >/dev/null
./build/app/mailroom process "$demo/sample/box" --registry "$demo/sample/registry" --out "$demo/out" \
  --ledger "$demo/ledger.sqlite" --operator demo
echo "Postkorb documents: $demo/out/postkorb/<jobcenter>/<team>/*.pdf + *.json"
echo "Review documents:   $demo/out/review/  (list them: ./build/app/mailroom review list --out $demo/out)"
echo "Box report:         $demo/out/report.json"
echo "Box ledger:         $demo/ledger.sqlite  (./build/app/mailroom boxes --ledger $demo/ledger.sqlite)"
echo "Work the review documents in the desk (README: Working the review desk):"
echo "  ./build/app/mailroom user add clerk --all-jobcenters --ledger $demo/ledger.sqlite"
echo "  ./build/app/mailroom review serve --ledger $demo/ledger.sqlite --out $demo/out --registry $demo/sample/registry"
