#!/usr/bin/env bash
# A private RabbitMQ node for the tests: rabbitmq-node.sh start|stop DIR
#
# start: runs rabbitmq-server as the current user with everything (data, logs, config, Erlang
#        cookie) under DIR, on 127.0.0.1 only, on free ports, and writes its AMQP URL to DIR/url.
# stop:  stops that node, its private epmd, and removes DIR.
#
# Nothing is shared with a system node: its own node name, its own epmd port (ERL_EPMD_PORT),
# its own distribution port, its own HOME (so its own .erlang.cookie), no plugins (so no
# management or prometheus listener). The guest user stays restricted to loopback, which is all
# the listener serves anyway.
set -euo pipefail

readonly RABBITMQ_BIN=/usr/lib/rabbitmq/bin

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

# A port nobody listens on. Random rather than sequential, so that two test runs started at
# the same moment do not pick the same one.
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if [[ -z "$(ss -Hltn "sport = :${port}" 2>/dev/null)" ]]; then
      echo "${port}"
      return 0
    fi
  done
  echo "rabbitmq-node: no free port found" >&2
  return 1
}

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

start() {
  local dir=$1
  mkdir -p "${dir}/home" "${dir}/mnesia" "${dir}/log"
  dir=$(cd "${dir}" && pwd)
  local amqp_port dist_port epmd_port
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
  echo '[].' >"${dir}/advanced.config"
  echo '[].' >"${dir}/enabled_plugins"
  : >"${dir}/rabbitmq-env.conf"

  node_env "${dir}"
  local started=${EPOCHREALTIME}
  # setsid: the node outlives this script and is not hit by the caller's Ctrl-C; `stop` ends it.
  setsid "${RABBITMQ_BIN}/rabbitmq-server" >"${dir}/log/stdout.log" 2>&1 </dev/null &
  echo $! >"${dir}/server.pid"
  # `wait PIDFILE` (unlike await_startup) also covers the first second, before the node has
  # registered with epmd.
  if ! timeout 60 "${RABBITMQ_BIN}/rabbitmqctl" -q -n "${RABBITMQ_NODENAME}" wait "${RABBITMQ_PID_FILE}" --timeout 55 \
    >"${dir}/log/await.log" 2>&1; then
    echo "rabbitmq-node: the node did not start; its logs are in ${dir}/log" >&2
    tail -n 20 "${dir}/log/stdout.log" >&2 || true
    return 1
  fi
  local url="amqp://guest:guest@127.0.0.1:${amqp_port}/"
  echo "${url}" >"${dir}/url"
  local took
  took=$(awk -v a="${started}" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.1f", b - a }')
  echo "rabbitmq-node: started ${RABBITMQ_NODENAME} on 127.0.0.1:${amqp_port} in ${took} s" >&2
}

stop() {
  local dir=$1
  [[ -f "${dir}/env" ]] || return 0
  dir=$(cd "${dir}" && pwd)
  node_env "${dir}"
  # `stop PIDFILE` waits until the Erlang VM has exited, not only until the app stopped.
  timeout 30 "${RABBITMQ_BIN}/rabbitmqctl" -q -n "${RABBITMQ_NODENAME}" stop "${RABBITMQ_PID_FILE}" \
    >/dev/null 2>&1 || true
  # Whatever is still running (a node that never finished starting): end it by its pid.
  if [[ -f "${dir}/server.pid" ]]; then
    local pid
    pid=$(cat "${dir}/server.pid")
    kill -- "-${pid}" 2>/dev/null || true
  fi
  if [[ -f "${RABBITMQ_PID_FILE}" ]]; then
    kill -9 "$(cat "${RABBITMQ_PID_FILE}")" 2>/dev/null || true
  fi
  # The private epmd was started by the node and stays behind otherwise.
  epmd -port "${ERL_EPMD_PORT}" -kill >/dev/null 2>&1 || true
  rm -rf "${dir}"
}

[[ $# -eq 2 ]] || usage
case "$1" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
