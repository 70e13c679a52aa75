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
bin=$(realpath "$1")
out=$(realpath -m "$2")
samplegen=$(realpath "$3")
fail() { echo "dashboard_test: FAIL: $*" >&2; exit 1; }

for tool in node npm /usr/bin/chromium; do
  if ! command -v "$tool" >/dev/null; then
    # In CI the browser must be there (tools/test.sh installs it): a skip would hide the test.
    [[ -n "${CI:-}" ]] && { echo "dashboard_test: FAIL: $tool is not installed" >&2; exit 1; }
    echo "dashboard_test: SKIP: $tool is not installed" >&2
    exit 77
  fi
done
mkdir -p "$out"
rm -f "$out/dashboard.png" "$out/dashboard-failure.png"

# playwright-core in the build tree, exactly as the committed lock file says; installed again only when
# the lock file changes. It never downloads a browser: the test drives Debian's Chromium.
if ! cmp -s "$here/package-lock.json" "$out/node_modules/.installed-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  (cd "$out" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefer-offline --no-audit --no-fund --loglevel=error) ||
    fail "npm ci in $out (is the npm registry or ~/.npm reachable?)"
  cp "$here/package-lock.json" "$out/node_modules/.installed-lock.json"
fi
# Node resolves packages from the script's folder upwards, so the script runs from beside node_modules.
cp "$here/dashboard_test.mjs" "$out/"

work=$(mktemp -d)
dashboard_pid=
cleanup() {
  [[ -z $dashboard_pid ]] || kill "$dashboard_pid" 2>/dev/null || true
  [[ -z $dashboard_pid ]] || wait "$dashboard_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

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

# The dashboard on a free port; its first stdout line says where.
"$bin" dashboard --port 0 --ledger "$ledger" >"$work/dashboard.out" 2>"$out/dashboard.log" &
dashboard_pid=$!
url=
for _ in $(seq 100); do
  url=$(sed -n 's|^dashboard: \(http://[^ ]*/\)$|\1|p' "$work/dashboard.out")
  [[ -z $url ]] || break
  kill -0 "$dashboard_pid" 2>/dev/null || fail "mailroom dashboard exited early: $(cat "$out/dashboard.log")"
  sleep 0.1
done
[[ -n $url ]] || fail "mailroom dashboard printed no 'dashboard: URL' line within 10 s"
echo "dashboard_test: $url"

node "$out/dashboard_test.mjs" --url "$url" --mailroom "$bin" --work "$work" --ledger "$ledger" --origin "$origin" \
  --login op-1 --password "$password" --screenshot "$out/dashboard.png"
