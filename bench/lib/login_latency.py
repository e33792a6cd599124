"""Latency of POST /api/login on the sample: sequential sign-ins of admin@example.com over one
kept-alive connection, each from a fresh anonymous session (GET /api/login for the CSRF token,
not timed, then the timed POST). Prints the median in milliseconds.

Usage: python3 bench/lib/login_latency.py PORT SAMPLES WARMUP
"""

import http.client
import json
import statistics
import sys
import time

PORT, SAMPLES, WARMUP = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
PASSWORD = "Password123!"


class Connection:
    def __init__(self):
        self.conn = None

    def request(self, method, path, body=None, cookies=None):
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        for attempt in (1, 2):  # one reconnect when the server closed the kept-alive connection
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
                self.conn.connect()
            try:
                start = time.perf_counter()
                self.conn.request(method, "/sample/api/" + path, body=body, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                spent = time.perf_counter() - start
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        set_cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, val = value.split(";", 1)[0].partition("=")
                set_cookies[key.strip()] = val.strip()
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, raw, set_cookies, spent


def sign_in(connection):
    status, raw, cookies, _ = connection.request("GET", "login")
    if status != 200:
        raise SystemExit(f"GET /api/login answered {status}")
    csrf = json.loads(raw)["response"]["csrf_token"]
    body = json.dumps({"email": "admin@example.com", "password": PASSWORD, "csrf_token": csrf})
    status, raw, _, spent = connection.request("POST", "login", body, cookies)
    if status != 200:
        raise SystemExit(f"POST /api/login answered {status}: {raw[:200]!r}")
    return spent * 1000


connection = Connection()
for _ in range(WARMUP):
    sign_in(connection)
print(f"{statistics.median(sign_in(connection) for _ in range(SAMPLES)):.2f}")
