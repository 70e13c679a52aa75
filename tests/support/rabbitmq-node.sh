#!/usr/bin/env bash
# A private RabbitMQ node for the tests:
#   rabbitmq-node.sh start DIR [--tls CERTDIR] [--management] [--owner PID]
#                  | stop DIR | halt DIR | resume DIR | restart DIR
#
# start:   runs rabbitmq-server as the current user with everything (data, logs, config, Erlang
#          cookie) under DIR, on 127.0.0.1 only, on free ports, and writes its AMQP URL to DIR/url.
#          With --tls it also listens for amqps:// (CERTDIR as tests/support/make-test-certs.sh
#          writes it: ca.pem, server.pem, server-key.pem), demands a client certificate signed by
#          that CA, and writes the amqps:// URL to DIR/tls-url. With --management it also runs the
#          management plugin (its HTTP API is the only remote way to make users and set their
#          permissions) on 127.0.0.1 and writes its http:// URL, without credentials, to
#          DIR/management-url; the guest user of DIR/url logs in there. With --owner the node is stopped
#          (as by `stop`) within a second or two of process PID ending, however it ended.
# stop:    stops that node, its private epmd, and removes DIR.
# halt:    stops the node but keeps DIR: its data (durable queues, persistent messages), ports and
#          name, like a broker that crashed or is being upgraded.
# resume:  starts a halted node again, on the same ports with the same data.
# restart: halt, then resume.
#
# Nothing is shared with a system node: its own node name, its own epmd port (ERL_EPMD_PORT),
# its own distribution port, its own HOME (so its own .erlang.cookie), its own enabled_plugins
# file: no plugins unless --management, so the nodes of the other tests stay lean. The guest user stays restricted to loopback, which is all
# the listener serves anyway.
set -euo pipefail

readonly RABBITMQ_BIN=/usr/lib/rabbitmq/bin
SELF=$(realpath "${BASH_SOURCE[0]}")
readonly SELF

usage() {
  echo "usage: $0 start DIR [--tls CERTDIR] [--management] [--owner PID] | stop DIR | halt DIR | resume DIR | restart DIR" >&2
  exit 2
}

# shellcheck source=tests/support/free-port.sh
source "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/free-port.sh"

# The environment every rabbitmq command of this node runs in (server and rabbitmqctl alike:
# the CLI must find the same epmd and the same cookie).
node_env() {
  local dir=$1
  # shellcheck disable=SC1091
  source "${dir}/env"
  export HOME="${dir}/home"
  export ERL_EPMD_PORT ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_NODENAME RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT
  export RABBITMQ_DIST_PORT
  # The distribution listener (what rabbitmqctl talks to) on loopback only, like everything else.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_MNESIA_BASE="${dir}/mnesia" RABBITMQ_LOG_BASE="${dir}/log"
  export RABBITMQ_CONFIG_FILE="${dir}/rabbitmq" RABBITMQ_ADVANCED_CONFIG_FILE="${dir}/advanced.config"
  export RABBITMQ_CONF_ENV_FILE="${dir}/rabbitmq-env.conf" RABBITMQ_ENABLED_PLUGINS_FILE="${dir}/enabled_plugins"
  export RABBITMQ_PID_FILE="${dir}/rabbitmq.pid"
  # Keep the CLI tools' own Erlang distribution on loopback too.
  export RABBITMQ_CTL_DIST_PORT_MIN=$((RABBITMQ_DIST_PORT + 1)) RABBITMQ_CTL_DIST_PORT_MAX=$((RABBITMQ_DIST_PORT + 10))
}

# Writes the node's configuration under DIR: ports, name, listeners. $2 (optional): CERTDIR;
# $3 (optional): "management" for the management plugin.
configure() {
  local dir=$1 certdir=${2:-} management=${3:-}
  local amqp_port dist_port epmd_port tls_port management_port
  amqp_port=$(free_port)
  dist_port=$(free_port)
  epmd_port=$(free_port)
  cat >"${dir}/env" <<EOF
ERL_EPMD_PORT=${epmd_port}
RABBITMQ_NODE_PORT=${amqp_port}
RABBITMQ_DIST_PORT=${dist_port}
RABBITMQ_NODENAME=mailroom-test-$$-${RANDOM}@localhost
EOF
  cat >"${dir}/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:${amqp_port}
# Tests declare and delete many queues; keep the disk alarm from blocking publishers on a
# nearly full CI disk.
disk_free_limit.absolute = 50MB
log.file.level = warning
log.console = false
EOF
  echo "amqp://guest:guest@127.0.0.1:${amqp_port}/" >"${dir}/url.pending"
  if [[ -n "${certdir}" ]]; then
    certdir=$(cd "${certdir}" && pwd)
    tls_port=$(free_port)
    cat >>"${dir}/rabbitmq.conf" <<EOF
listeners.ssl.1 = 127.0.0.1:${tls_port}
ssl_options.cacertfile = ${certdir}/ca.pem
ssl_options.certfile = ${certdir}/server.pem
ssl_options.keyfile = ${certdir}/server-key.pem
# Mutual TLS: a client without a certificate from our CA does not get past the handshake.
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = true
EOF
    echo "amqps://guest:guest@127.0.0.1:${tls_port}/" >"${dir}/tls-url.pending"
  fi
  echo '[].' >"${dir}/advanced.config"
  echo '[].' >"${dir}/enabled_plugins"
  if [[ -n "${management}" ]]; then
    management_port=$(free_port)
    cat >>"${dir}/rabbitmq.conf" <<EOF
management.tcp.ip = 127.0.0.1
management.tcp.port = ${management_port}
EOF
    # What `rabbitmq-plugins enable --offline` writes, without starting an Erlang VM for it (about
    # a second): the node resolves the plugin's dependencies itself when it boots.
    echo '[rabbitmq_management].' >"${dir}/enabled_plugins"
    echo "http://127.0.0.1:${management_port}/" >"${dir}/management-url.pending"
  fi
  : >"${dir}/rabbitmq-env.conf"
}

# Waits up to 20 s until 127.0.0.1:PORT accepts a TCP connection.
wait_for_port() {
  local port=$1 tries
  for ((tries = 0; tries < 200; tries++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# Runs the node configured in DIR and waits until it accepts connections.
launch() {
  local dir=$1
  node_env "${dir}"
  local started=${EPOCHREALTIME}
  # setsid: the node outlives this script and is not hit by the caller's Ctrl-C; `stop` ends it.
  setsid "${RABBITMQ_BIN}/rabbitmq-server" >>"${dir}/log/stdout.log" 2>&1 </dev/null &
  echo $! >"${dir}/server.pid"
  # `wait PIDFILE` (unlike await_startup) also covers the first second, before the node has
  # registered with epmd.
  if ! timeout 60 "${RABBITMQ_BIN}/rabbitmqctl" -q -n "${RABBITMQ_NODENAME}" wait "${RABBITMQ_PID_FILE}" --timeout 55 \
    >"${dir}/log/await.log" 2>&1; then
    echo "rabbitmq-node: the node did not start; its logs are in ${dir}/log" >&2
    tail -n 20 "${dir}/log/stdout.log" >&2 || true
    return 1
  fi
  # The app being up does not mean every listener is (the TLS one starts after the ssl app, later
  # still on a busy machine): wait until each port accepts a connection.
  local url port
  for url in "${dir}/url.pending" "${dir}/tls-url.pending" "${dir}/management-url.pending"; do
    [[ -f ${url} ]] || continue
    port=$(sed -E 's|.*:([0-9]+)/$|\1|' "${url}")
    if ! wait_for_port "${port}"; then
      echo "rabbitmq-node: port ${port} does not accept connections; the logs are in ${dir}/log" >&2
      return 1
    fi
  done
  # The URLs appear only once the node serves them: whoever polls for them never gets a dead one.
  if [[ -f "${dir}/url.pending" ]]; then mv -f "${dir}/url.pending" "${dir}/url"; fi
  if [[ -f "${dir}/tls-url.pending" ]]; then mv -f "${dir}/tls-url.pending" "${dir}/tls-url"; fi
  if [[ -f "${dir}/management-url.pending" ]]; then mv -f "${dir}/management-url.pending" "${dir}/management-url"; fi
  local took
  took=$(awk -v a="${started}" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.1f", b - a }')
  echo "rabbitmq-node: started ${RABBITMQ_NODENAME} on 127.0.0.1:${RABBITMQ_NODE_PORT} in ${took} s" >&2
}

# Stops the node of DIR once process OWNER has ended. A test process that was killed (ctest's
# timeout, Ctrl-C, a crash) cannot run its own clean-up, and the node would run on. The watcher
# ends by itself when DIR is gone, that is after a regular `stop`.
watch_owner() {
  local dir=$1 owner=$2
  # shellcheck disable=SC2016  # expanded by the inner bash
  setsid bash -c 'while kill -0 "$1" 2>/dev/null && [[ -f "$2/env" ]]; do sleep 1; done; bash "$3" stop "$2"' \
    watch-owner "${owner}" "${dir}" "${SELF}" >/dev/null 2>&1 </dev/null &
}

start() {
  local dir=$1 certdir=$2 owner=$3 management=$4
  mkdir -p "${dir}/home" "${dir}/mnesia" "${dir}/log"
  dir=$(cd "${dir}" && pwd)
  configure "${dir}" "${certdir}" "${management}"
  # Before the launch, so that a start-up cut short by the owner's death is cleaned up too.
  if [[ -n "${owner}" ]]; then watch_owner "${dir}" "${owner}"; fi
  launch "${dir}"
}

# Stops the node of DIR if it runs; keeps DIR (data, ports, name) for `resume`.
halt() {
  local dir=$1
  node_env "${dir}"
  # `stop PIDFILE` waits until the Erlang VM has exited, not only until the app stopped.
  timeout 30 "${RABBITMQ_BIN}/rabbitmqctl" -q -n "${RABBITMQ_NODENAME}" stop "${RABBITMQ_PID_FILE}" \
    >/dev/null 2>&1 || true
  # Whatever is still running (a node that never finished starting): end it by its pid.
  if [[ -f "${dir}/server.pid" ]]; then
    kill -- "-$(cat "${dir}/server.pid")" 2>/dev/null || true
    rm -f "${dir}/server.pid"
  fi
  if [[ -f "${RABBITMQ_PID_FILE}" ]]; then
    kill -9 "$(cat "${RABBITMQ_PID_FILE}")" 2>/dev/null || true
    # A stale pid file would make the next `wait` watch a dead process.
    rm -f "${RABBITMQ_PID_FILE}"
  fi
}

stop() {
  local dir=$1
  [[ -f "${dir}/env" ]] || return 0
  dir=$(cd "${dir}" && pwd)
  halt "${dir}"
  # The private epmd was started by the node and stays behind otherwise.
  epmd -port "${ERL_EPMD_PORT}" -kill >/dev/null 2>&1 || true
  rm -rf "${dir}"
}

# The absolute path of DIR, which must hold a node made by `start`.
existing() {
  if [[ ! -f "$1/env" ]]; then
    echo "rabbitmq-node: no node in $1 (run start first)" >&2
    return 1
  fi
  (cd "$1" && pwd)
}

[[ $# -ge 2 ]] || usage
command=$1
dir=$2
shift 2
case "${command}" in
  start)
    certdir=""
    owner=""
    management=""
    while [[ $# -gt 0 ]]; do
      if [[ $1 == --management ]]; then
        management=management
        shift
        continue
      fi
      [[ $# -ge 2 ]] || usage
      case "$1" in
        --tls) certdir=$2 ;;
        --owner) owner=$2 ;;
        *) usage ;;
      esac
      shift 2
    done
    start "${dir}" "${certdir}" "${owner}" "${management}"
    ;;
  stop)
    [[ $# -eq 0 ]] || usage
    stop "${dir}"
    ;;
  halt | resume | restart)
    [[ $# -eq 0 ]] || usage
    # An assignment, so that set -e ends the script when DIR holds no node.
    dir=$(existing "${dir}")
    if [[ "${command}" != resume ]]; then halt "${dir}"; fi
    if [[ "${command}" != halt ]]; then launch "${dir}"; fi
    ;;
  *) usage ;;
esac
