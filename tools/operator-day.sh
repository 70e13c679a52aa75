#!/usr/bin/env bash
# An operator's day at the scan center, exactly as the README tells it, run against SANE's `test`
# backend (a virtual scanner) so that it works on any machine: register a box, scan it (with a
# paper jam and a resume), process a box handed in as a folder of images, list the boxes, work its
# review documents at the desk (the box turns delivered), answer
# "did my papers arrive?", make the destruction list with its PDF protocol, record the destruction.
#
# Usage: tools/operator-day.sh [WORK_DIR]        (default: build/operator-day)
#   SKIP_BUILD=1   do not build first;  MAILROOM_BIN=PATH   the mailroom binary to use
#   MAILROOM_SAMPLEGEN=PATH   the sample generator (mailroom-samplegen) to use
set -euo pipefail
cd "$(dirname "$0")/.."
[[ "${SKIP_BUILD:-}" == 1 ]] || bash tools/build.sh --main
bin=$(realpath "${MAILROOM_BIN:-build/app/mailroom}")
samplegen=$(realpath "${MAILROOM_SAMPLEGEN:-build/tools/samplegen/mailroom-samplegen}")
work=$(realpath -m "${1:-build/operator-day}")
rm -rf "$work"
mkdir -p "$work/sane"
mailroom() { "$bin" "$@"; }
step() { printf '\n== %s\n' "$*"; }

# The virtual scanner: a private SANE configuration that knows only the test backend.
echo test >"$work/sane/dll.conf"
echo "number_of_devices 2" >"$work/sane/test.conf"
export SANE_CONFIG_DIR=$work/sane
# Where the scan center keeps its ledger, its box folders and the case registry.
export MAILROOM_LEDGER=$work/ledger.sqlite MAILROOM_BOXES=$work/boxes MAILROOM_REGISTRY=$work/sample/registry
"$samplegen" --out "$work/sample" --seed 3 --envelopes 4 >/dev/null
origin=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["origin"])' "$work/sample/box/box.json")

step "The courier brings sealed boxes: register them"
mailroom register --box BOX-0117 --seal 4471123 --origin "$origin" --operator op-14
mailroom retention --origin "$origin" --days 42 --operator op-14

step "Scan BOX-0117; the virtual scanner's feeder holds 10 sheets (white, so they are blank pages)"
scanner=(--device test:0 --resolution 150 --mode lineart --device-option "test-picture=Solid white")
mailroom scan --list
mailroom scan "${scanner[@]}" --box BOX-0117 --keep-open --no-process --operator op-14 </dev/null
step "The next stack jams at its first sheet (the test backend's injected fault)"
mailroom scan "${scanner[@]}" --box BOX-0117 --resume --no-process --operator op-14 \
  --device-option read-return-value=SANE_STATUS_JAMMED </dev/null && exit 1 || [[ $? == 3 ]]
step "Sheets put back: resume, and hand the box to the embedded pipeline"
mailroom scan "${scanner[@]}" --box BOX-0117 --resume --operator op-14 --out "$work/out/BOX-0117" </dev/null

step "A box handed in as a folder of images: register it, then process it"
box_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["box_id"])' "$work/sample/box/box.json")
seal=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seal"])' "$work/sample/box/box.json")
mailroom register --box "$box_id" --seal "$seal" --origin "$origin" --operator op-14
mailroom process "$work/sample/box" --registry "$MAILROOM_REGISTRY" --out "$work/out/$box_id" \
  --ledger "$MAILROOM_LEDGER" --operator op-14 --quiet

step "Where the boxes stand (a box with review documents waits for the desk)"
mailroom boxes

step "The review desk decides what mailroom was not sure of"
out=$work/out/$box_id
mailroom review list --out "$out"
# The clerk reads each document and types the case it belongs to; here the sample's truth file
# plays the clerk. A letter whose case the clerk cannot find goes to its jobcenter without a case.
python3 - "$work/sample/truth.json" "$out" >"$work/decisions" <<'PY'
import json, pathlib, sys
truth = {p["file"]: p["bg_number"] for p in json.load(open(sys.argv[1]))["pages"]}
for doc in sorted(pathlib.Path(sys.argv[2], "review").glob("*.json")):
    d = json.load(open(doc))
    cases = {truth.get(page) for page in d["pages"]} - {None}
    if len(cases) == 1:
        print("assign", d["document_id"], cases.pop())
    else:
        print("forward", d["document_id"], "-")
PY
desk=(--out "$out" --registry "$MAILROOM_REGISTRY" --ledger "$MAILROOM_LEDGER" --operator clerk-2)
while read -r action document what; do
  if [[ $action == assign ]]; then
    mailroom review assign "$document" --case "$what" --yes "${desk[@]}"
  else
    mailroom review forward "$document" "${desk[@]}"
  fi
done <"$work/decisions"
mailroom boxes --state delivered --csv | grep -q "^$box_id," # every page settled: the box is delivered

step "A customer asks whether her papers arrived"
bg=$(python3 -c '
import json, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.json")):
    print(json.load(open(p))["bg_number"]); break' "$work/out/$box_id/postkorb")
mailroom receipt --bg "$bg"

step "Six weeks and a day later: what may be destroyed"
due=$(date -u -d "+43 days" +%F)
mailroom destruction-list --date "$due" --csv "$work/destruction-$due.csv" --pdf "$work/destruction-$due.pdf" \
  --operator op-14
cat "$work/destruction-$due.csv"

step "The destruction service has shredded BOX-0117"
mailroom destroyed BOX-0117 --date "$due" --operator shred-3
mailroom boxes
mailroom boxes --state destroyed --csv | grep -q '^BOX-0117,' # (the test of this script checks that)
mailroom audit --box BOX-0117 | tail -4
echo
echo "Everything of this day is in $work (ledger.sqlite, boxes/, out/, destruction-$due.pdf)"
