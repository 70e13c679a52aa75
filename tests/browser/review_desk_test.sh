#!/usr/bin/env bash
# The review desk in a real browser: makes a small generated box whose every document goes to review,
# registers it in a fresh ledger, processes it with --ledger, adds a clerk, starts `mailroom review serve`
# on a free port and runs review_desk_test.mjs against it (which works every document in the browser and
# checks the Postkorb and the ledger). Leaves review-desk-list.png, review-desk-document.png and
# review-desk.log in OUT_DIR.
#
# Usage: tests/browser/review_desk_test.sh MAILROOM_BIN OUT_DIR SAMPLEGEN_BIN
# Exit: 0 pass, 1 fail, 77 skipped (no node, npm or /usr/bin/chromium: see deploy/install-deps.sh).
set -euo pipefail
export OMP_THREAD_LIMIT=1 # Tesseract in `mailroom process`: our threads, not OpenMP's (STYLE.md 6)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/browser_setup.sh"
start_browser_test review_desk_test "$@"
rm -f "$out"/review-desk-*.png
# Node resolves packages from the script's folder upwards, so the script runs from beside node_modules.
cp "$here/review_desk_test.mjs" "$here/browser_run.mjs" "$out/"

work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT

# Four review documents: an objection with a number in no registry, a three-page letter without a
# number, a sender who fits several cases, and an empty page file (unreadable).
"$samplegen" --out "$work/sample" --seed 3 --envelopes 20 --classify-mix >/dev/null
python3 "$here/review_desk_box.py" "$work/sample" "$work/desk"
box_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$work/desk/box/box.json" "$1"; }
box_id=$(box_field box_id)
ledger=$work/ledger.sqlite
"$bin" register --ledger "$ledger" --box "$box_id" --seal "$(box_field seal)" --origin "$(box_field origin)" \
  --operator op-1 >/dev/null
"$bin" process "$work/desk/box" --registry "$work/desk/registry" --out "$work/out" --ledger "$ledger" \
  --operator op-1 --quiet >/dev/null 2>"$out/review-desk.log" || fail "mailroom process: $(cat "$out/review-desk.log")"

# The clerk: every jobcenter, as a team lead (the candidates of a sender may live in another one).
password=review-desk-test-password
echo "$password" | "$bin" user add clerk-1 --ledger "$ledger" --all-jobcenters >/dev/null ||
  fail "mailroom user add clerk-1 failed"

# The desk on a free port; its first stdout line says where.
start_server "review desk" "$out/review-desk.log" \
  "$bin" review serve --ledger "$ledger" --out "$work/out" --registry "$work/desk/registry" --listen 127.0.0.1:0
echo "review_desk_test: $server_url"

node "$out/review_desk_test.mjs" --url "$server_url" --mailroom "$bin" --ledger "$ledger" --out "$work/out" \
  --registry "$work/desk/registry" --box "$box_id" --login clerk-1 --password "$password" --screenshots "$out"

# Stopped by SIGTERM, the desk exits cleanly (0).
stop_server
[[ $server_status -eq 0 ]] || fail "mailroom review serve exited $server_status on SIGTERM: $(tail -5 "$out/review-desk.log")"
