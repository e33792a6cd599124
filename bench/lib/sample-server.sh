# Sourced by the bench/*.sh scripts: builds the sample and runs it on Payara Micro, owned by the
# calling script (so it can stop exactly that JVM), on a free port unless BENCH_PORT says otherwise.
#
# After sourcing: PORT, BASE (http://localhost:$PORT/sample), WORK (a temporary folder removed on
# exit) and the functions build_sample, start_sample and (as the EXIT trap) stop_sample.
# Usage: source "$(dirname "$0")/lib/sample-server.sh" <work-folder-prefix>

PORT=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
BASE="http://localhost:${PORT}/sample"
WORK=$(mktemp -d "/tmp/${1:-portcullis-bench}.XXXXXX")
SERVER_PID=""

stop_sample() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop_sample EXIT

# Builds the WAR and Payara Micro jar unless BENCH_SKIP_BUILD=1.
build_sample() {
  if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "== building the sample"
    mvn -B -q -pl sample-war -am package -DskipTests
  fi
}

# start_sample [VAR=value ...]: starts the README's server, WAR and context root with these extra
# environment variables, and returns once GET /api/public answers 200 (exit 2 if it never does).
start_sample() {
  echo "== starting Payara Micro on port $PORT${*:+ with $*} (log: $WORK/server.log)"
  env "$@" java -jar sample-war/target/payara-micro.jar --deploy sample-war/target/sample.war \
    --contextroot sample --port "$PORT" --nocluster >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  # Payara prints "ready" even when the application failed: wait for a real answer.
  local i code
  local limit=${BENCH_START_TIMEOUT:-120}
  for i in $(seq 1 "$limit"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/public" || true)
    [[ "$code" == 200 ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited"; tail -50 "$WORK/server.log"; exit 2; }
    if [[ $i == "$limit" ]]; then
      echo "GET /api/public never answered 200 (last: $code)"
      grep -A5 SEVERE "$WORK/server.log" | head -40
      exit 2
    fi
    sleep 1
  done
  echo "   up after ~${i}s"
}
