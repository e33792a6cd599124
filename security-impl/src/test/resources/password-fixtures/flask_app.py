"""Minimal Flask-Security application used by generate.py and verify_with_flask.py.

It only needs enough of Flask-Security to call ``hash_password``/``verify_password``:
no database, no blueprint. Requires Debian's python3 with flask_security 5.1.2 and
passlib 1.7.4 (``/usr/bin/python3``).
"""
import warnings

warnings.filterwarnings("ignore")

from flask import Flask  # noqa: E402
from flask_security import Security  # noqa: E402
from flask_security.datastore import UserDatastore  # noqa: E402


class _User:
    fs_uniquifier = None


class _Role:
    pass


class _NoStore(UserDatastore):
    def __init__(self):
        UserDatastore.__init__(self, _User, _Role)

    def put(self, model):
        return model

    def commit(self):
        pass


def make_app(salt, scheme="bcrypt", single_hash=False, passlib_options=None):
    """A Flask app whose SECURITY_* settings are Flask-Security's defaults except the ones given.

    single_hash=True sets SECURITY_PASSWORD_SINGLE_HASH=True (never pre-hash);
    passlib_options=None keeps Flask's default {"argon2__rounds": 10}.
    """
    app = Flask("portcullis-fixtures")
    app.config["SECRET_KEY"] = "not-used"
    app.config["SECURITY_PASSWORD_SALT"] = salt
    app.config["SECURITY_PASSWORD_HASH"] = scheme
    if single_hash:
        app.config["SECURITY_PASSWORD_SINGLE_HASH"] = True
    if passlib_options is not None:
        app.config["SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS"] = passlib_options
    Security(app, _NoStore(), register_blueprint=False)
    return app


def normalize(app, password):
    """What Flask-Security's forms do before hashing/verifying (PASSWORD_NORMALIZE_FORM)."""
    return app.extensions["security"]._password_util.normalize(password)
