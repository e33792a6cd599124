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
# Target: token/public and session/public >= 0.9. bench/auth-cost.sh compares with a bare
# JAX-RS GET and runs on WildFly and Open Liberty too.
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/lib/sample-server.sh portcullis-bench
source bench/lib/sample-client.sh
source bench/lib/wrk.sh
ensure_wrk

build_sample
start_sample

TOKEN=$(sample_token)
SESSION=$(sample_session)
[[ -n "$TOKEN" && -n "$SESSION" ]] || { echo "login failed: token='$TOKEN' session='$SESSION'"; exit 1; }

echo "== checking the three requests"
expect_200 public "$BASE/api/public"
expect_200 token -H "Authentication-Token: $TOKEN" "$BASE/api/whoami"
expect_200 session -H "Cookie: JSESSIONID=$SESSION" "$BASE/api/whoami"

measure_interleaved "$WORK/rps.txt" \
  "public|$BASE/api/public" \
  "token|$BASE/api/whoami|Authentication-Token: $TOKEN" \
  "session|$BASE/api/whoami|Cookie: JSESSIONID=$SESSION"

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
