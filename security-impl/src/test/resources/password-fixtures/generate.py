#!/usr/bin/python3
"""Generates passlib-fixtures.tsv with Flask-Security's own hash_password.

Run from this directory with Debian's python (flask_security 5.1.2, passlib 1.7.4, bcrypt, argon2):

    cd security-impl/src/test/resources/password-fixtures
    /usr/bin/python3 generate.py > passlib-fixtures.tsv

Columns (tab separated, UTF-8): scheme, mode ("double" = Flask's HMAC pre-hash,
"single" = SECURITY_PASSWORD_SINGLE_HASH=True), cost ("default" = Flask-Security's default
settings, "low" = reduced passlib options to keep the Java tests fast), password_salt,
password (as typed, before NFKD normalization), hash.
Passwords are normalized like Flask-Security's forms do before hash_password is called.
"""
import sys

from flask_security import hash_password

from flask_app import make_app, normalize

SCHEMES = [
    "bcrypt",
    "argon2",
    "pbkdf2_sha512",
    "pbkdf2_sha256",
    "sha512_crypt",
    "sha256_crypt",
    "des_crypt",
    "plaintext",
]

LOW_COST = {
    "argon2__rounds": 1,
    "argon2__memory_cost": 64,
    "argon2__parallelism": 1,
    "bcrypt__rounds": 4,
    "pbkdf2_sha512__rounds": 1000,
    "pbkdf2_sha256__rounds": 1000,
    "sha512_crypt__rounds": 1000,
    "sha256_crypt__rounds": 1000,
}

SALT = "fixture-salt"
ASCII_PASSWORD = "correct horse battery"
UNICODE_PASSWORD = "Pässwörd-ﬁ"  # composed umlauts + U+FB01 ligature: NFKD changes it
UNICODE_SALT = "sälz-ﬁ"  # the HMAC key is UTF-8 encoded, not normalized
LONG_PASSWORD = "ä" * 40 + "-tail-beyond-72-bytes"  # 101 UTF-8 bytes

# (mode, cost, salt, password)
CASES = [
    ("double", "default", SALT, ASCII_PASSWORD),
    ("double", "low", SALT, UNICODE_PASSWORD),
    ("double", "low", UNICODE_SALT, ASCII_PASSWORD),
    ("single", "low", SALT, ASCII_PASSWORD),
    ("single", "low", SALT, UNICODE_PASSWORD),
    ("single", "low", SALT, LONG_PASSWORD),
]


def main(out):
    out.write("# scheme\tmode\tcost\tpassword_salt\tpassword\thash\n")
    for scheme in SCHEMES:
        for mode, cost, salt, password in CASES:
            app = make_app(
                salt,
                scheme=scheme,
                single_hash=(mode == "single"),
                passlib_options=None if cost == "default" else LOW_COST,
            )
            with app.app_context():
                stored = hash_password(normalize(app, password))
            out.write("\t".join([scheme, mode, cost, salt, password, stored]) + "\n")


if __name__ == "__main__":
    main(sys.stdout)
