#!/usr/bin/python3
"""Generates the multi-factor test vectors in vectors.json with the real Python libraries.

The Java tests (dev.portcullis.impl.totp.*Test, dev.portcullis.impl.mfrecovery.*Test) check that
Portcullis reads what Flask-Security 5.1.2 (passlib 1.7.4's TOTP, cryptography's Fernet, pyotp)
writes: stored TOTP secrets (tf_totp_secret, us_totp_secrets and its values), the codes they give
at fixed times, the otpauth:// URIs, and Fernet-encrypted recovery codes (mf_recovery_codes).

Run with Debian's interpreter, from this directory:

    /usr/bin/python3 generate_vectors.py > vectors.json

Encrypted values carry random salts and IVs, so a new run writes different ciphertexts for the
same keys; each run is self-consistent.
"""
import json
import sys
import time as _time

import pyotp
from cryptography.fernet import Fernet, MultiFernet
from flask_security.totp import Totp
from passlib.totp import TOTP

# Non-ASCII on purpose: passlib encodes wallet secrets as UTF-8.
WALLET = {"1": "first wallet secret", "2": "zweites-Geheimnis-\u00e4\u00df"}
ISSUER = "Portcullis Fixtures"
TIMES = [0, 59, 1_111_111_109, 1_234_567_890, 2_000_000_000, 1_700_000_015]


def totp_vectors():
    vectors = []
    factory = Totp(WALLET, ISSUER)
    # Two keys written by Flask-Security itself (default tag = the largest, "2").
    stored = [factory.generate_totp_secret() for _ in range(2)]
    # One under the older tag, as a wallet rotated since would have left it.
    old = TOTP.using(issuer=ISSUER, secrets={"1": WALLET["1"]}).new()
    stored.append(old.to_json(encrypt=True))
    for secret in stored:
        tp = TOTP.using(issuer=ISSUER, secrets=WALLET).from_source(secret)
        vectors.append(
            {
                "stored": secret,
                "key": tp.base32_key,
                "codes": {str(t): pyotp.TOTP(tp.base32_key).at(t) for t in TIMES},
                "flask_codes_now_match": factory.generate_totp_password(secret)
                == pyotp.TOTP(tp.base32_key).now(),
                "uri": factory.get_totp_uri("ann@example.com", secret),
                "uri_odd_user": factory.get_totp_uri("J\u00f6rg B/x+y", secret),
            }
        )
    return vectors


def plain_forms():
    tp = TOTP.using(issuer=ISSUER, secrets=WALLET).new()
    return {
        "key": tp.base32_key,
        "plain_json": tp.to_json(encrypt=False),
        "uri": tp.to_uri("bob@example.com"),
    }


def fernet_vectors():
    keys = [Fernet.generate_key().decode(), Fernet.generate_key().decode()]
    codes = ["0a1b-2c3d-4e5f", "ffff-0000-9999", "1234-abcd-5678"]
    now = int(_time.time())
    # Encrypted with the first key, the second key, and one key no longer configured.
    stray = Fernet(Fernet.generate_key())
    tokens = [
        Fernet(keys[0].encode()).encrypt_at_time(codes[0].encode(), now).decode(),
        Fernet(keys[1].encode()).encrypt_at_time(codes[1].encode(), now).decode(),
        stray.encrypt_at_time(codes[2].encode(), now).decode(),
    ]
    multi = MultiFernet([Fernet(k.encode()) for k in keys])
    readable = [multi.decrypt(t).decode() for t in tokens[:2]]
    return {
        "keys": keys,
        "encrypted_at": now,
        "tokens": tokens,
        "codes": codes,
        "readable_with_keys": readable,
        "stored_column": ",".join(tokens),
    }


def unified_vectors():
    """us_totp_secrets as Flask-Security's datastore writes it (us_put_totp_secrets:
    json.dumps of {method: <passlib TOTP JSON>}), with each method's codes at TIMES. The phone
    number is not generated here: Debian ships no python3-phonenumbers; Flask stores E.164."""
    factory = Totp(WALLET, ISSUER)
    secrets = {m: factory.generate_totp_secret() for m in ("email", "authenticator", "sms")}
    codes = {}
    for method, secret in secrets.items():
        key = TOTP.using(issuer=ISSUER, secrets=WALLET).from_source(secret).base32_key
        codes[method] = {str(t): pyotp.TOTP(key).at(t) for t in TIMES}
    return {"us_totp_secrets": json.dumps(secrets), "codes": codes}


json.dump(
    {
        "wallet": WALLET,
        "issuer": ISSUER,
        "totp": totp_vectors(),
        "plain": plain_forms(),
        "fernet": fernet_vectors(),
        "unified": unified_vectors(),
    },
    sys.stdout,
    indent=2,
    ensure_ascii=False,
)
sys.stdout.write("\n")
