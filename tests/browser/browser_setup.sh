# Sourced by the real-browser tests (dashboard_test.sh, review_desk_test.sh): what each needs before
# it can drive Debian's Chromium with playwright-core. Defines:
#   start_browser_test NAME MAILROOM_BIN OUT_DIR SAMPLEGEN_BIN
#                             the start of every such test: sets bin, out and samplegen (absolute paths)
#                             and fail MESSAGE ("NAME: FAIL: MESSAGE", exit 1), then require_browser NAME
#                             and install_playwright into OUT_DIR
#   require_browser NAME      exit 77 (ctest: skipped) where node, npm or /usr/bin/chromium is missing;
#                             in CI (CI set) that is a failure instead, so a skip cannot hide the test
#   install_playwright HERE OUT
#                             playwright-core in OUT/node_modules, exactly as HERE/package-lock.json
#                             says; installed again only when the lock file changes; never a browser
#   start_server PREFIX LOG COMMAND...
#                             runs COMMAND in the background (stderr to LOG) and waits up to 10 s for
#                             its first stdout line "PREFIX: http://HOST:PORT/"; sets server_url and
#                             server_pid, exits 1 saying why when the line does not come
#   stop_server               SIGTERM to the server; sets server_status to its exit status

start_browser_test() {
  test_name=$1
  bin=$(realpath "$2")
  out=$(realpath -m "$3")
  samplegen=$(realpath "$4")
  fail() { echo "$test_name: FAIL: $*" >&2; exit 1; }
  require_browser "$test_name"
  install_playwright "$(dirname "${BASH_SOURCE[0]}")" "$out" || fail "playwright-core could not be installed in $out"
}

require_browser() {
  local tool
  for tool in node npm /usr/bin/chromium; do
    if ! command -v "$tool" >/dev/null; then
      [[ -n "${CI:-}" ]] && { echo "$1: FAIL: $tool is not installed" >&2; exit 1; }
      echo "$1: SKIP: $tool is not installed (see deploy/install-deps.sh)" >&2
      exit 77
    fi
  done
}

install_playwright() {
  local here=$1 out=$2
  mkdir -p "$out"
  # The browser tests share one build folder and may run at once (ctest -j): one npm ci at a time.
  (
    flock 9
    if ! cmp -s "$here/package-lock.json" "$out/node_modules/.installed-lock.json"; then
      cp "$here/package.json" "$here/package-lock.json" "$out/"
      (cd "$out" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefer-offline --no-audit --no-fund --loglevel=error) ||
        { echo "npm ci in $out failed (is the npm registry or ~/.npm reachable?)" >&2; exit 1; }
      cp "$here/package-lock.json" "$out/node_modules/.installed-lock.json"
    fi
  ) 9>"$out/.npm-install.lock"
}

server_pid=
start_server() {
  local prefix=$1 log=$2
  shift 2
  local stdout
  stdout=$(mktemp)
  "$@" >"$stdout" 2>>"$log" &
  server_pid=$!
  server_url=
  for _ in $(seq 100); do
    server_url=$(sed -n "s|^$prefix: \(http://[^ ]*/\)\$|\1|p" "$stdout")
    [[ -z $server_url ]] || break
    kill -0 "$server_pid" 2>/dev/null || { echo "$1 exited early: $(cat "$log")" >&2; exit 1; }
    sleep 0.1
  done
  rm -f "$stdout"
  [[ -n $server_url ]] || { echo "$1 printed no '$prefix: URL' line within 10 s" >&2; exit 1; }
}

stop_server() {
  server_status=0
  [[ -n $server_pid ]] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" || server_status=$?
  server_pid=
}
