# free_port: a TCP port nobody listens on, for the tests' private servers (sourced by
# rabbitmq-node.sh and postgres-node.sh). Random rather than sequential, so that two test runs
# started at the same moment do not pick the same one.
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if [[ -z "$(ss -Hltn "sport = :${port}" 2>/dev/null)" ]]; then
      echo "${port}"
      return 0
    fi
  done
  echo "$(basename "$0"): no free port found" >&2
  return 1
}
