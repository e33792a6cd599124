#!/usr/bin/python3
"""Checks hashes produced by Portcullis with Flask-Security's own verify_password.

Used by PasswordHasherInteropTest (skipped when /usr/bin/python3 lacks flask_security).
Reads lines "mode<TAB>password_salt<TAB>password<TAB>hash" (UTF-8) from stdin, where mode is
"double" or "single" (SECURITY_PASSWORD_SINGLE_HASH=True), and prints "True" or "False" per line.
The password is normalized like Flask-Security's login form does before verifying.
"""
import sys

from flask_security import verify_password

from flask_app import make_app, normalize

_apps = {}


def check(mode, salt, password, stored):
    key = (mode, salt)
    if key not in _apps:
        _apps[key] = make_app(salt, single_hash=(mode == "single"))
    app = _apps[key]
    with app.app_context():
        return verify_password(normalize(app, password), stored)


def main():
    stdin = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)
    for line in stdin:
        mode, salt, password, stored = line.rstrip("\n").split("\t")
        print(check(mode, salt, password, stored), flush=True)


if __name__ == "__main__":
    main()
