#!/usr/bin/python3
"""Generates the Flask-Security databases Portcullis' adoption tests take over.

For each database (PostgreSQL schema / MariaDB database ``flask_fixture``) this script lets the real
Flask-Security (Debian's python3-flask-security on Flask-SQLAlchemy, fsqla_v3 models) create its
tables and rows, signs users in through Flask-Security's own /login to obtain the auth tokens and
remember-me cookies it issues, then writes

    <database>/dump.sql      the schema and rows, as pg_dump / mariadb-dump print them
    <database>/issued.json   the secret key and salt, passwords, tokens and cookies Flask issued

next to this file, and drops the fixture schema again. The tests load dump.sql into a fresh schema
(replacing the schema name ``flask_fixture``) and expect what issued.json says.

Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust, database test), MariaDB on
127.0.0.1:3306 (root, no password), pg_dump, mariadb-dump, and
    apt-get install python3-flask-security python3-flask-sqlalchemy python3-psycopg2 python3-pymysql

Run from anywhere:  /usr/bin/python3 tools/flask-fixtures/generate.py [postgresql] [mariadb]
"""

import datetime
import json
import pathlib
import re
import subprocess
import sys

import flask_security
import psycopg2
import pymysql
from flask_security.utils import get_hmac, hash_password

import flask_app
from flask_app import PASSWORD_SALT, SECRET_KEY, create_app, db

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = "flask_fixture"

# Passwords of the fixture users (test data, not secrets).
PASSWORDS = {
    "ann@example.com": "Ann-Password-2024",
    "bob@example.com": "Bob-Password-2024",
    "dan@example.com": "Dan-Password-2024",
    "Fay@example.com": "Fay-Password-2024",
    "gone@example.com": "Gone-Password-2024",
}
CONFIRMED = datetime.datetime(2024, 1, 15, 9, 30, 0)


def recreate_schema(database):
    if database == "postgresql":
        conn = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="test")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            cur.execute(f"CREATE SCHEMA {SCHEMA}")
        conn.close()
    else:
        # The server's default character set and collation, as a Flask application's database
        # would usually have them.
        conn = pymysql.connect(host="127.0.0.1", port=3306, user="root", autocommit=True)
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {SCHEMA}")
            cur.execute(f"CREATE DATABASE {SCHEMA}")
        conn.close()


def drop_schema(database):
    if database == "postgresql":
        conn = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="test")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        conn.close()
    else:
        conn = pymysql.connect(host="127.0.0.1", port=3306, user="root", autocommit=True)
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {SCHEMA}")
        conn.close()


def seed(app):
    """Roles and users as a Flask-Security application would have them."""
    ds = app.security.datastore
    admin = ds.create_role(
        name="admin", description="Administrators", permissions="admin-read,admin-write"
    )
    member = ds.create_role(name="user", description="Users", permissions="user-read")
    ds.create_role(name="editor", description="Editors", permissions="content-edit")
    ann = ds.create_user(
        email="ann@example.com",
        username="ann",
        password=hash_password(PASSWORDS["ann@example.com"]),
        roles=[admin, member],
        confirmed_at=CONFIRMED,
    )
    ds.mf_set_recovery_codes(ann, ["1a2b-3c4d-5e6f", "7a8b-9c0d-1e2f"])
    # A hash in a scheme Flask-Security still accepts but no longer writes by default: Portcullis
    # re-hashes it at the next sign-in (verify-and-update).
    pbkdf2 = app.security.pwd_context.hash(
        get_hmac(PASSWORDS["bob@example.com"]).decode("ascii"), scheme="pbkdf2_sha512"
    )
    ds.create_user(
        email="bob@example.com",
        username="bob",
        password=pbkdf2,
        roles=[member],
        confirmed_at=CONFIRMED,
    )
    db.session.commit()
    # A user deleted again: the id sequence has moved past every id still in the table.
    gone = ds.create_user(
        email="gone@example.com", password=hash_password(PASSWORDS["gone@example.com"])
    )
    db.session.commit()
    ds.delete_user(gone)
    ds.create_user(
        email="dan@example.com",
        password=hash_password(PASSWORDS["dan@example.com"]),
        roles=[member],
        confirmed_at=CONFIRMED,
    )
    ds.create_user(email="eve@example.com", password=None)
    ds.create_user(
        email="Fay@example.com",
        username="Fay",
        password=hash_password(PASSWORDS["Fay@example.com"]),
        us_phone_number="+15105551234",
        confirmed_at=CONFIRMED,
    )
    db.session.commit()


def sign_in(app, email, remember):
    """Flask-Security's JSON /login; the auth token and remember-me cookie it hands out."""
    client = app.test_client()
    reply = client.post(
        "/login?include_auth_token",
        json={"email": email, "password": PASSWORDS[email], "remember": remember},
    )
    if reply.status_code != 200:
        raise SystemExit(f"Flask-Security refused {email}: {reply.status_code} {reply.json}")
    issued = {"auth_token": reply.json["response"]["user"]["authentication_token"]}
    if remember:
        cookie = next(c for c in client.cookie_jar if c.name == "remember_token")
        issued["remember_cookie"] = cookie.value
    return issued


def auth_token(app, email):
    """The token Flask-Security's /login would return (UserMixin.get_auth_token)."""
    with app.test_request_context():
        return app.security.datastore.find_user(email=email).get_auth_token()


def generate(database):
    recreate_schema(database)
    app = create_app(database, SCHEMA)
    users = {}
    with app.app_context():
        db.create_all()
        seed(app)
    # Outside the application context above: each request gets its own, so no signed-in user
    # lingers from one sign-in to the next.
    users["ann@example.com"] = sign_in(app, "ann@example.com", remember=True)
    # Not signed in: Flask-Security would re-hash bob's pbkdf2 password (verify-and-update), and
    # the fixture keeps it for Portcullis to re-hash. A token as Flask-Security issues it anyway.
    users["bob@example.com"] = {"auth_token": auth_token(app, "bob@example.com")}
    users["dan@example.com"] = sign_in(app, "dan@example.com", remember=True)
    with app.app_context():
        # Deactivated after signing in: its token and cookie must no longer let it in.
        ds = app.security.datastore
        ds.deactivate_user(ds.find_user(email="dan@example.com"))
        db.session.commit()
        db.engine.dispose()
    for email, password in PASSWORDS.items():
        if email != "gone@example.com":
            users.setdefault(email, {})["password"] = password
    out = HERE / database
    out.mkdir(exist_ok=True)
    (out / "dump.sql").write_text(dump(database), encoding="utf-8")
    issued = {
        "generated_by": "tools/flask-fixtures/generate.py",
        "flask_security": flask_security.__version__,
        "models": "fsqla_v3",
        "schema": SCHEMA,
        "secret_key": SECRET_KEY,
        "password_salt": PASSWORD_SALT,
        "users": users,
    }
    (out / "issued.json").write_text(json.dumps(issued, indent=2) + "\n", encoding="utf-8")
    drop_schema(database)
    print(f"{database}: {out / 'dump.sql'}, {out / 'issued.json'}")


def dump(database):
    if database == "postgresql":
        text = run(
            "pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", "test",
            f"--schema={SCHEMA}", "--no-owner", "--no-privileges", "--column-inserts",
        )
        # psql meta-commands (\restrict with a random key, newer pg_dump) are not SQL and change
        # on every run; the tests execute the file over JDBC.
        return "".join(line for line in text.splitlines(True) if not line.startswith("\\"))
    text = run(
        "mariadb-dump", "-h", "127.0.0.1", "-P", "3306", "-u", "root",
        "--skip-extended-insert", "--complete-insert", "--skip-dump-date", SCHEMA,
    )
    # The first line of newer dumps ("/*M!999999\\- enable the sandbox mode */") is a directive
    # for the mariadb client, not SQL.
    lines = [line for line in text.splitlines(True) if not line.startswith("/*M!999999")]
    return re.sub(r"^-- Host: .*$", "-- Host: 127.0.0.1", "".join(lines), flags=re.M)


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


if __name__ == "__main__":
    for name in sys.argv[1:] or flask_app.DATABASES:
        generate(name)
