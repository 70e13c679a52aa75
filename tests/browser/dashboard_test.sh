#!/usr/bin/env bash
# The operations dashboard in a real browser: registers a generated sample box in a fresh ledger,
# adds a user, starts `mailroom dashboard` on a free port, and runs dashboard_test.mjs against it (which processes
# the box and watches the page follow). Leaves dashboard.png and dashboard.log in OUT_DIR.
#
# Usage: tests/browser/dashboard_test.sh MAILROOM_BIN OUT_DIR SAMPLEGEN_BIN
# Exit: 0 pass, 1 fail, 77 skipped (no node, npm or /usr/bin/chromium: see deploy/install-deps.sh).
set -euo pipefail
export OMP_THREAD_LIMIT=1 # Tesseract in `mailroom process`: our threads, not OpenMP's (STYLE.md 6)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/browser_setup.sh"
start_browser_test dashboard_test "$@"
rm -f "$out/dashboard.png" "$out/dashboard-failure.png"
# Node resolves packages from the script's folder upwards, so the script runs from beside node_modules.
cp "$here/dashboard_test.mjs" "$here/browser_run.mjs" "$out/"

work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT

# One sealed box, registered but not yet processed.
ledger=$work/ledger.sqlite
"$samplegen" --out "$work/sample" --seed 3 --envelopes 2 >/dev/null
box_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$work/sample/box/box.json" "$1"; }
origin=$(box_field origin)
"$bin" register --ledger "$ledger" --box "$(box_field box_id)" --seal "$(box_field seal)" --origin "$origin" \
  --operator op-1 >/dev/null

# The person who looks at it: a user of the ledger (the dashboard asks for a login), the password
# piped as a script gives it.
password="dashboard test $RANDOM$RANDOM"
printf '%s\n' "$password" | "$bin" user add op-1 --ledger "$ledger" --all-jobcenters --operator admin >/dev/null ||
  fail "mailroom user add"

# A scan station paused on a paper jam in the middle of the box, as `mailroom station` reports it to
# the ledger (the page offers Resume for it; the test clicks it).
python3 - "$ledger" "$(box_field box_id)" <<'PY' || fail "writing the paused station"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO station_states VALUES ('scan-1', 'paused', "
           "'Paper jam at sheet 3; then: mailroom station resume --station scan-1', ?, 4, 1, '2026-01-05T08:00:00Z')",
           (sys.argv[2],))
db.commit()
PY

# The dashboard on a free port; its first stdout line says where.
: >"$out/dashboard.log"
start_server dashboard "$out/dashboard.log" "$bin" dashboard --port 0 --ledger "$ledger"
echo "dashboard_test: $server_url"

node "$out/dashboard_test.mjs" --url "$server_url" --mailroom "$bin" --work "$work" --ledger "$ledger" \
  --origin "$origin" --login op-1 --password "$password" --screenshot "$out/dashboard.png"
