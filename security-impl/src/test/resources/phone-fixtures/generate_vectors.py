#!/usr/bin/python3
"""Generates phone-number vectors in vectors.json with the real Flask-Security.

The Java test dev.portcullis.impl.sms.PhoneNumbersInteropTest checks that Portcullis' PhoneNumbers
accepts and refuses the same typed numbers as Flask-Security 5.1.2's PhoneUtil (Python's
phonenumbers) and stores the same canonical form (E.164) in us_phone_number / tf_phone_number, so
a user who set up SMS under Flask-Security is found by the number they type here, and back.

Run with Debian's interpreter (python3-flask-security, python3-phonenumbers), from this directory:

    /usr/bin/python3 generate_vectors.py > vectors.json

Numbers are fictitious or reserved for drama (e.g. NANP 555-01xx, Ofcom's drama ranges), chosen
from ranges whose validity does not change between metadata releases.
"""
import json
import sys

import phonenumbers
from flask import Flask
from flask_security.phone_util import PhoneUtil

TYPED = {
    "US": [
        "+1 650-253-0000",
        "(650) 253-0000",
        "650.253.0000",
        "6502530000",
        "+16502530000",
        "001 650 253 0000",
        "+1 (212) 555-0123",
        "555-0123",
        "+1 650 253",
        "12345",
        "not a number",
        "+44 20 7946 0958",
        "+49 30 901820",
        "+33 1 42 68 53 00",
        "+1 800 FLOWERS",
        "",
    ],
    "GB": [
        "020 7946 0958",
        "+44 (0)20 7946 0958",
        "07700 900123",
        "0044 7700 900123",
        "+16502530000",
        "0123",
    ],
    "DE": [
        "030 901820",
        "+49 (0) 30 901820",
        "0151 23456789",
        "0049 151 23456789",
        "030",
    ],
    "FR": [
        "01 42 68 53 00",
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033 612345678",
        "01 42",
    ],
}


def main():
    app = Flask(__name__)
    vectors = []
    for region, numbers in TYPED.items():
        app.config["SECURITY_PHONE_REGION_DEFAULT"] = region
        with app.app_context():
            util = PhoneUtil(app)
            for typed in numbers:
                vectors.append(
                    {
                        "region": region,
                        "typed": typed,
                        # None: refused (validate_phone_number answers PHONE_INVALID alike)
                        "canonical": util.get_canonical_form(typed),
                    }
                )
    json.dump(
        {"phonenumbers": phonenumbers.__version__, "vectors": vectors},
        sys.stdout,
        indent=2,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
