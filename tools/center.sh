#!/usr/bin/env bash
# A whole scan center on this one machine, in the distributed mode, for trying it out and for the
# tests:
#
#   tools/center.sh start DIR [--registry REG_DIR] [--owner PID]
#   tools/center.sh status DIR
#   tools/center.sh stop DIR
#
# start:  under DIR, a private RabbitMQ node (tests/support/rabbitmq-node.sh) and a private
#         PostgreSQL server (tests/support/postgres-node.sh) for the ledger, both on 127.0.0.1 on
#         free ports; the broker's queues (`mailroom topology`); the workers ocr, classify, route and
#         review-intake; one Postkorb consumer per jobcenter of the registry; the dashboard and the
#         review desk's web page on free ports (a login in DIR/login); and one scan station, scan-1,
#         on SANE's `test` backend (a virtual scanner whose sheets are white). Every process has the
#         PostgreSQL URL as its ledger. Without --registry a sample box and its registry are
#         generated into DIR/sample (mailroom-samplegen, 3 envelopes) to feed the center with.
#         DIR/center.env holds the settings to `source` for the mailroom commands (register, ingest,
#         boxes, station assign, ...); logs are in DIR/logs/, pid files in DIR/run/.
#         With --owner the center is stopped within a few seconds of process PID ending (a test).
# status: what runs (pid, or `dead`), the URLs, the stations, the boxes.
# stop:   SIGTERM to every process start started (by its pid file, and only if that pid still runs
#         the mailroom binary), SIGKILL after 60 s; then the broker and the PostgreSQL server, whose
#         data go with them. DIR keeps the logs, the content store, the desk and the Postkorb folders.
#
# MAILROOM_BIN and MAILROOM_SAMPLEGEN name the binaries (default: build/app/mailroom and
# build/tools/samplegen/mailroom-samplegen of this checkout).
set -euo pipefail

SELF=$(realpath "${BASH_SOURCE[0]}")
ROOT=$(dirname "$(dirname "${SELF}")")
SUPPORT=${ROOT}/tests/support
readonly SELF ROOT SUPPORT
# shellcheck source=tests/support/free-port.sh
source "${SUPPORT}/free-port.sh"

usage() {
  echo "usage: $0 start DIR [--registry REG_DIR] [--owner PID] | status DIR | stop DIR" >&2
  exit 2
}

bin=$(realpath -m "${MAILROOM_BIN:-${ROOT}/build/app/mailroom}")
samplegen=$(realpath -m "${MAILROOM_SAMPLEGEN:-${ROOT}/build/tools/samplegen/mailroom-samplegen}")

say() { echo "center: $*" >&2; }

# launch NAME COMMAND...: runs COMMAND in its own session (not hit by the caller's Ctrl-C), its
# output into DIR/logs/NAME.log, its pid into DIR/run/NAME.pid.
launch() {
  local name=$1
  shift
  setsid "$@" >>"${dir}/logs/${name}.log" 2>&1 </dev/null &
  echo $! >"${dir}/run/${name}.pid"
}

# Whether the pid of DIR/run/NAME.pid still runs the mailroom binary (a reused pid is not ours).
ours() {
  local file=$1 pid
  [[ -f ${file} ]] || return 1
  pid=$(cat "${file}")
  [[ -n ${pid} ]] && runs_bin "${pid}"
}

# Whether process PID runs the mailroom binary (also one rebuilt since: "... (deleted)").
runs_bin() {
  local exe
  exe=$(readlink "/proc/$1/exe" 2>/dev/null) || return 1
  [[ ${exe% (deleted)} == "${bin}" ]]
}

# Waits up to 30 s until 127.0.0.1:PORT accepts a connection.
wait_for_port() {
  local port=$1
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

start() {
  local registry=$1 owner=$2
  if [[ -d ${dir}/run ]] && compgen -G "${dir}/run/*.pid" >/dev/null; then
    say "${dir} holds a center already (stop it first)"
    return 2
  fi
  [[ -x ${bin} ]] || { say "no mailroom binary at ${bin} (build it, or set MAILROOM_BIN)"; return 2; }
  mkdir -p "${dir}"/{logs,run,store,journal,route-tmp,desk,jobcenters,boxes,sane}
  # PostgreSQL runs as the postgres user when we are root: it must be able to pass through DIR.
  if [[ $(id -u) -eq 0 ]]; then chmod o+x "${dir}"; fi
  # From here on a failure stops what was started.
  trap 'say "start failed (line ${LINENO}); stopping what was started (logs in ${dir}/logs)"; stop' ERR
  : >"${dir}/run/center"

  if [[ -z ${registry} ]]; then
    "${samplegen}" --out "${dir}/sample" --seed "${MAILROOM_CENTER_SEED:-1}" --envelopes 3 >/dev/null
    registry=${dir}/sample/registry
  fi
  registry=$(realpath "${registry}")

  local rabbit_owner=()
  if [[ -n ${owner} ]]; then
    rabbit_owner=(--owner "${owner}")
    # Stops the whole center once OWNER has ended; ends by itself after a regular stop.
    # shellcheck disable=SC2016  # expanded by the inner bash
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && [[ -f "$2/run/center" ]]; do sleep 1; done
                    [[ -f "$2/run/center" ]] && bash "$3" stop "$2"' \
      watch-owner "${owner}" "${dir}" "${SELF}" >/dev/null 2>&1 </dev/null &
  fi
  bash "${SUPPORT}/rabbitmq-node.sh" start "${dir}/rabbitmq" "${rabbit_owner[@]}" 2>>"${dir}/logs/rabbitmq.log"
  bash "${SUPPORT}/postgres-node.sh" start "${dir}/postgres" 2>>"${dir}/logs/postgres.log"
  local broker ledger dashboard_port desk_port password
  broker=$(cat "${dir}/rabbitmq/url")
  ledger=$(cat "${dir}/postgres/url")
  dashboard_port=$(free_port)
  desk_port=$(free_port)
  while [[ ${desk_port} == "${dashboard_port}" ]]; do desk_port=$(free_port); done

  export OMP_THREAD_LIMIT=1 MAILROOM_BROKER=${broker} MAILROOM_LEDGER=${ledger} MAILROOM_STORE=${dir}/store
  export MAILROOM_REGISTRY=${registry} MAILROOM_BOXES=${dir}/boxes
  "${bin}" topology --broker "${broker}" --registry "${registry}" >>"${dir}/logs/topology.log" 2>&1

  # The first user: it opens the ledger (creating its schema) and logs in to both web pages.
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  (umask 077 && printf 'login: operator\npassword: %s\n' "${password}" >"${dir}/login")
  printf '%s\n' "${password}" | "${bin}" user add operator --ledger "${ledger}" --all-jobcenters \
    --operator center >>"${dir}/logs/user.log" 2>&1

  launch worker-ocr "${bin}" worker ocr --broker "${broker}" --store "${dir}/store" --jobs "${MAILROOM_CENTER_OCR_JOBS:-2}"
  launch worker-classify "${bin}" worker classify --broker "${broker}" --store "${dir}/store" \
    --registry "${registry}" --state "${dir}/journal" --ledger "${ledger}"
  launch worker-route "${bin}" worker route --broker "${broker}" --store "${dir}/store" \
    --state "${dir}/route-tmp" --ledger "${ledger}"
  launch worker-review-intake "${bin}" worker review-intake --broker "${broker}" --out "${dir}/desk" --ledger "${ledger}"
  local jobcenter
  while IFS=, read -r jobcenter _; do
    [[ -n ${jobcenter} ]] || continue
    launch "postkorb-${jobcenter}" "${bin}" postkorb --jobcenter "${jobcenter}" --broker "${broker}" \
      --out "${dir}/jobcenters"
  done < <(tail -n +2 "${registry}/jobcenters.csv")
  launch dashboard "${bin}" dashboard --port "${dashboard_port}" --ledger "${ledger}" --broker "${broker}" \
    --registry "${registry}"
  launch review-desk "${bin}" review serve --ledger "${ledger}" --out "${dir}/desk" --registry "${registry}" \
    --listen "127.0.0.1:${desk_port}" --broker "${broker}"

  # The virtual scanner: a private SANE configuration that knows only the test backend.
  echo test >"${dir}/sane/dll.conf"
  echo "number_of_devices 2" >"${dir}/sane/test.conf"
  cat >"${dir}/station-scan-1.conf" <<EOF
# Scan station scan-1 on SANE's test backend (small white sheets: blank pages, 10 a feeder).
station = scan-1
device = test:0
resolution = 100
mode = gray
device-option = br-x=40
device-option = br-y=50
device-option = test-picture=Solid white
boxes = ${dir}/boxes
ledger = ${ledger}
broker = ${broker}
store = ${dir}/store
operator = station-scan-1
EOF
  SANE_CONFIG_DIR=${dir}/sane launch station-scan-1 "${bin}" station --config "${dir}/station-scan-1.conf"

  cat >"${dir}/center.env" <<EOF
# The settings of the center in ${dir}: source this file, then run mailroom commands.
export MAILROOM_BROKER=${broker}
export MAILROOM_LEDGER=${ledger}
export MAILROOM_STORE=${dir}/store
export MAILROOM_REGISTRY=${registry}
export MAILROOM_BOXES=${dir}/boxes
export MAILROOM_DESK=${dir}/desk
export MAILROOM_POSTKORB=${dir}/jobcenters/postkorb
export MAILROOM_DASHBOARD_URL=http://127.0.0.1:${dashboard_port}/
export MAILROOM_DESK_URL=http://127.0.0.1:${desk_port}/
EOF

  wait_for_port "${dashboard_port}" || { say "the dashboard does not answer on ${dashboard_port}"; false; }
  wait_for_port "${desk_port}" || { say "the review desk does not answer on ${desk_port}"; false; }
  sleep 1
  local file dead=0
  for file in "${dir}"/run/*.pid; do
    if ! ours "${file}"; then
      say "$(basename "${file}" .pid) ended at start: see ${dir}/logs/$(basename "${file}" .pid).log"
      dead=1
    fi
  done
  [[ ${dead} == 0 ]] || false
  trap - ERR
  status
}

stop() {
  local file pid pids=()
  # The station first (no new boxes), then the web pages, the workers, the consumers.
  for file in "${dir}"/run/station-*.pid "${dir}"/run/dashboard.pid "${dir}"/run/review-desk.pid \
    "${dir}"/run/worker-*.pid "${dir}"/run/postkorb-*.pid; do
    [[ -f ${file} ]] || continue
    if ours "${file}"; then
      pid=$(cat "${file}")
      kill -TERM "${pid}" 2>/dev/null || true
      pids+=("${pid}")
    fi
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 600); do
      runs_bin "${pid}" || break
      sleep 0.1
    done
    if runs_bin "${pid}"; then
      say "pid ${pid} did not end within 60 s of SIGTERM: SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
    fi
  done
  rm -f "${dir}"/run/*.pid
  bash "${SUPPORT}/rabbitmq-node.sh" stop "${dir}/rabbitmq" 2>>"${dir}/logs/rabbitmq.log" || true
  bash "${SUPPORT}/postgres-node.sh" stop "${dir}/postgres" 2>>"${dir}/logs/postgres.log" || true
  rm -f "${dir}/run/center" "${dir}/center.env"
  say "stopped the center in ${dir} (logs in ${dir}/logs)"
}

status() {
  local file name
  if [[ ! -f ${dir}/center.env ]]; then
    echo "no center runs in ${dir}"
    return 1
  fi
  echo "center in ${dir}:"
  for file in "${dir}"/run/*.pid; do
    [[ -f ${file} ]] || continue
    name=$(basename "${file}" .pid)
    if ours "${file}"; then
      printf '  %-32s pid %s\n' "${name}" "$(cat "${file}")"
    else
      printf '  %-32s dead (see logs/%s.log)\n' "${name}" "${name}"
    fi
  done
  # shellcheck disable=SC1091
  source "${dir}/center.env"
  cat <<EOF
  broker     ${MAILROOM_BROKER}
  ledger     ${MAILROOM_LEDGER}
  dashboard  ${MAILROOM_DASHBOARD_URL}   (login in ${dir}/login)
  review desk ${MAILROOM_DESK_URL}  (documents in ${MAILROOM_DESK}/review)
  Postkorb   ${MAILROOM_POSTKORB}/<jobcenter_id>/<team>/
  logs       ${dir}/logs/
  settings   source ${dir}/center.env
EOF
  echo
  "${bin}" station status --ledger "${MAILROOM_LEDGER}" || true
  echo
  "${bin}" boxes --ledger "${MAILROOM_LEDGER}" || true
}

[[ $# -ge 2 ]] || usage
command=$1
dir=$(realpath -m "$2")
shift 2
case ${command} in
  start)
    registry=""
    owner=""
    while [[ $# -gt 0 ]]; do
      [[ $# -ge 2 ]] || usage
      case $1 in
        --registry) registry=$2 ;;
        --owner) owner=$2 ;;
        *) usage ;;
      esac
      shift 2
    done
    start "${registry}" "${owner}"
    ;;
  status) [[ $# -eq 0 ]] || usage; status ;;
  stop) [[ $# -eq 0 ]] || usage; stop ;;
  *) usage ;;
esac
