#!/usr/bin/env bash
# A private PostgreSQL server for the tests (the ledger on PostgreSQL):
#   postgres-node.sh start DIR | stop DIR
#
# start: initdb into DIR/data, a server on 127.0.0.1 only, on a free port, its socket in DIR too,
#        with a superuser `mailroom` (trust: only this machine reaches 127.0.0.1, and the server
#        lives as long as the test run) and a database `mailroom`; writes the connection URL to
#        DIR/url. fsync is off: nothing of it outlives the run (POSTGRES_NODE_FSYNC=on turns it on,
#        for measurements of what a center's server does).
# stop:  stops that server (fast shutdown) and removes DIR.
#
# PostgreSQL refuses to run as root. Started by root (a CI container), the server runs as the
# `postgres` user that Debian's postgresql package creates, through runuser, and DIR is handed to
# it; started by anybody else, it runs as that user.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
}

# The newest PostgreSQL that Debian installed (15 on bookworm).
pg_bin() {
  local version
  version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -1)
  [[ -n "${version}" ]] || { echo "postgres-node: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)" >&2; return 1; }
  echo "/usr/lib/postgresql/${version}/bin"
}

as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# shellcheck source=tests/support/free-port.sh
source "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/free-port.sh"

start() {
  local dir=$1 bin port
  bin=$(pg_bin)
  mkdir -p "${dir}"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "${dir}"
    if ! runuser -u postgres -- test -w "${dir}"; then
      echo "postgres-node: the postgres user cannot reach ${dir} (a folder above it is closed to others)" >&2
      return 1
    fi
  fi
  if ! as_server_user "${bin}/initdb" -D "${dir}/data" -U mailroom --auth=trust --encoding=UTF8 --no-locale \
    --no-sync >"${dir}/initdb.log" 2>&1; then
    echo "postgres-node: initdb into ${dir}/data failed:" >&2
    cat "${dir}/initdb.log" >&2
    return 1
  fi
  port=$(free_port)
  if ! as_server_user "${bin}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=${POSTGRES_NODE_FSYNC:-off}" start >/dev/null; then
    echo "postgres-node: the server in ${dir} did not start:" >&2
    cat "${dir}/server.log" >&2
    return 1
  fi
  as_server_user "${bin}/createdb" -h 127.0.0.1 -p "${port}" -U mailroom mailroom
  echo "postgresql://mailroom@127.0.0.1:${port}/mailroom" >"${dir}/url"
}

stop() {
  local dir=$1 bin
  bin=$(pg_bin)
  if [[ -f "${dir}/data/postmaster.pid" ]]; then
    as_server_user "${bin}/pg_ctl" -D "${dir}/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "${dir}"
}

[[ $# -eq 2 ]] || usage
case $1 in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
