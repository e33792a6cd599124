#!/usr/bin/env bash
# The cost of authentication, per server: one server at a time (Payara Micro, WildFly, Open
# Liberty) runs three WARs side by side, and wrk measures in interleaved rounds
#
#   bare       GET /bare/api/hello           one JAX-RS resource, nothing else (bare.war)
#   mechanism  GET /mechanism/api/hello      the same plus an HttpAuthenticationMechanism that
#                                            only answers doNothing() (mechanism.war)
#   caller     GET /caller/api/whoami        a mechanism that signs every request in as one fixed
#                                            caller, and a resource reading it (caller.war): the
#                                            server's own cost of an authenticated request
#   public     GET /sample/api/public        the sample, nobody signed in
#   token      GET /sample/api/whoami        Authentication-Token
#   session    GET /sample/api/whoami        Cookie: JSESSIONID
#
# each as a ratio of bare, and Portcullis' own share: token / mechanism (the issue's figure) and
# token / caller (what Portcullis adds to the server's own login of a caller). Then, with the server
# idle, the median latency of POST /api/login (sequential, one connection) against the median
# time of one verification of the same kind of hash (bcrypt cost 12, the sample's default) with
# Portcullis' hasher in a JVM of its own on this machine.
#
#   bench/auth-cost.sh                     # payara wildfly liberty
#   bench/auth-cost.sh wildfly             # one server
#   BENCH_SKIP_BUILD=1 BENCH_ROUNDS=3 BENCH_DURATION=5s BENCH_WARMUP=10s bench/auth-cost.sh
#
# Env: BENCH_DURATION (wrk -d per round, default 6s), BENCH_ROUNDS (4), BENCH_WARMUP (wrk -d of
#      the warm-up per request, 15s), BENCH_THREADS (2), BENCH_CONNECTIONS (16),
#      BENCH_LOGIN_SAMPLES (15 sign-ins and as many hash verifications), BENCH_SKIP_BUILD=1 (reuse
#      sample-war/target and bench/auth-cost-apps/target), BENCH_JAVA_OPTS (extra server JVM
#      options, e.g. a flight recording), BENCH_MAVEN_ARGS (default -o: offline),
#      BENCH_SAMPLE_CONFIG (settings added to the sample's configuration, e.g.
#      'security.identity_cache_ttl=10 seconds'; printed with the results).
# With the defaults a run of the three servers should take about 14 minutes (estimated: per server
# ~1 min start, 75 s warm-up, 120 s of rounds, ~40 s of sign-ins and hashes).
# Targets: token/mechanism >= 0.90 on every server; login/hash <= 1.10.
set -euo pipefail

cd "$(dirname "$0")/.."
# Defaults sized so that the three servers take at most about 15 minutes on a quiet machine.
export BENCH_WARMUP=${BENCH_WARMUP:-15s} BENCH_ROUNDS=${BENCH_ROUNDS:-4} BENCH_DURATION=${BENCH_DURATION:-6s}
source bench/lib/servers.sh portcullis-auth-cost
source bench/lib/sample-client.sh
source bench/lib/wrk.sh
ensure_wrk

SERVERS=("$@")
[[ ${#SERVERS[@]} -gt 0 ]] || SERVERS=(payara wildfly liberty)
LOGIN_SAMPLES=${BENCH_LOGIN_SAMPLES:-15}
APPS=bench/auth-cost-apps
WARS=(sample-war/target/sample.war "$APPS/target/bare.war" "$APPS/target/mechanism.war" "$APPS/target/caller.war")

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building the sample and the two reference WARs"
  "${MAVEN[@]}" -pl sample-war -am package -DskipTests
  "${MAVEN[@]}" -f "$APPS/pom.xml" package
fi
for war in "${WARS[@]}"; do [[ -f "$war" ]] || { echo "$war missing: run without BENCH_SKIP_BUILD"; exit 2; }; done
mkdir -p "$WORK/lib"
cp sample-war/target/sample/WEB-INF/lib/*.jar "$WORK/lib/"
# The servers run copies: a build during the run (another session's) cannot swap a WAR under them.
mkdir -p "$WORK/wars"
cp "${WARS[@]}" "$WORK/wars/"
WARS=("$WORK"/wars/sample.war "$WORK"/wars/bare.war "$WORK"/wars/mechanism.war "$WORK"/wars/caller.war)
# BENCH_SAMPLE_CONFIG: lines appended to the copy's own microprofile-config.properties (later
# lines win), e.g. BENCH_SAMPLE_CONFIG='security.identity_cache_ttl=10 seconds'.
if [[ -n "${BENCH_SAMPLE_CONFIG:-}" ]]; then
  python3 bench/lib/war_config.py "$WORK/wars/sample.war" "$BENCH_SAMPLE_CONFIG"
fi
for server in "${SERVERS[@]}"; do prepare_server "$server"; done

# wait_200 URL [CURL-ARGS]: a WAR deployed beside the one start_server waited for may come later.
wait_200() {
  local url=$1 i
  for i in $(seq 1 120); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]] && return 0
    sleep 1
  done
  echo "$url never answered 200"; exit 2
}

SECRET_SALT=$(sed -n 's/^security.password_salt=//p' sample-war/src/main/resources/META-INF/microprofile-config.properties)
mkdir -p "$WORK/results"

for server in "${SERVERS[@]}"; do
  if [[ $server == wildfly ]]; then port=$(wildfly_port); else port=$(free_port); fi
  ROOT="http://localhost:$port"
  BASE="$ROOT/sample"
  start_server "$server" "$port" "$BASE/api/public" "${WARS[@]}"
  wait_200 "$ROOT/bare/api/hello"
  wait_200 "$ROOT/mechanism/api/hello"
  wait_200 "$ROOT/caller/api/whoami"

  TOKEN=$(sample_token)
  SESSION=$(sample_session)
  [[ -n "$TOKEN" && -n "$SESSION" ]] || { echo "login failed: token='$TOKEN' session='$SESSION'"; exit 1; }
  echo "== checking the six requests"
  expect_200 bare "$ROOT/bare/api/hello"
  expect_200 mechanism "$ROOT/mechanism/api/hello"
  curl -s -D - -o /dev/null "$ROOT/mechanism/api/hello" | grep -qi '^X-Bench-Mechanism: ran' \
    || { echo "the do-nothing mechanism did not run on $server"; exit 1; }
  curl -s -D - -o /dev/null "$ROOT/bare/api/hello" | grep -qi '^X-Bench-Mechanism' \
    && { echo "bare.war ran a mechanism on $server"; exit 1; }
  expect_200 caller "$ROOT/caller/api/whoami"
  grep -q '"email":"bench@example.com"' "$WORK/check.out" \
    || { echo "caller.war did not sign the fixed caller in on $server"; exit 1; }
  expect_200 public "$BASE/api/public"
  expect_200 token -H "Authentication-Token: $TOKEN" "$BASE/api/whoami"
  expect_200 session -H "Cookie: JSESSIONID=$SESSION" "$BASE/api/whoami"

  measure_interleaved "$WORK/results/$server.rps" \
    "bare|$ROOT/bare/api/hello" \
    "mechanism|$ROOT/mechanism/api/hello" \
    "caller|$ROOT/caller/api/whoami" \
    "public|$BASE/api/public" \
    "token|$BASE/api/whoami|Authentication-Token: $TOKEN" \
    "session|$BASE/api/whoami|Cookie: JSESSIONID=$SESSION"

  echo "== POST /api/login: $LOGIN_SAMPLES sequential sign-ins after 5 untimed ones"
  login_ms=$(python3 bench/lib/login_latency.py "$port" "$LOGIN_SAMPLES" 5)
  stop_server
  echo "== one verification of a default hash, $LOGIN_SAMPLES times (a JVM of its own)"
  hash_out=$(java -cp "$WORK/lib/*" bench/lib/HashCost.java \
    "$SECRET_SALT" 'Password123!' "$LOGIN_SAMPLES")
  echo "   login ${login_ms} ms, hash (${hash_out% *}) ${hash_out#* } ms"
  echo "$login_ms ${hash_out#* }" >"$WORK/results/$server.login"
done

echo
echo "== results ($(date -u '+%F %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "median of $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $LOGIN_SAMPLES sign-ins)"
echo "   the sample's added configuration: ${BENCH_SAMPLE_CONFIG:-none}"
python3 - "$WORK/results" "${SERVERS[@]}" <<'PY'
import statistics, sys
folder, servers = sys.argv[1], sys.argv[2:]
names = ["bare", "mechanism", "caller", "public", "token", "session"]
ok = True
print(f"{'':10s}" + "".join(f"{s:>22s}" for s in servers))
table = {}
for server in servers:
    rows = [list(map(float, l.split())) for l in open(f"{folder}/{server}.rps") if l.strip()]
    login, hashed = map(float, open(f"{folder}/{server}.login").read().split())
    # Ratios per round, then the median: a round's requests ran back to back.
    ratio = lambda i, j: statistics.median(r[i] / r[j] for r in rows)
    table[server] = {
        "rps": [statistics.median(c) for c in zip(*rows)],
        "ratios": [ratio(i, 0) for i in range(len(names))],
        "share": ratio(4, 1),
        "session_share": ratio(5, 1),
        "platform_login": ratio(2, 1),
        "own": ratio(4, 2),
        "own_session": ratio(5, 2),
        "login": (login, hashed, login / hashed),
    }
for i, name in enumerate(names):
    cells = "".join(f"{table[s]['rps'][i]:>12.0f} req/s {table[s]['ratios'][i]:4.2f}" for s in servers)
    print(f"{name:10s}{cells}")
print("ratios: to bare")
for s in servers:
    share, session_share = table[s]["share"], table[s]["session_share"]
    login, hashed, q = table[s]["login"]
    verdict = "ok" if share >= 0.9 else "BELOW TARGET"
    print(f"{s}: Portcullis' share token/mechanism {share:.2f} {verdict} (target >= 0.90),"
          f" session/mechanism {session_share:.2f};"
          f" the server's own login caller/mechanism {table[s]['platform_login']:.2f},"
          f" Portcullis on top of it token/caller {table[s]['own']:.2f},"
          f" session/caller {table[s]['own_session']:.2f};"
          f" POST /login {login:.1f} ms / hash {hashed:.1f} ms = {q:.2f}"
          f" {'ok' if q <= 1.10 else 'ABOVE TARGET'} (target <= 1.10)")
    ok = ok and share >= 0.9 and q <= 1.10
sys.exit(0 if ok else 3)
PY
