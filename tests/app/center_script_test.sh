#!/usr/bin/env bash
# tools/center.sh as the README's distributed section runs it: a whole center on this machine
# (RabbitMQ, PostgreSQL, topology, workers, Postkorb consumers, dashboard, review desk, a station on
# SANE's test backend). A generated sample box is registered and ingested, a second box is scanned
# by the station; both must be settled within 120 s (the sample box delivered, or every page
# delivered except those at the review desk; the scanned box, blank sheets only, delivered), the
# Postkorb folder must hold documents, the web pages must answer, and `stop` must leave nothing
# running. Usage: center_script_test.sh MAILROOM_BIN SAMPLEGEN_BIN
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export MAILROOM_BIN=$1 MAILROOM_SAMPLEGEN=$2 OMP_THREAD_LIMIT=1
mailroom() { "${MAILROOM_BIN}" "$@"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/mailroom-center-test.XXXXXX")
center=${work}/center
chmod 0711 "${work}" # the PostgreSQL server runs as the postgres user when the test runs as root
trap 'bash "${root}/tools/center.sh" stop "${center}" || true; rm -rf "${work}"' EXIT
fail() {
  echo "FAIL: $*" >&2
  tail -n 20 "${center}"/logs/*.log >&2 || true
  exit 1
}

bash "${root}/tools/center.sh" start "${center}" --owner $$
# shellcheck disable=SC1091
source "${center}/center.env"
[[ ${MAILROOM_LEDGER} == postgresql://* ]] || fail "the ledger is not on PostgreSQL: ${MAILROOM_LEDGER}"
curl -fsS -o /dev/null "${MAILROOM_DASHBOARD_URL}metrics" || fail "no dashboard at ${MAILROOM_DASHBOARD_URL}"
curl -sS -o /dev/null "${MAILROOM_DESK_URL}" || fail "no review desk at ${MAILROOM_DESK_URL}"

read -r box seal origin < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); print(d["box_id"], d["seal"], d["origin"])' "${center}/sample/box/box.json")
mailroom register --box "${box}" --seal "${seal}" --origin "${origin}" --operator op-1
mailroom ingest "${center}/sample/box" --operator op-1
mailroom register --box BOX-SCAN-1 --seal S-1 --origin "${origin}" --operator op-1
mailroom station assign BOX-SCAN-1 --station scan-1 --operator op-1

# Settled: delivered, or every page open is at the review desk ("3 pages open (3 at the review desk)").
settled() {
  mailroom boxes --csv | python3 -c '
import csv, re, sys
rows = {r["box_id"]: r for r in csv.DictReader(sys.stdin)}
def settled(box, desk_allowed):
    r = rows.get(box)
    if r is None or int(r["pages_captured"]) == 0: return False
    if r["state"] == "delivered": return True
    m = re.fullmatch(r"(\d+) pages? open \((\d+) at the review desk\)", r["outstanding"])
    return desk_allowed and r["state"] == "processing" and m is not None and m.group(1) == m.group(2)
sys.exit(0 if settled(sys.argv[1], True) and settled("BOX-SCAN-1", False) else 1)' "${box}"
}
deadline=$((SECONDS + 120))
until settled; do
  if ((SECONDS > deadline)); then
    mailroom boxes >&2 || true
    fail "the boxes were not settled within 120 s"
  fi
  sleep 1
done
mailroom boxes
documents=$(find "${MAILROOM_POSTKORB}" -name '*.pdf' | wc -l)
((documents > 0)) || fail "no document in ${MAILROOM_POSTKORB}"
[[ -n $(find "${MAILROOM_POSTKORB}" -name "${box}-*.json") ]] || fail "no JSON of ${box} in the Postkorb"
echo "${documents} documents in the Postkorb, $(find "${MAILROOM_DESK}/review" -name '*.json' | wc -l) at the review desk"
status=$(bash "${root}/tools/center.sh" status "${center}")
[[ ${status} =~ station-scan-1\ +pid ]] || fail "status does not show the station: ${status}"
[[ ${status} == *"${MAILROOM_DASHBOARD_URL}"* ]] || fail "status does not show the dashboard's URL: ${status}"

pids=$(cat "${center}"/run/*.pid)
bash "${root}/tools/center.sh" stop "${center}"
for pid in ${pids}; do
  if kill -0 "${pid}" 2>/dev/null; then fail "pid ${pid} still runs after stop"; fi
done
[[ ! -d ${center}/rabbitmq && ! -d ${center}/postgres ]] || fail "the broker or PostgreSQL was left behind"
echo "center_script_test: ok"
