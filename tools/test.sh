#!/usr/bin/env bash
# Every test: installs what is missing, builds, runs the whole suite under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
# Tesseract's OpenMP threads off (the test binaries also ensure this themselves). The core count
# comes from getconf: GNU nproc would report 1 once OMP_THREAD_LIMIT=1 is set.
export OMP_THREAD_LIMIT=1
# The broker tests talk to a private RabbitMQ node on 127.0.0.1 (tests/support/rabbitmq-node.sh),
# stopped and removed on every exit: success, failing tests, Ctrl-C.
broker_dir=$(mktemp -d "${TMPDIR:-/tmp}/mailroom-rabbitmq.XXXXXX")
postgres_dir=$(mktemp -d "${TMPDIR:-/tmp}/mailroom-postgres.XXXXXX")
trap 'bash tests/support/rabbitmq-node.sh stop "${broker_dir}"; bash tests/support/postgres-node.sh stop "${postgres_dir}"' EXIT
trap 'exit 130' INT TERM
# With the management plugin: the jobcenter-user tests make users through its HTTP API. It costs
# about 0.1 s of a 5 s start (3 starts each way, within the noise).
bash tests/support/rabbitmq-node.sh start "${broker_dir}" --management
MAILROOM_TEST_BROKER=$(cat "${broker_dir}/url")
MAILROOM_TEST_MANAGEMENT=$(cat "${broker_dir}/management-url")
export MAILROOM_TEST_BROKER MAILROOM_TEST_MANAGEMENT
# The ledger suite runs a second time on PostgreSQL (the tests named "postgresql:..."), on a
# private server (tests/support/postgres-node.sh, about 1.5 s), stopped and removed like the broker.
bash tests/support/postgres-node.sh start "${postgres_dir}"
MAILROOM_TEST_POSTGRES=$(cat "${postgres_dir}/url")
export MAILROOM_TEST_POSTGRES
ctest --test-dir build --output-on-failure -j"$(getconf _NPROCESSORS_ONLN)"
# The parsers of untrusted input under libFuzzer, 15 s each (its own clang build in build-fuzz/).
bash tools/fuzz.sh
