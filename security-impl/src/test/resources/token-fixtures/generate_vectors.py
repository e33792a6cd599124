#!/usr/bin/python3
"""Generates the token test vectors in vectors.json with the real Python libraries.

The Java tests (dev.portcullis.impl.token.*Test) check that our implementation produces and
accepts exactly what itsdangerous, Flask-Security, Flask-Login and Flask-WTF produce.

Run with Debian's interpreter (itsdangerous 2.1.2, Flask-Security-Too 5.1.2, Flask-Login,
Flask-WTF), from any directory other than a package source tree:

    cd security-impl/src/test/resources/token-fixtures
    /usr/bin/python3 generate_vectors.py > vectors.json

The output is deterministic except for the Flask-WTF raw CSRF value (random by design).
"""
import json
import sys
from unittest import mock

import flask
import flask_login.utils
import flask_wtf.csrf
import itsdangerous
from flask_security.core import _default_config, _get_serializer

# Non-ASCII on purpose: itsdangerous encodes the key as UTF-8, Flask-Login as latin-1.
SECRET = "portcullis-fixture-secret-\u00e9\u00df"
TS = 1_700_000_000  # 2023-11-14T22:13:20Z

SIGNED = [
    ("remember-salt", {"ver": "5", "uid": "a1b2c3", "sid": 0, "exp": 0}),
    ("confirm-salt", ["0f1e2d3c", "$5$rounds=535000$abc$def"]),
    ("reset-salt", ["0f1e2d3c", None]),
    ("login-salt", ["0f1e2d3c"]),
    ("tf-validity-salt", "0f1e2d3c"),
    ("wan-salt", {"challenge": "x" * 43, "user_verification": False}),
    # Long and repetitive: itsdangerous compresses it ('.'-prefixed payload).
    ("us-setup-salt", {"totp_secret": "ABCDEFGH" * 40, "chosen_method": "email",
                       "phone_number": None}),
    # Non-ASCII (kept as UTF-8 by itsdangerous), an astral character and control escapes.
    ("change-email-salt", {"name": "Zo\u00eb \u65e5\u672c \U0001F600", "ctl": "a\tb\n\"\\\x01\x7f",
                           "n": -12345678901, "t": True, "f": False, "z": None,
                           "nested": {"list": [1, [2, [3]], {}], "empty": []}}),
    ("wtf-csrf-token", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4"),
    ("some-salt", 0),
]


def signed_vectors():
    out = []
    with mock.patch("time.time", return_value=TS + 0.75):
        for salt, payload in SIGNED:
            s = itsdangerous.URLSafeTimedSerializer(SECRET, salt=salt)
            out.append({"salt": salt, "payload": payload, "timestamp": TS,
                        "token": s.dumps(payload)})
    # A timestamp of zero encodes as an empty timestamp segment.
    with mock.patch("time.time", return_value=0):
        s = itsdangerous.URLSafeTimedSerializer(SECRET, salt="zero-salt")
        out.append({"salt": "zero-salt", "payload": [1], "timestamp": 0, "token": s.dumps([1])})
    return out


def flask_app():
    app = flask.Flask("vectors")
    app.config["SECRET_KEY"] = SECRET
    # What Security.init_app does: install Flask-Security's defaults (REMEMBER_SALT etc.).
    for key, value in _default_config.items():
        app.config.setdefault("SECURITY_" + key, value)
    return app


def auth_tokens(app):
    """Auth tokens signed with Flask-Security's own 'remember' serializer (REMEMBER_SALT)."""
    with app.app_context(), mock.patch("time.time", return_value=TS):
        s = _get_serializer(app, "remember")
        return {
            # 5.4 (version 5) payload as built by UserMixin.get_auth_token() in 5.4.
            "v5": s.dumps({"ver": "5", "uid": "tok-uniq-5", "sid": 0, "exp": 0}),
            "v5_exp_future": s.dumps({"ver": "5", "uid": "tok-uniq-5", "sid": 0, "exp": TS + 600}),
            "v5_exp_past": s.dumps({"ver": "5", "uid": "tok-uniq-5", "sid": 0, "exp": TS - 1}),
            # 4.x/5.1 format, exactly what Flask-Security 5.1.2 get_auth_token() dumps.
            "v4": s.dumps(["tok-uniq-4"]),
            # 3.x format: [id, password hash, fs_uniquifier].
            "v3": s.dumps(["7", "$2b$12$somehash", "tok-uniq-3"]),
            "v5_missing_sid": s.dumps({"ver": "5", "uid": "tok-uniq-5", "exp": 0}),
            "two_element_list": s.dumps(["a", "b"]),
            "timestamp": TS,
        }


def remember_cookies(app):
    with app.app_context():
        return [{"uniquifier": u, "cookie": flask_login.utils.encode_cookie(u)}
                for u in ["a3f1c2d4e5b6478899aabbccddeeff00", "uniq|with|pipes", "\u00fcni\u00e7\u00f8de"]]


def csrf(app):
    with app.test_request_context(), mock.patch("time.time", return_value=TS):
        token = flask_wtf.csrf.generate_csrf()
        return {"raw": flask.session["csrf_token"], "token": token, "timestamp": TS}


def main():
    app = flask_app()
    vectors = {
        "secret": SECRET,
        "itsdangerous": itsdangerous.__version__ if hasattr(itsdangerous, "__version__") else "2.x",
        "signed": signed_vectors(),
        "auth": auth_tokens(app),
        "remember": remember_cookies(app),
        "csrf": csrf(app),
    }
    json.dump(vectors, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
