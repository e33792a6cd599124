#!/usr/bin/python3
"""Runs Flask-Security against a database Portcullis has written, and reports what it sees.

The other half of a rolling migration: after Portcullis adopted a Flask-Security database and
wrote to it (new users, role changes, login tracking, re-hashed passwords), the Flask application
must still work on it. Portcullis' adoption tests call this script with a request on stdin and
check the JSON report on stdout; it does not judge anything itself.

    /usr/bin/python3 check.py <postgresql|mariadb> <schema>  < request.json

Request keys (all optional), handled in this order:
    users             ["<email>"]              the rows as Flask-Security's models read them,
                                               before anything below changes them
    sign_in           [{"email", "password"}]  Flask-Security's JSON /login, then /whoami
    tokens            ["<auth token>"]         GET /whoami with the Authentication-Token header
    remember_cookies  ["<cookie value>"]       GET /whoami with only the remember_token cookie
    create            {"email", "password", "roles", "confirmed"}  a new user through Flask's
                                               datastore (confirmed: confirmed_at = now)
    webauthn_create   [{"email", "name", "usage", "credential_id", "public_key", "sign_count",
                        "transports", "backup_state", "device_type", "extensions"}]
                                               a WebAuthn key stored as Flask's
                                               wan_register_response stores a verified one
                                               (the user's handle set first if missing);
                                               credential_id and public_key (COSE_Key) base64url
    webauthn          ["<email>"]              the user's keys as Flask's model reads them, after
                                               everything above

Report: the same keys; sign_in/tokens/remember_cookies give {"status", "whoami"} per entry in
order, users gives the fields per email (null when not found), create gives the new user's id,
webauthn_create gives {"id", "user_handle"} per key, webauthn gives the keys per email.

py_webauthn (which Flask-Security's WebAuthn views need) is not packaged by Debian; the model, the
datastore and the user handle need only Flask-Security and SQLAlchemy.
"""

import base64
import datetime
import json
import sys

from flask_security.utils import hash_password

from flask_app import create_app, db


def whoami(client, **headers):
    reply = client.get("/whoami", headers=headers)
    return {"status": reply.status_code, "whoami": reply.json if reply.status_code == 200 else None}


def sign_in(app, email, password):
    client = app.test_client()
    reply = client.post("/login", json={"email": email, "password": password})
    if reply.status_code != 200:
        return {"status": reply.status_code, "whoami": None}
    return whoami(client)


def with_remember_cookie(app, value):
    client = app.test_client()
    client.set_cookie("localhost", "remember_token", value)
    return whoami(client)


def describe(app, email):
    with app.app_context():
        user = app.security.datastore.find_user(case_insensitive=True, email=email)
        if user is None:
            return None
        return {
            "id": user.id,
            "email": user.email,
            "username": user.username,
            "active": user.active,
            "confirmed": user.confirmed_at is not None,
            "fs_uniquifier": user.fs_uniquifier,
            "password_scheme": app.security.pwd_context.identify(user.password)
            if user.password
            else None,
            "roles": sorted(r.name for r in user.roles),
            "permissions": sorted({p for r in user.roles for p in r.get_permissions()}),
            "login_count": user.login_count,
            "current_login_ip": user.current_login_ip,
            "current_login_at": user.current_login_at.isoformat()
            if user.current_login_at
            else None,
        }


def create(app, email, password, roles, confirmed):
    with app.app_context():
        ds = app.security.datastore
        user = ds.create_user(
            email=email,
            password=hash_password(password),
            roles=roles,
            confirmed_at=datetime.datetime.utcnow() if confirmed else None,
        )
        db.session.commit()
        return {"id": user.id, "email": user.email}


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def create_webauthn(app, key):
    with app.app_context():
        ds = app.security.datastore
        user = ds.find_user(case_insensitive=True, email=key["email"])
        if not user.fs_webauthn_user_handle:
            ds.set_webauthn_user_handle(user)
        ds.create_webauthn(
            user,
            name=key["name"],
            credential_id=b64url_decode(key["credential_id"]),
            public_key=b64url_decode(key["public_key"]),
            sign_count=key.get("sign_count", 0),
            backup_state=key.get("backup_state", False),
            device_type=key.get("device_type", "single_device"),
            transports=key.get("transports"),
            extensions=key.get("extensions"),
            usage=key["usage"],
        )
        db.session.commit()
        stored = ds.find_webauthn(credential_id=b64url_decode(key["credential_id"]))
        return {"id": stored.id, "user_handle": user.fs_webauthn_user_handle}


def webauthn_keys(app, email):
    with app.app_context():
        user = app.security.datastore.find_user(case_insensitive=True, email=email)
        if user is None:
            return None
        return [
            {
                "name": cred.name,
                "usage": cred.usage,
                "credential_id": b64url(cred.credential_id),
                "public_key": b64url(cred.public_key),
                "sign_count": cred.sign_count,
                "transports": list(cred.transports or []),
                "backup_state": cred.backup_state,
                "device_type": cred.device_type,
                "extensions": cred.extensions,
                "lastuse": cred.lastuse_datetime.isoformat(),
            }
            for cred in sorted(user.webauthn, key=lambda c: c.id)
        ]


def main(database, schema):
    request = json.load(sys.stdin)
    app = create_app(database, schema)
    report = {}
    if "users" in request:
        report["users"] = {email: describe(app, email) for email in request["users"]}
    if "sign_in" in request:
        report["sign_in"] = [sign_in(app, s["email"], s["password"]) for s in request["sign_in"]]
    if "tokens" in request:
        report["tokens"] = [
            whoami(app.test_client(), **{"Authentication-Token": t}) for t in request["tokens"]
        ]
    if "remember_cookies" in request:
        report["remember_cookies"] = [
            with_remember_cookie(app, c) for c in request["remember_cookies"]
        ]
    if "create" in request:
        c = request["create"]
        report["create"] = create(
            app, c["email"], c["password"], c.get("roles", []), c.get("confirmed", False)
        )
    if "webauthn_create" in request:
        report["webauthn_create"] = [create_webauthn(app, k) for k in request["webauthn_create"]]
    if "webauthn" in request:
        report["webauthn"] = {email: webauthn_keys(app, email) for email in request["webauthn"]}
    with app.app_context():
        db.engine.dispose()
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
