#!/usr/bin/env bash
# Enumeration-timing benchmark: does a request about an existing identity take longer than the
# same request about an unknown one? Measures, in one run against the sample on Payara Micro (H2),
# the median response time of each pair and the ratio of the slower median to the faster.
#
#   bench/enumeration.sh                        # 200 samples per side, every pair
#   BENCH_SAMPLES=50 BENCH_PAIRS=reset,register bench/enumeration.sh
#
# Pairs (known side first):
#   login     POST /api/login, wrong password: admin@example.com vs an unknown email
#   basic     GET /api/whoami with HTTP Basic, wrong password: admin@example.com vs unknown
#   reset     POST /api/reset: user@example.com (confirmed, active) vs an unknown email
#   confirm   POST /api/confirm: an unconfirmed user (registered by this script) vs unknown
#   register  POST /api/register: a new email vs a taken one (registered by this script)
#   ussignin  POST /api/us-signin, wrong passcode: admin@example.com vs an unknown email
#   uscode    POST /api/us-signin/send-code by email: admin@example.com (no email method set up)
#             vs an unknown email
#   usmail    POST /api/us-signin/send-code by email: user@example.com, whose email method this
#             script sets up first (a real send: code, mail rendered, outbox, send counters) vs
#             an unknown email (the stand-in: counted on stand-in rows, mail rendered, discarded)
#   locked    POST /api/login: admin@example.com, locked out by the throttle, with its right
#             password vs an unknown email, locked out too (both answer 429). Runs alone
#             (BENCH_PAIRS=locked): the server then locks an account after 2 failures, which the
#             other pairs would reach.
#
# The server runs with security.return_generic_responses=true: that is the mode that promises not
# to tell accounts apart, so timing is the only signal left (without it the answers themselves
# differ, as in Flask-Security). Mailed links use security.external_base_url, so they never depend
# on the Host header; requests carry the sample's normal Host (localhost:<port>).
#
# Env: BENCH_SAMPLES (per side, default 200), BENCH_WARMUP (rounds not counted, default 30),
#      BENCH_PAIRS (comma list, default all), BENCH_TARGET (max ratio, default 1.10),
#      BENCH_PORT (default: a free port), BENCH_SKIP_BUILD=1 (reuse sample-war/target),
#      BENCH_START_TIMEOUT (seconds to wait for the server, default 120).
# Exit status: 0 when every ratio is <= BENCH_TARGET, 1 otherwise (2 on a setup failure).
set -euo pipefail

cd "$(dirname "$0")/.."
SAMPLES=${BENCH_SAMPLES:-200}
WARMUP=${BENCH_WARMUP:-30}
PAIRS=${BENCH_PAIRS:-login,basic,reset,confirm,register,ussignin,uscode,usmail}
TARGET=${BENCH_TARGET:-1.10}
source "$(dirname "$0")/lib/sample-server.sh" portcullis-enum

build_sample
# Generic responses on: see above. Mailed links from external_base_url, never from Host.
# Unified sign-in on (with a TOTP wallet) for the us* pairs.
# The throttle stays on (its counting runs on both sides of every pair) with limits no run
# reaches: the pairs repeat failures and mail requests from one address by design.
ACCOUNT_LIMITS=(SECURITY_THROTTLE_ACCOUNT_FREE_FAILURES=1000000 SECURITY_THROTTLE_ACCOUNT_LOCKOUT_FAILURES=2000000)
if [[ ",$PAIRS," == *",locked,"* ]]; then
  if [[ "$PAIRS" != locked ]]; then
    echo "the locked pair runs alone: BENCH_PAIRS=locked" >&2
    exit 2
  fi
  # One free failure, locked at the second (after a 1 s wait), for a day: the setup locks both sides.
  ACCOUNT_LIMITS=(SECURITY_THROTTLE_ACCOUNT_FREE_FAILURES=1 SECURITY_THROTTLE_ACCOUNT_LOCKOUT_FAILURES=2
    "SECURITY_THROTTLE_DELAY=1 seconds" "SECURITY_THROTTLE_LOCKOUT=1 days")
fi
start_sample SECURITY_RETURN_GENERIC_RESPONSES=true SECURITY_EXTERNAL_BASE_URL="$BASE/api" \
  SECURITY_UNIFIED_SIGNIN=true SECURITY_TOTP_SECRETS=1=bench-wallet-secret \
  "${ACCOUNT_LIMITS[@]}" \
  SECURITY_THROTTLE_ADDRESS_FREE_FAILURES=1000000 SECURITY_THROTTLE_ADDRESS_LOCKOUT_FAILURES=2000000 \
  SECURITY_THROTTLE_MAIL_ACCOUNT_LIMIT=1000000 SECURITY_THROTTLE_MAIL_ADDRESS_LIMIT=1000000 \
  SECURITY_TWO_FACTOR_CODE_SEND_LIMIT=1000000

echo "== measuring pairs [$PAIRS]: $WARMUP warm-up rounds, then $SAMPLES interleaved rounds"
python3 - "$PORT" "$SAMPLES" "$WARMUP" "$PAIRS" "$TARGET" "$WORK/server.log" <<'PY'
import base64, http.client, json, re, secrets, statistics, sys, time

port, samples, warmup = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
pairs, target = sys.argv[4].split(","), float(sys.argv[5])
server_log = sys.argv[6]  # the console mail backend prints mails there
HOST = "localhost"  # loopback only
RUN = secrets.token_hex(3)
PASSWORD = "Bench-horse-battery-42"  # acceptable to the default policy (zxcvbn >= 3)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(2)


class Client:
    """One browser: a keep-alive connection to localhost and its cookies."""

    def __init__(self):
        self.cookies = {}
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        """(status, parsed JSON or None, seconds spent on this request)."""
        head = {"Accept": "application/json", "Host": f"{HOST}:{port}"}
        head.update(headers or {})
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            head["Content-Type"] = "application/json"
        for attempt in (1, 2):  # one reconnect when the server closed the kept-alive connection
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, port, timeout=60)
                self.conn.connect()
            try:
                start = time.perf_counter()
                self.conn.request(method, "/sample/api/" + path, body=data, headers=head)
                response = self.conn.getresponse()
                raw = response.read()
                spent = time.perf_counter() - start
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie = value.split(";", 1)[0]
                key, _, val = cookie.partition("=")
                self.cookies[key.strip()] = val.strip()
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return response.status, parsed, spent

    def csrf(self):
        status, body, _ = self.request("GET", "login")
        if status != 200:
            fail(f"GET /api/login answered {status}")
        return body["response"]["csrf_token"]

    def post(self, path, fields):
        return self.request("POST", path, dict(fields, csrf_token=self.csrf()))


def basic(identity):
    token = base64.b64encode(f"{identity}:wrong-password-1".encode()).decode()
    return {"Authorization": "Basic " + token}


# Emails of equal length on both sides where the email is hashed (confirmation tokens).
taken = f"bench-{RUN}-taken0@example.com"
unknown = f"bench-{RUN}-nobody@example.com"
counter = iter(range(10**6))


def new_email():
    return f"bench-{RUN}-{next(counter):06d}@example.com"


setup = Client()
status, body, _ = setup.post("register", {"email": taken, "password": PASSWORD})
if status != 200:
    fail(f"setup: registering {taken} answered {status}: {body}")



def mailed_code(to, after):
    """The code of the first mail to `to` the console backend printed past offset `after`."""
    for _ in range(60):
        with open(server_log, encoding="utf-8", errors="replace") as log:
            log.seek(after)
            text = log.read()
        match = re.search(r"\nTo: " + re.escape(to) + r"\n.*?\b(\d{6})\b", text, re.S)
        if match:
            return match.group(1)
        time.sleep(1)
    fail(f"setup: no code mailed to {to}")


def set_up_email_method(email, password):
    """Signs `email` in and sets up its unified sign-in email method with the mailed code."""
    owner = Client()
    status, body, _ = owner.post("login", {"email": email, "password": password})
    if status != 200:
        fail(f"setup: login of {email} answered {status}: {body}")
    with open(server_log, "rb") as log:
        offset = log.seek(0, 2)
    status, body, _ = owner.post("us-setup", {"chosen_method": "email"})
    if status != 200:
        fail(f"setup: us-setup of {email} answered {status}: {body}")
    state = body["response"]["state"]
    status, body, _ = owner.post(f"us-setup/{state}", {"passcode": mailed_code(email, offset)})
    if status != 200:
        fail(f"setup: us-setup/<state> of {email} answered {status}: {body}")


if "usmail" in pairs:
    set_up_email_method("user@example.com", "Password123!")

# name -> (expected status, known request, unknown request); each request is fn(client).
PAIRS = {
    "login": (400,
              lambda c: c.post("login", {"email": "admin@example.com", "password": "wrong-password-1"}),
              lambda c: c.post("login", {"email": "ghost@example.com", "password": "wrong-password-1"})),
    "basic": (401,
              lambda c: c.request("GET", "whoami", headers=basic("admin@example.com")),
              lambda c: c.request("GET", "whoami", headers=basic("ghost@example.com"))),
    "reset": (200,
              lambda c: c.post("reset", {"email": "user@example.com"}),
              lambda c: c.post("reset", {"email": "nouser@example.com"})),
    "confirm": (200,
                lambda c: c.post("confirm", {"email": taken}),
                lambda c: c.post("confirm", {"email": unknown})),
    "register": (200,
                 lambda c: c.post("register", {"email": new_email(), "password": PASSWORD}),
                 lambda c: c.post("register", {"email": taken, "password": PASSWORD})),
    "ussignin": (400,
                 lambda c: c.post("us-signin", {"identity": "admin@example.com", "passcode": "123456"}),
                 lambda c: c.post("us-signin", {"identity": "ghost@example.com", "passcode": "123456"})),
    "uscode": (200,
               lambda c: c.post("us-signin/send-code", {"identity": "admin@example.com", "chosen_method": "email"}),
               lambda c: c.post("us-signin/send-code", {"identity": "ghost@example.com", "chosen_method": "email"})),
    "usmail": (200,
               lambda c: c.post("us-signin/send-code", {"identity": "user@example.com", "chosen_method": "email"}),
               lambda c: c.post("us-signin/send-code", {"identity": "nouser@example.com", "chosen_method": "email"})),
    "locked": (429,
               lambda c: c.post("login", {"email": "admin@example.com", "password": "Password123!"}),
               lambda c: c.post("login", {"email": "ghost@example.com", "password": "wrong-password-1"})),
}
if "locked" in pairs:
    # Two failures 1 s apart lock each side (free failures 1, lockout at 2; see the server's start).
    for identity in ("admin@example.com", "ghost@example.com"):
        for attempt in (1, 2):
            status, body, _ = setup.post("login", {"email": identity, "password": "wrong-password-1"})
            if status != 400:
                fail(f"setup: failure {attempt} of {identity} answered {status}: {body}")
            time.sleep(1.2)
        status, body, _ = setup.post("login", {"email": identity, "password": "wrong-password-1"})
        if status != 429:
            fail(f"setup: {identity} is not locked out ({status}: {body})")
unknown_pairs = [p for p in pairs if p not in PAIRS]
if unknown_pairs:
    fail(f"unknown pair(s) {unknown_pairs}; known: {list(PAIRS)}")

clients = {p: (Client(), Client()) for p in pairs}
times = {p: ([], []) for p in pairs}
total = warmup + samples
for rnd in range(total):
    # Alternate which side goes first, so neither side always follows the other's leftovers.
    order = (0, 1) if rnd % 2 == 0 else (1, 0)
    for p in pairs:
        expected, *requests = PAIRS[p]
        for side in order:
            status, body, spent = requests[side](clients[p][side])
            if status != expected:
                fail(f"{p} {'known' if side == 0 else 'unknown'}: expected {expected}, got "
                         f"{status}: {json.dumps(body)[:300]}")
            if rnd >= warmup:
                times[p][side].append(spent)
    if (rnd + 1) % 25 == 0:
        print(f"   round {rnd + 1}/{total}", flush=True)

print()
print(f"== results ({time.strftime('%Y-%m-%d', time.gmtime())}, median of {samples} samples per side,"
      f" generic responses on)")
print(f"{'pair':10s} {'known ms':>10s} {'unknown ms':>11s} {'max/min':>8s}")
failed = False
for p in pairs:
    known, other = (statistics.median(t) * 1000 for t in times[p])
    ratio = max(known, other) / min(known, other)
    ok = ratio <= target
    failed |= not ok
    print(f"{p:10s} {known:10.1f} {other:11.1f} {ratio:8.2f}  {'ok' if ok else 'ABOVE TARGET'}"
          f" (target <= {target:.2f})")
sys.exit(1 if failed else 0)
PY
