#!/usr/bin/python3
"""The other direction: reads what Portcullis wrote and answers what Flask-Security makes of it.

Input lines on stdin (tab-separated), one answer line each on stdout:
  totp <TAB> <stored tf_totp_secret> <TAB> <unix time>   -> the code Flask-Security's Totp gives
  uri <TAB> <stored tf_totp_secret> <TAB> <username>     -> Flask-Security's otpauth:// URI
  fernet <TAB> <stored recovery code>                    -> the code MultiFernet opens, or INVALID
  us <TAB> <us_totp_secrets column> <TAB> <method> <TAB> <unix time>
                                                         -> the code of that method's secret, read
                                                            as Flask-Security's us_get_totp_secrets
The wallet, issuer and Fernet keys are those of vectors.json. Used by MultiFactorInteropTest.
"""
import json
import os
import sys

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask_security.totp import Totp
from passlib.totp import TOTP

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "vectors.json"), encoding="utf-8") as f:
    VECTORS = json.load(f)
WALLET = VECTORS["wallet"]
ISSUER = VECTORS["issuer"]
FACTORY = Totp(WALLET, ISSUER)
FERNET = MultiFernet([Fernet(k.encode()) for k in VECTORS["fernet"]["keys"]])

for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if parts[0] == "totp":
        tp = TOTP.using(issuer=ISSUER, secrets=WALLET).from_source(parts[1])
        print(tp.generate(int(parts[2])).token)
    elif parts[0] == "uri":
        print(FACTORY.get_totp_uri(parts[2], parts[1]))
    elif parts[0] == "us":
        secret = json.loads(parts[1])[parts[2]]
        tp = TOTP.using(issuer=ISSUER, secrets=WALLET).from_source(secret)
        print(tp.generate(int(parts[3])).token)
    elif parts[0] == "fernet":
        try:
            print(FERNET.decrypt(parts[1].encode()).decode())
        except InvalidToken:
            print("INVALID")
    sys.stdout.flush()
