#!/usr/bin/env bash
# Hot-path benchmark: requests/sec of an open endpoint against the same kind of endpoint behind
# token and session authentication, on the sample running on Payara Micro.
#
#   bench/hot-path.sh                    # 5 rounds of 10 s per endpoint
#   BENCH_DURATION=60s bench/hot-path.sh # longer rounds
#
# Env: BENCH_DURATION (wrk -d per round, default 10s), BENCH_ROUNDS (5), BENCH_THREADS (2),
#      BENCH_CONNECTIONS (16), BENCH_WARMUP (wrk -d of the warm-up per endpoint, default 30s),
#      BENCH_PORT (default: a free port), BENCH_SKIP_BUILD=1 (reuse sample-war/target).
# Target: token/public and session/public >= 0.9.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${BENCH_DURATION:-10s}
ROUNDS=${BENCH_ROUNDS:-5}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP:-30s}
if ! command -v wrk >/dev/null; then
  apt-get update -q && apt-get install -y -q wrk
fi

source "$(dirname "$0")/lib/sample-server.sh" portcullis-bench

build_sample
start_sample

json_field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval("d"+sys.argv[1]))' "$1"; }

# login [query]: prints the login response; the cookie jar keeps the session.
login() {
  local jar=$1 query=${2:-}
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" -H 'Accept: application/json' "$BASE/api/login" \
    | json_field '["response"]["csrf_token"]')
  curl -s -f -c "$jar" -b "$jar" -H 'Accept: application/json' -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@example.com\",\"password\":\"Password123!\",\"csrf_token\":\"$csrf\"}" \
    "$BASE/api/login$query"
}

TOKEN=$(login "$WORK/token.jar" '?include_auth_token' | json_field '["response"]["user"]["authentication_token"]')
login "$WORK/session.jar" >/dev/null
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$WORK/session.jar" | tail -1)
[[ -n "$TOKEN" && -n "$SESSION" ]] || { echo "login failed: token='$TOKEN' session='$SESSION'"; exit 1; }

check() {
  local name=$1; shift
  local code
  code=$(curl -s -o "$WORK/check.out" -w '%{http_code}' "$@")
  echo "   $name -> $code $(head -c 200 "$WORK/check.out")"
  [[ "$code" == 200 ]] || { echo "$name did not answer 200"; exit 1; }
}
echo "== checking the three requests"
check public "$BASE/api/public"
check token -H "Authentication-Token: $TOKEN" "$BASE/api/whoami"
check session -H "Cookie: JSESSIONID=$SESSION" "$BASE/api/whoami"

run_wrk() { # run_wrk duration url [header]
  local d=$1 url=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$d" "$@" "$url"
}
rps() { awk '/^Requests\/sec:/ { print $2 }'; }

echo "== warm-up ($WARMUP per request)"
run_wrk "$WARMUP" "$BASE/api/public" >/dev/null
run_wrk "$WARMUP" "$BASE/api/whoami" -H "Authentication-Token: $TOKEN" >/dev/null
run_wrk "$WARMUP" "$BASE/api/whoami" -H "Cookie: JSESSIONID=$SESSION" >/dev/null

echo "== measuring: $ROUNDS interleaved rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
# Interleaving and taking medians keeps JIT drift and machine noise out of the ratios.
: >"$WORK/rps.txt"
for round in $(seq 1 "$ROUNDS"); do
  p=$(run_wrk "$DURATION" "$BASE/api/public" | tee -a "$WORK/all.txt" | rps)
  t=$(run_wrk "$DURATION" "$BASE/api/whoami" -H "Authentication-Token: $TOKEN" | tee -a "$WORK/all.txt" | rps)
  s=$(run_wrk "$DURATION" "$BASE/api/whoami" -H "Cookie: JSESSIONID=$SESSION" | tee -a "$WORK/all.txt" | rps)
  echo "   round $round: public $p, token $t, session $s"
  echo "$p $t $s" >>"$WORK/rps.txt"
done
if grep -q 'Non-2xx' "$WORK/all.txt"; then echo "WARNING: some requests had non-2xx responses"; fi

echo
echo "== results ($(date -u +%F), $(nproc) cores, median of $ROUNDS rounds, wrk -t$THREADS -c$CONNECTIONS -d$DURATION)"
python3 - "$WORK/rps.txt" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
public, token, session = (statistics.median(col) for col in zip(*rows))
token_ratio = statistics.median(r[1] / r[0] for r in rows)
session_ratio = statistics.median(r[2] / r[0] for r in rows)
print(f"GET /api/public                 {public:10.0f} req/s")
print(f"GET /api/whoami (token)         {token:10.0f} req/s")
print(f"GET /api/whoami (session)       {session:10.0f} req/s")
for name, v in (("token/public", token_ratio), ("session/public", session_ratio)):
    print(f"{name:15s} {v:.2f}  {'ok' if v >= 0.9 else 'BELOW TARGET'} (target >= 0.90)")
PY
