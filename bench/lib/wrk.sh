# Sourced by the bench/*.sh scripts: throughput of several requests with wrk, measured in
# interleaved rounds (JIT drift and machine noise then hit every request alike) after a warm-up.
#
# A request is given as "name|url" or "name|url|Header: value".
# Environment: BENCH_DURATION (wrk -d per round, default 10s), BENCH_ROUNDS (5), BENCH_THREADS (2),
# BENCH_CONNECTIONS (16), BENCH_WARMUP (wrk -d of the warm-up per request, default 30s).
# Functions:
#   ensure_wrk                        installs Debian's wrk if it is missing
#   run_wrk DURATION REQUEST          wrk's report for one request
#   rps                               filter: the requests/sec of a wrk report
#   measure_interleaved OUT REQUEST...
#       warms up each request, then runs BENCH_ROUNDS rounds of all of them in turn; writes one
#       line per round to OUT (the requests/sec in the given order) and wrk's reports to OUT.wrk

DURATION=${BENCH_DURATION:-10s}
ROUNDS=${BENCH_ROUNDS:-5}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP:-30s}

ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    apt-get update -q && apt-get install -y -q wrk
  fi
}

run_wrk() {
  local duration=$1 url header
  IFS='|' read -r _ url header <<<"$2"
  if [[ -n "$header" ]]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -H "$header" "$url"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$url"
  fi
}

rps() { awk '/^Requests\/sec:/ { print $2 }'; }

measure_interleaved() {
  local out=$1 request round line value
  shift
  echo "== warm-up ($WARMUP per request)"
  for request in "$@"; do run_wrk "$WARMUP" "$request" >/dev/null; done
  echo "== measuring: $ROUNDS interleaved rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
  : >"$out"
  for round in $(seq 1 "$ROUNDS"); do
    line=""
    for request in "$@"; do
      value=$(run_wrk "$DURATION" "$request" | tee -a "$out.wrk" | rps)
      line+="${line:+ }${value:-0}"
    done
    echo "   round $round: $line"
    echo "$line" >>"$out"
  done
  if grep -q 'Non-2xx' "$out.wrk"; then echo "WARNING: some requests had non-2xx responses"; fi
}
