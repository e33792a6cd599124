"""A minimal Flask-Security application on the fsqla_v3 reference models.

Shared by generate.py (which creates a Flask-Security database and the fixtures Portcullis' tests
adopt) and check.py (which runs Flask-Security against a database Portcullis has written). It is the
application a team would have before moving to Portcullis: Flask-SQLAlchemy, the fsqla_v3 models
with their default table names (user, role, roles_users, web_authn), trackable logins, bcrypt.

Written for Debian 12's packages: python3-flask-security (5.1.2), python3-flask-sqlalchemy (3.0),
python3-psycopg2 and python3-pymysql.
"""

from flask import Flask, jsonify
from flask_security import Security, SQLAlchemyUserDatastore, auth_required, current_user
from flask_security.models import fsqla_v3 as fsqla
from flask_sqlalchemy import SQLAlchemy

# Not secret: test fixtures only. Portcullis' tests configure the same values
# (security.secret_key, security.password_salt), as a team moving over would.
SECRET_KEY = "flask-fixture-secret-key-0123456789-abcdefghij"
PASSWORD_SALT = "flask-fixture-password-salt"

DATABASES = ("postgresql", "mariadb")

db = SQLAlchemy()
fsqla.FsModels.set_db_info(db)


class Role(db.Model, fsqla.FsRoleMixin):
    pass


class User(db.Model, fsqla.FsUserMixin):
    if not hasattr(fsqla.FsUserMixin, "webauthn"):
        # Flask-Security 5.1's fsqla_v3 declares this relationship only when py_webauthn imports,
        # and Debian does not package py_webauthn; the same declaration here, so that its
        # datastore's create_webauthn can store a key (check.py). No column changes.
        webauthn = db.relationship("WebAuthn", backref="users", cascade="all, delete")


class WebAuthn(db.Model, fsqla.FsWebAuthnMixin):
    pass


def database_url(database, schema):
    """SQLAlchemy URL and engine options for a schema (PostgreSQL) or database (MariaDB)."""
    if database == "postgresql":
        return (
            "postgresql+psycopg2://postgres@127.0.0.1:5432/test",
            {"connect_args": {"options": f"-csearch_path={schema}"}},
        )
    if database == "mariadb":
        return f"mysql+pymysql://root@127.0.0.1:3306/{schema}?charset=utf8mb4", {}
    raise ValueError(f"unknown database {database!r}; one of {DATABASES}")


def create_app(database, schema):
    url, engine_options = database_url(database, schema)
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=SECRET_KEY,
        SECURITY_PASSWORD_SALT=PASSWORD_SALT,
        SECURITY_TRACKABLE=True,
        SQLALCHEMY_DATABASE_URI=url,
        SQLALCHEMY_ENGINE_OPTIONS=engine_options,
        # The test client posts JSON without first fetching a CSRF token.
        WTF_CSRF_ENABLED=False,
        # No DNS look-ups for the example.com addresses (the default checks deliverability).
        SECURITY_EMAIL_VALIDATOR_ARGS={"check_deliverability": False},
        TESTING=True,
    )
    db.init_app(app)
    # The WebAuthn model, as an application with keys gives it (check.py stores keys).
    app.security = Security(app, SQLAlchemyUserDatastore(db, User, Role, WebAuthn))

    @app.route("/whoami")
    @auth_required("token", "session")
    def whoami():
        permissions = sorted({p for r in current_user.roles for p in r.get_permissions()})
        return jsonify(
            email=current_user.email,
            roles=sorted(r.name for r in current_user.roles),
            permissions=permissions,
        )

    return app
