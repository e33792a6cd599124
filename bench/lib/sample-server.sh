# Sourced by the bench/*.sh scripts that measure the sample alone on Payara Micro: builds the
# sample and runs it (through servers.sh), owned by the calling script, on a free port unless
# BENCH_PORT says otherwise.
#
# After sourcing: PORT, BASE (http://localhost:$PORT/sample), WORK (a temporary folder removed on
# exit) and the functions build_sample, start_sample and stop_sample (also run on exit).
# Usage: source "$(dirname "$0")/lib/sample-server.sh" <work-folder-prefix>

source "$(dirname "${BASH_SOURCE[0]}")/servers.sh" "${1:-portcullis-bench}"
PORT=${BENCH_PORT:-$(free_port)}
BASE="http://localhost:${PORT}/sample"

# Builds the WAR and Payara Micro jar unless BENCH_SKIP_BUILD=1.
build_sample() {
  if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "== building the sample"
    "${MAVEN[@]}" -pl sample-war -am package -DskipTests
  fi
}

# start_sample [VAR=value ...]: starts the README's server and WAR with these extra environment
# variables, and returns once GET /api/public answers 200 (exit 2 if it never does).
start_sample() {
  local assignment
  for assignment in "$@"; do export "${assignment?}"; done
  start_server payara "$PORT" "$BASE/api/public" sample-war/target/sample.war
  # The server log where the scripts expect it (enumeration.sh reads mailed codes from it).
  ln -sf "$SERVER_LOG" "$WORK/server.log"
}

stop_sample() { stop_server; }
